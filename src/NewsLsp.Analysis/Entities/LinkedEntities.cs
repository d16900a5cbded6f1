using System.Collections.Immutable;

namespace NewsLsp.Analysis.Entities;

/// <summary>
/// The entities of the whole corpus and which spelling (in which type) belongs to which. The value of
/// <see cref="EntityLinkingQuery"/>; positions are not here (see <see cref="EntityIndex"/> for mentions).
/// Article-scoped: an article's part is the entities its mentions find, and a value made by an update knows which
/// articles' part differs from the values it was updated from (see <see cref="ArticleScopedHistory"/>).
/// </summary>
public sealed class LinkedEntities : IArticleScopedFact
{
    private readonly ImmutableDictionary<(string Key, EntityType Type), LinkedEntity> _byForm;
    private readonly ImmutableSortedDictionary<string, LinkedEntity> _byId;
    private readonly Lazy<ImmutableArray<LinkedEntity>> _entities;
    private LinkingState? _state;
    private readonly ArticleScopedHistory _history;

    internal LinkedEntities(ImmutableSortedDictionary<string, LinkedEntity> byId, ImmutableDictionary<(string Key, EntityType Type), LinkedEntity> byForm, LinkingState state,
        int relinkedNames, LinkedEntities? previous = null, IReadOnlySet<DocumentKey>? changedSincePrevious = null)
    {
        _history = ArticleScopedHistory.After(previous, previous?._history, changedSincePrevious);
        LastRelinkedNames = relinkedNames;
        _byId = byId;
        _byForm = byForm;
        _state = state;
        // Built on demand: an update changes a few entities, and copying all of them would cost O(corpus) per edit.
        _entities = new(() => [.. byId.Values]);
    }

    /// <summary>Every entity, ordered by id.</summary>
    public ImmutableArray<LinkedEntity> Entities => _entities.Value;

    /// <summary>How many names the computation of this value linked: all of them from scratch, a neighbourhood on update.</summary>
    internal int LastRelinkedNames { get; }

    /// <summary>Every (folded name, type) that finds an entity.</summary>
    internal IEnumerable<(string Key, EntityType Type)> Forms => _byForm.Keys;

    /// <summary>
    /// Hands the linking state to the next value (once): null when it was already taken, or lost to an update that
    /// failed half-way, in which case the caller computes from scratch.
    /// </summary>
    internal LinkingState? TakeState() => Interlocked.Exchange(ref _state, null);

    /// <summary>The entity a spelling of the given type belongs to.</summary>
    public LinkedEntity? Find(string text, EntityType type) => _byForm.GetValueOrDefault((NameForms.Key(text), type));

    public LinkedEntity? FindById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The articles some of whose mentions find a different entity object (or none) than in <paramref name="earlier"/>.</summary>
    public IReadOnlySet<DocumentKey>? ArticlesChangedSince(object earlier) => _history.ChangedSince(this, earlier);
}
