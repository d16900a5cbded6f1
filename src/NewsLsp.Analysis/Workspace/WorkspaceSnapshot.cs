using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis.Entities;
using NewsLsp.Text;

namespace NewsLsp.Analysis;

/// <summary>
/// An immutable revision of the workspace: every article's text and version plus the configuration. Every
/// change returns a new snapshot; derived facts are computed lazily, memoized, and carried over from earlier
/// revisions wherever their inputs did not change. Safe to read from any number of threads.
/// </summary>
public sealed class WorkspaceSnapshot
{
    private readonly AnalysisDatabase _database;
    private readonly ImmutableDictionary<DocumentKey, ArticleState> _articles;
    private readonly ConcurrentDictionary<ICorpusQuery, Lazy<object>> _corpusFacts = new();
    private readonly ConcurrentDictionary<DocumentKey, Lazy<ImmutableArray<ArticleDiagnostic>>> _diagnostics = new();
    private readonly Lazy<ImmutableArray<DocumentKey>> _documents;

    private WorkspaceSnapshot(AnalysisDatabase database, ImmutableDictionary<DocumentKey, ArticleState> articles,
        ProjectConfiguration configuration, EntityKnowledge knowledge, long revision)
    {
        _database = database;
        _articles = articles;
        Configuration = configuration;
        Knowledge = knowledge;
        Revision = revision;
        _documents = new(() => [.. _articles.Keys.Order()]);
    }

    public static WorkspaceSnapshot Create(AnalyzerCatalog? catalog = null, ProjectConfiguration? configuration = null) =>
        new(new AnalysisDatabase(catalog ?? AnalyzerCatalog.Default),
            ImmutableDictionary<DocumentKey, ArticleState>.Empty, configuration ?? ProjectConfiguration.Default, EntityKnowledge.Empty, 0);

    /// <summary>Increases by one with every change.</summary>
    public long Revision { get; }

    public ProjectConfiguration Configuration { get; }

    /// <summary>The user's entity knowledge (aliases, merges, splits), an input of entity linking like the texts.</summary>
    public EntityKnowledge Knowledge { get; }
    public AnalyzerCatalog Catalog => _database.Catalog;
    public AnalysisCounters Counters => _database.Counters;

    /// <summary>Every document key, in ordinal order.</summary>
    public ImmutableArray<DocumentKey> Documents => _documents.Value;

    public int DocumentCount => _articles.Count;

    public bool Contains(DocumentKey key) => _articles.ContainsKey(key);

    public ArticleState? GetArticle(DocumentKey key) => _articles.GetValueOrDefault(key);

    public ArticleState GetRequiredArticle(DocumentKey key) =>
        _articles.TryGetValue(key, out var article) ? article : throw new UnknownDocumentException(key);

    // ---- changes ----

    /// <summary>Adds the document or replaces its text. The same text with a new version keeps every derived fact.</summary>
    public WorkspaceSnapshot WithDocumentText(DocumentKey key, SourceText text, int version = 0)
    {
        ArticleState next;
        if (_articles.TryGetValue(key, out var current))
        {
            next = current.Text.ContentEquals(text) ? current.WithVersion(version) : current.WithText(text, version);
        }
        else next = ArticleState.Create(key, text, version, _database.Counters);
        return With(_articles.SetItem(key, next), Configuration);
    }

    /// <summary>New entity knowledge. Equal knowledge returns this snapshot, so reloading an unchanged file costs nothing.</summary>
    public WorkspaceSnapshot WithKnowledge(EntityKnowledge knowledge) =>
        knowledge.Equals(Knowledge) ? this : new(_database, _articles, Configuration, knowledge, Revision + 1);

    /// <summary>
    /// Applies LSP-style edits in order. Throws <see cref="UnknownDocumentException"/> or
    /// <see cref="TextEditOutOfRangeException"/> and leaves nothing half-applied.
    /// </summary>
    public WorkspaceSnapshot WithDocumentEdits(DocumentKey key, IReadOnlyList<TextEdit> edits, int version)
    {
        var current = GetRequiredArticle(key);
        var text = TextEdits.Apply(current.Text, edits);
        return With(_articles.SetItem(key, current.WithText(text, version)), Configuration);
    }

    public WorkspaceSnapshot WithoutDocument(DocumentKey key)
    {
        if (!_articles.ContainsKey(key)) return this;
        _database.Forget(key);
        return With(_articles.Remove(key), Configuration);
    }

    public WorkspaceSnapshot WithConfiguration(ProjectConfiguration configuration) =>
        configuration.Equals(Configuration) ? this : With(_articles, configuration);

    private WorkspaceSnapshot With(ImmutableDictionary<DocumentKey, ArticleState> articles, ProjectConfiguration configuration) =>
        new(_database, articles, configuration, Knowledge, Revision + 1);

    // ---- derived facts ----

    /// <summary>A fact about the whole corpus as of this snapshot.</summary>
    public T Get<TSummary, T>(CorpusQuery<TSummary, T> query)
        where TSummary : class, IEquatable<TSummary> where T : class =>
        (T)_corpusFacts.GetOrAdd(query, static (q, self) => new Lazy<object>(
            () => self._database.MemoFor((CorpusQuery<TSummary, T>)q).Get((CorpusQuery<TSummary, T>)q, self._articles, self.Counters),
            LazyThreadSafetyMode.ExecutionAndPublication), this).Value;

    internal object GetUntyped(ICorpusQuery query) =>
        _corpusFacts.TryGetValue(query, out var value) ? value.Value : ((ICorpusQueryInvoker)query).Invoke(this);

    /// <summary>
    /// The document's diagnostics with the configured severities applied, rules set to none and suppressed
    /// findings removed, ordered by position.
    /// </summary>
    public ImmutableArray<ArticleDiagnostic> GetDiagnostics(DocumentKey key) =>
        _diagnostics.GetOrAdd(key, static (k, self) => new Lazy<ImmutableArray<ArticleDiagnostic>>(
            () => self.ComputeDiagnostics(k), LazyThreadSafetyMode.ExecutionAndPublication), this).Value;

    private ImmutableArray<ArticleDiagnostic> ComputeDiagnostics(DocumentKey key)
    {
        var article = GetRequiredArticle(key);
        var local = article.Get(_database.LocalDiagnostics).Reported;
        var cross = _database.CrossArticleDiagnostics(article, this);
        var suppressions = article.Get(Suppressions.Query);
        var lines = LineMap.Of(article.Text);
        var result = ImmutableArray.CreateBuilder<ArticleDiagnostic>();
        foreach (var reported in local.Concat(cross))
        {
            var severity = Configuration.SeverityOf(reported.Descriptor);
            if (severity == Severity.None) continue;
            var range = lines.GetLinePositionSpan(Clamp(reported.Span, article.Text));
            if (suppressions.IsSuppressed(reported.Descriptor.Id, range.Start.Line)) continue;
            result.Add(new ArticleDiagnostic(reported.Descriptor, key, reported.Span, range, reported.Message, severity,
                [.. reported.Related.Select(ToRelated).OfType<RelatedLocation>()],
                [.. reported.Fixes.Select(ToFix).OfType<CodeFix>()]));
        }
        result.Sort(static (a, b) => a.Span.Start != b.Span.Start
            ? a.Span.Start.CompareTo(b.Span.Start)
            : string.CompareOrdinal(a.Id, b.Id));
        return result.ToImmutable();
    }

    private RelatedLocation? ToRelated(ReportedLocation location) =>
        _articles.TryGetValue(location.Document, out var other)
            ? new RelatedLocation(location.Document, location.Span, RangeOf(other, location.Span), location.Message)
            : null;

    private CodeFix? ToFix(ReportedFix fix)
    {
        var edits = ImmutableArray.CreateBuilder<DocumentEdit>();
        foreach (var edit in fix.Edits)
        {
            if (!_articles.TryGetValue(edit.Document, out var target)) return null;
            edits.Add(new DocumentEdit(edit.Document, edit.Span, RangeOf(target, edit.Span), edit.NewText));
        }
        return new CodeFix(fix.Title, edits.ToImmutable(), fix.IsPreferred);
    }

    private static LinePositionSpan RangeOf(ArticleState article, TextSpan span) =>
        LineMap.Of(article.Text).GetLinePositionSpan(Clamp(span, article.Text));

    private static TextSpan Clamp(TextSpan span, SourceText text)
    {
        var start = Math.Min(span.Start, text.Length);
        return TextSpan.FromBounds(start, Math.Clamp(span.End, start, text.Length));
    }
}
