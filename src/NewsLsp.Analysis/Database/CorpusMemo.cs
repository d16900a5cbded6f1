using System.Collections.Immutable;

namespace NewsLsp.Analysis;

/// <summary>
/// The last computed value of one corpus query, shared along a workspace's history of snapshots, with the article
/// states and summaries it was computed from. A newer snapshot compares its articles with these by reference
/// (cheap), re-summarises only the articles that changed, and reuses the value when all summaries are equal.
/// </summary>
internal sealed class CorpusMemo<TSummary, T>
    where TSummary : class, IEquatable<TSummary>
    where T : class
{
    private readonly object _gate = new();
    private Entry? _last;

    private sealed record Entry(
        ImmutableDictionary<DocumentKey, ArticleState> Articles,
        ImmutableSortedDictionary<DocumentKey, TSummary> Summaries,
        T Value);

    public T Get(CorpusQuery<TSummary, T> query, ImmutableDictionary<DocumentKey, ArticleState> articles, AnalysisCounters counters)
    {
        // One computation at a time per query; concurrent readers of the same snapshot wait for it and then reuse it.
        lock (_gate)
        {
            var last = _last;
            if (last is null)
            {
                var summaries = Summarise(query, articles);
                counters.CorpusComputed();
                return Remember(articles, summaries, query.Compute(summaries));
            }

            var changes = new List<SummaryChange<TSummary>>();
            var updated = last.Summaries.ToBuilder();
            foreach (var (key, state) in articles)
            {
                if (last.Articles.TryGetValue(key, out var known) && ReferenceEquals(known.ContentIdentity, state.ContentIdentity)) continue;
                var after = state.Get(query.Summary);
                last.Summaries.TryGetValue(key, out var before);
                updated[key] = after;
                if (before is null || !before.Equals(after)) changes.Add(new SummaryChange<TSummary>(key, before, after));
            }
            foreach (var key in last.Articles.Keys)
            {
                if (articles.ContainsKey(key)) continue;
                updated.Remove(key);
                changes.Add(new SummaryChange<TSummary>(key, last.Summaries[key], null));
            }

            if (changes.Count == 0)
            {
                // Early cutoff: same value object, so everything keyed on it is reused too.
                return Remember(articles, updated.ToImmutable(), last.Value);
            }
            counters.CorpusComputed();
            var next = updated.ToImmutable();
            return Remember(articles, next, query.Update(last.Value, next, changes));
        }
    }

    private T Remember(ImmutableDictionary<DocumentKey, ArticleState> articles, ImmutableSortedDictionary<DocumentKey, TSummary> summaries, T value)
    {
        _last = new Entry(articles, summaries, value);
        return value;
    }

    private static ImmutableSortedDictionary<DocumentKey, TSummary> Summarise(
        CorpusQuery<TSummary, T> query, ImmutableDictionary<DocumentKey, ArticleState> articles)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<DocumentKey, TSummary>();
        foreach (var (key, state) in articles) builder[key] = state.Get(query.Summary);
        return builder.ToImmutable();
    }
}
