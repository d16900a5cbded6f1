using System.Collections.Immutable;

namespace NewsLsp.Analysis.Entities;

/// <summary>
/// The entities of the whole corpus and which spelling (in which type) belongs to which. The value of
/// <see cref="EntityLinkingQuery"/>; positions are not here (see <see cref="EntityIndex"/> for mentions).
/// Article-scoped: an article's part is the entities its mentions find, and a value made by an update knows which
/// articles' part differs from the values it was updated from (up to <see cref="RememberedAncestors"/> updates back).
/// </summary>
public sealed class LinkedEntities : IArticleScopedFact
{
    private readonly ImmutableDictionary<(string Key, EntityType Type), LinkedEntity> _byForm;
    private readonly ImmutableSortedDictionary<string, LinkedEntity> _byId;
    private readonly Lazy<ImmutableArray<LinkedEntity>> _entities;
    private LinkingState? _state;
    // Earlier values (weakly: they must not be kept alive by their successors) and the articles whose part changed since.
    private readonly ImmutableArray<(WeakReference<LinkedEntities> Value, IReadOnlySet<DocumentKey> Changed)> _ancestors;

    /// <summary>How many earlier values an update remembers its differences from.</summary>
    internal const int RememberedAncestors = 8;

    // Past this many articles a difference is not worth remembering: nearly everything is re-checked anyway.
    private const int MaxRememberedArticles = 4096;

    internal LinkedEntities(ImmutableSortedDictionary<string, LinkedEntity> byId, ImmutableDictionary<(string Key, EntityType Type), LinkedEntity> byForm, LinkingState state,
        int relinkedNames, LinkedEntities? previous = null, IReadOnlySet<DocumentKey>? changedSincePrevious = null)
    {
        _ancestors = previous is null || changedSincePrevious is null || changedSincePrevious.Count > MaxRememberedArticles ? [] :
        [
            (new WeakReference<LinkedEntities>(previous), changedSincePrevious),
            .. previous._ancestors.Take(RememberedAncestors - 1)
                .Select(a => (a.Value, (IReadOnlySet<DocumentKey>)a.Changed.Concat(changedSincePrevious).ToHashSet()))
                .Where(a => a.Item2.Count <= MaxRememberedArticles),
        ];
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
    public IReadOnlySet<DocumentKey>? ArticlesChangedSince(object earlier)
    {
        if (ReferenceEquals(earlier, this)) return new HashSet<DocumentKey>();
        foreach (var (value, changed) in _ancestors)
        {
            if (value.TryGetTarget(out var ancestor) && ReferenceEquals(ancestor, earlier)) return changed;
        }
        return null;
    }
}
