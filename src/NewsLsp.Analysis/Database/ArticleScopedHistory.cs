using System.Collections.Immutable;

namespace NewsLsp.Analysis;

/// <summary>
/// What an <see cref="IArticleScopedFact"/> made by an update remembers: a few earlier values of the same query (weakly:
/// they must not be kept alive by their successors) and, for each, the articles whose part changed since.
/// </summary>
internal sealed class ArticleScopedHistory
{
    /// <summary>How many earlier values a value remembers its differences from.</summary>
    public const int RememberedAncestors = 8;

    // Past this many articles a difference is not worth remembering: nearly everything is re-checked anyway.
    public const int MaxRememberedArticles = 4096;

    public static readonly ArticleScopedHistory None = new([]);

    private readonly ImmutableArray<(WeakReference<object> Value, IReadOnlySet<DocumentKey> Changed)> _ancestors;

    private ArticleScopedHistory(ImmutableArray<(WeakReference<object> Value, IReadOnlySet<DocumentKey> Changed)> ancestors) =>
        _ancestors = ancestors;

    /// <summary>
    /// The history of a value updated from <paramref name="previous"/> (with <paramref name="previousHistory"/>), whose
    /// part differs for <paramref name="changedSincePrevious"/>; null or too many: nothing is remembered.
    /// </summary>
    public static ArticleScopedHistory After(object? previous, ArticleScopedHistory? previousHistory, IReadOnlySet<DocumentKey>? changedSincePrevious)
    {
        if (previous is null || changedSincePrevious is null || changedSincePrevious.Count > MaxRememberedArticles) return None;
        return new(
        [
            (new WeakReference<object>(previous), changedSincePrevious),
            .. (previousHistory ?? None)._ancestors.Take(RememberedAncestors - 1)
                .Select(a => (a.Value, (IReadOnlySet<DocumentKey>)a.Changed.Concat(changedSincePrevious).ToHashSet()))
                .Where(a => a.Item2.Count <= MaxRememberedArticles),
        ]);
    }

    /// <summary>The articles whose part differs between <paramref name="earlier"/> and <paramref name="self"/>; null when not remembered.</summary>
    public IReadOnlySet<DocumentKey>? ChangedSince(object self, object earlier)
    {
        if (ReferenceEquals(earlier, self)) return new HashSet<DocumentKey>();
        foreach (var (value, changed) in _ancestors)
        {
            if (value.TryGetTarget(out var ancestor) && ReferenceEquals(ancestor, earlier)) return changed;
        }
        return null;
    }
}
