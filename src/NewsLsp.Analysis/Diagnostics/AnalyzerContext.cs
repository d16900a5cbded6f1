using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Syntax;

namespace NewsLsp.Analysis;

/// <summary>A corpus fact cross-article findings were computed from, and whether only the article's part of it was read.</summary>
internal sealed record CorpusDependency(ICorpusQuery Query, object Value, bool ArticleScoped);

/// <summary>What an analyzer sees of the article it analyses, and where it reports.</summary>
public class ArticleAnalysisContext
{
    private readonly ImmutableArray<ReportedDiagnostic>.Builder _reported = ImmutableArray.CreateBuilder<ReportedDiagnostic>();

    internal ArticleAnalysisContext(ArticleState article) => Article = article;

    public ArticleState Article { get; }
    public ArticleSyntax Syntax => Article.Syntax;
    public DocumentKey Document => Article.Key;

    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params object?[] messageArgs) =>
        Report(descriptor, span, descriptor.FormatMessage(messageArgs), [], []);

    public void Report(DiagnosticDescriptor descriptor, TextSpan span, string message,
        ImmutableArray<ReportedLocation> related, ImmutableArray<ReportedFix> fixes) =>
        _reported.Add(new ReportedDiagnostic(descriptor, span, DiagnosticMessages.Share(message), related.IsDefault ? [] : related, fixes.IsDefault ? [] : fixes));

    internal ImmutableArray<ReportedDiagnostic> Reported => _reported.ToImmutable();
}

/// <summary>
/// For cross-article analyzers: also reads corpus facts. Each corpus fact read is recorded, so the result is
/// reused for as long as the article and those facts stay the same.
/// </summary>
public sealed class CorpusAnalysisContext : ArticleAnalysisContext
{
    private readonly WorkspaceSnapshot _snapshot;
    private readonly List<CorpusDependency> _dependencies;

    internal CorpusAnalysisContext(ArticleState article, WorkspaceSnapshot snapshot, List<CorpusDependency> dependencies) : base(article)
    {
        _snapshot = snapshot;
        _dependencies = dependencies;
    }

    public T GetCorpusFact<TSummary, T>(CorpusQuery<TSummary, T> query)
        where TSummary : class, IEquatable<TSummary> where T : class
    {
        var value = _snapshot.Get(query);
        _dependencies.Add(new CorpusDependency(query, value, ArticleScoped: false));
        return value;
    }

    /// <summary>
    /// A corpus fact of which the analyzer reads only the part about this article (see <see cref="IArticleScopedFact"/>):
    /// the findings are reused while that part stays the same, even when the rest of the fact changes.
    /// </summary>
    public T GetArticleScopedFact<TSummary, T>(CorpusQuery<TSummary, T> query)
        where TSummary : class, IEquatable<TSummary> where T : class, IArticleScopedFact
    {
        var value = _snapshot.Get(query);
        _dependencies.Add(new CorpusDependency(query, value, ArticleScoped: true));
        return value;
    }

    /// <summary>The workspace's entity knowledge (cross-article results are recomputed when it changes).</summary>
    public Entities.EntityKnowledge Knowledge => _snapshot.Knowledge;

    /// <summary>Another article of the snapshot, e.g. to quote its text in a related location.</summary>
    public ArticleState? GetArticle(DocumentKey key) => _snapshot.GetArticle(key);
}
