using System.Collections.Immutable;

namespace NewsLsp.Analysis.Entities;

/// <summary>
/// The entities of the whole corpus and which spelling (in which type) belongs to which. The value of
/// <see cref="EntityLinkingQuery"/>; positions are not here (see <see cref="EntityIndex"/> for mentions).
/// </summary>
public sealed class LinkedEntities
{
    private readonly ImmutableDictionary<(string Key, EntityType Type), LinkedEntity> _byForm;
    private readonly ImmutableDictionary<string, LinkedEntity> _byId;

    internal LinkedEntities(ImmutableArray<LinkedEntity> entities, ImmutableDictionary<(string Key, EntityType Type), LinkedEntity> byForm)
    {
        Entities = entities;
        _byForm = byForm;
        _byId = entities.ToImmutableDictionary(e => e.Id, StringComparer.Ordinal);
    }

    /// <summary>Every entity, ordered by id.</summary>
    public ImmutableArray<LinkedEntity> Entities { get; }

    /// <summary>The entity a spelling of the given type belongs to.</summary>
    public LinkedEntity? Find(string text, EntityType type) => _byForm.GetValueOrDefault((NameForms.Key(text), type));

    public LinkedEntity? FindById(string id) => _byId.GetValueOrDefault(id);
}
