using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace NewsLsp.Analysis;

/// <summary>
/// What every snapshot of one workspace shares: the analyzers, the counters, and the memo tables that carry
/// derived facts from one revision to the next (corpus facts, cross-article diagnostics).
/// </summary>
internal sealed class AnalysisDatabase
{
    private readonly ConcurrentDictionary<ICorpusQuery, object> _corpusMemos = new();
    private readonly ConcurrentDictionary<DocumentKey, CrossArticleMemo> _crossArticle = new();
    private readonly ConcurrentDictionary<DocumentKey, ConcurrentDictionary<DocumentKey, byte>> _relatedFrom = new();
    // Corpus queries some analyzer read whole (not article-scoped): a change to them may change any article's findings.
    private readonly ConcurrentDictionary<ICorpusQuery, byte> _readWhole = new();

    public AnalysisDatabase(AnalyzerCatalog catalog)
    {
        Catalog = catalog;
        LocalDiagnostics = new FunctionArticleQuery<LocalDiagnostics>("local-diagnostics", RunArticleAnalyzers);
    }

    public AnalyzerCatalog Catalog { get; }
    public AnalysisCounters Counters { get; } = new();

    /// <summary>The document-local analyzers' findings, memoized per article text.</summary>
    public ArticleQuery<LocalDiagnostics> LocalDiagnostics { get; }

    /// <summary>Every corpus query evaluated so far in this workspace's history.</summary>
    public IEnumerable<ICorpusQuery> CorpusQueries => _corpusMemos.Keys;

    /// <summary>
    /// True when every analyzer that read <paramref name="query"/> read only its article's part: then a new value
    /// changes the findings of only the articles it says (<see cref="IArticleScopedFact"/>).
    /// </summary>
    public bool IsReadArticleScoped(ICorpusQuery query) => !_readWhole.ContainsKey(query);

    public CorpusMemo<TSummary, T> MemoFor<TSummary, T>(CorpusQuery<TSummary, T> query)
        where TSummary : class, IEquatable<TSummary> where T : class =>
        (CorpusMemo<TSummary, T>)_corpusMemos.GetOrAdd(query, static _ => new CorpusMemo<TSummary, T>());

    /// <summary>
    /// Cross-article findings for one article, reused while the article's text and every corpus fact the
    /// analyzers read are the same objects as when they last ran.
    /// </summary>
    public ImmutableArray<ReportedDiagnostic> CrossArticleDiagnostics(ArticleState article, WorkspaceSnapshot snapshot)
    {
        if (Catalog.CorpusAnalyzers.IsEmpty) return [];
        if (_crossArticle.TryGetValue(article.Key, out var memo) && memo.Revalidate(article, snapshot) is { } valid)
        {
            // Valid through an article-scoped fact's newer value: remember that value, so the next check is by reference.
            if (!ReferenceEquals(valid, memo)) _crossArticle.TryUpdate(article.Key, valid, memo);
            return memo.Reported;
        }

        Counters.ArticleCrossDiagnosed();
        var dependencies = new List<CorpusDependency>();
        var context = new CorpusAnalysisContext(article, snapshot, dependencies);
        foreach (var analyzer in Catalog.CorpusAnalyzers) RunSafely(analyzer.Descriptors, () => analyzer.Analyze(context));
        foreach (var dependency in dependencies.Where(d => !d.ArticleScoped)) _readWhole.TryAdd(dependency.Query, 0);
        var reported = context.Reported;
        var previous = _crossArticle.GetValueOrDefault(article.Key);
        var next = new CrossArticleMemo(article.ContentIdentity, snapshot.Knowledge, dependencies.ToArray(), reported, RelatedDocuments(article.Key, reported));
        _crossArticle[article.Key] = next;
        TrackRelated(article.Key, previous?.RelatedDocuments ?? [], next.RelatedDocuments);
        return reported;
    }

    public void Forget(DocumentKey key)
    {
        if (_crossArticle.TryRemove(key, out var memo)) TrackRelated(key, memo.RelatedDocuments, []);
    }

    /// <summary>
    /// Documents whose last cross-article findings point into <paramref name="target"/> (related locations). Their
    /// findings are reused while <paramref name="target"/> is edited, but the related spans are resolved afresh, so
    /// what a client shows for them may move. A superset is harmless: it only costs a comparison.
    /// </summary>
    public IEnumerable<DocumentKey> DocumentsRelatingTo(DocumentKey target) =>
        _relatedFrom.TryGetValue(target, out var sources) ? sources.Keys : [];

    private static ImmutableArray<DocumentKey> RelatedDocuments(DocumentKey self, ImmutableArray<ReportedDiagnostic> reported) =>
        [.. reported.SelectMany(r => r.Related).Select(l => l.Document).Where(d => d != self).Distinct()];

    private void TrackRelated(DocumentKey source, ImmutableArray<DocumentKey> before, ImmutableArray<DocumentKey> after)
    {
        foreach (var target in before)
        {
            if (!after.Contains(target) && _relatedFrom.TryGetValue(target, out var sources)) sources.TryRemove(source, out _);
        }
        foreach (var target in after) _relatedFrom.GetOrAdd(target, static _ => new()).TryAdd(source, 0);
    }

    private LocalDiagnostics RunArticleAnalyzers(ArticleState article)
    {
        Counters.ArticleDiagnosed();
        var context = new ArticleAnalysisContext(article);
        foreach (var analyzer in Catalog.ArticleAnalyzers) RunSafely(analyzer.Descriptors, () => analyzer.Analyze(context));
        return new LocalDiagnostics(context.Reported);
    }

    // One faulty analyzer must not take the others (or the server) down; its failure is itself reported.
    private static void RunSafely(ImmutableArray<DiagnosticDescriptor> descriptors, Action run)
    {
        try { run(); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AnalyzerFailures.Record(descriptors, ex);
        }
    }

    private sealed record CrossArticleMemo(object Identity, Entities.EntityKnowledge Knowledge, CorpusDependency[] Dependencies,
        ImmutableArray<ReportedDiagnostic> Reported, ImmutableArray<DocumentKey> RelatedDocuments)
    {
        /// <summary>
        /// This memo when every fact read is the same object; a copy holding the newer values when an article-scoped
        /// fact changed only other articles' parts; null when the findings must be computed again.
        /// </summary>
        public CrossArticleMemo? Revalidate(ArticleState article, WorkspaceSnapshot snapshot)
        {
            if (!ReferenceEquals(Identity, article.ContentIdentity) || !Knowledge.Equals(snapshot.Knowledge)) return null;
            CorpusDependency[]? newer = null;
            for (var i = 0; i < Dependencies.Length; i++)
            {
                var dependency = Dependencies[i];
                var now = snapshot.GetUntyped(dependency.Query);
                if (ReferenceEquals(now, dependency.Value)) continue;
                if (!dependency.ArticleScoped || now is not IArticleScopedFact scoped ||
                    scoped.ArticlesChangedSince(dependency.Value) is not { } changed || changed.Contains(article.Key)) return null;
                newer ??= [.. Dependencies];
                newer[i] = dependency with { Value = now };
            }
            return newer is null ? this : this with { Dependencies = newer };
        }
    }
}

/// <summary>The findings of the document-local analyzers for one article text.</summary>
internal sealed record LocalDiagnostics(ImmutableArray<ReportedDiagnostic> Reported);
