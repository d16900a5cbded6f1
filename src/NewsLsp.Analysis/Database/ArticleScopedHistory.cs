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

    // Newest first: an earlier value and the articles whose part changed between it and the next newer value. Each
    // step's set is shared, never copied: joining them on every update cost up to ancestors × 4,096 keys per keystroke.
    private readonly ImmutableArray<(WeakReference<object> Value, IReadOnlySet<DocumentKey> Changed)> _steps;

    private ArticleScopedHistory(ImmutableArray<(WeakReference<object> Value, IReadOnlySet<DocumentKey> Changed)> steps) => _steps = steps;

    /// <summary>
    /// The history of a value updated from <paramref name="previous"/> (with <paramref name="previousHistory"/>), whose
    /// part differs for <paramref name="changedSincePrevious"/>; null or too many: nothing is remembered.
    /// </summary>
    public static ArticleScopedHistory After(object? previous, ArticleScopedHistory? previousHistory, IReadOnlySet<DocumentKey>? changedSincePrevious)
    {
        if (previous is null || changedSincePrevious is null || changedSincePrevious.Count > MaxRememberedArticles) return None;
        var steps = ImmutableArray.CreateBuilder<(WeakReference<object>, IReadOnlySet<DocumentKey>)>(RememberedAncestors);
        steps.Add((new WeakReference<object>(previous), changedSincePrevious));
        // The sizes' sum bounds the joined set: an ancestor is kept only while that stays within the limit.
        var total = changedSincePrevious.Count;
        foreach (var step in (previousHistory ?? None)._steps)
        {
            total += step.Changed.Count;
            if (steps.Count == RememberedAncestors || total > MaxRememberedArticles) break;
            steps.Add(step);
        }
        return new(steps.ToImmutable());
    }

    /// <summary>The articles whose part differs between <paramref name="earlier"/> and <paramref name="self"/>; null when not remembered.</summary>
    public IReadOnlySet<DocumentKey>? ChangedSince(object self, object earlier)
    {
        if (ReferenceEquals(earlier, self)) return new HashSet<DocumentKey>();
        for (var i = 0; i < _steps.Length; i++)
        {
            if (!_steps[i].Value.TryGetTarget(out var ancestor) || !ReferenceEquals(ancestor, earlier)) continue;
            if (i == 0) return _steps[0].Changed;
            var joined = new HashSet<DocumentKey>();
            for (var j = 0; j <= i; j++) joined.UnionWith(_steps[j].Changed);
            return joined;
        }
        return null;
    }
}
