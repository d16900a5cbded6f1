using System.Collections.Immutable;

namespace NewsLsp.Analysis;

/// <summary>
/// A fact about the whole corpus (entity clusters, events, quote groups…). Its only input is one compact,
/// equatable summary per article (<see cref="Summary"/>): when an edit leaves every summary equal, the previous
/// value is reused as it is (early cutoff) and nothing that depends on it is recomputed.
/// </summary>
public abstract class CorpusQuery<TSummary, T> : ICorpusQuery, ICorpusQueryInvoker
    where TSummary : class, IEquatable<TSummary>
    where T : class
{
    protected CorpusQuery(string name) => Name = name;

    public string Name { get; }

    /// <summary>The per-article input of this query.</summary>
    public abstract ArticleQuery<TSummary> Summary { get; }

    /// <summary>Computes the value from scratch.</summary>
    protected internal abstract T Compute(ImmutableSortedDictionary<DocumentKey, TSummary> summaries);

    /// <summary>
    /// Brings <paramref name="previous"/> up to date with the articles whose summary changed (null: added or
    /// removed). Override when that is cheaper than <see cref="Compute"/>; the result must equal a fresh Compute.
    /// </summary>
    protected internal virtual T Update(T previous, ImmutableSortedDictionary<DocumentKey, TSummary> summaries,
        IReadOnlyList<SummaryChange<TSummary>> changes) => Compute(summaries);

    object ICorpusQueryInvoker.Invoke(WorkspaceSnapshot snapshot) => snapshot.Get(this);

    public override string ToString() => Name;
}

/// <summary>An article whose summary differs from the one the previous value was computed from.</summary>
public sealed record SummaryChange<TSummary>(DocumentKey Key, TSummary? Before, TSummary? After) where TSummary : class;

/// <summary>Marker for corpus queries, so the database can key memos on them without knowing their types.</summary>
public interface ICorpusQuery
{
    string Name { get; }
}
