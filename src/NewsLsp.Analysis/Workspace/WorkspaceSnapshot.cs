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
        ProjectConfiguration configuration, EntityKnowledge knowledge, long revision, ImmutableArray<ArticleDelta> deltas,
        Lazy<ImmutableArray<DocumentKey>>? documents = null)
    {
        _database = database;
        _articles = articles;
        Configuration = configuration;
        Knowledge = knowledge;
        Revision = revision;
        Deltas = deltas;
        _documents = documents ?? new(() => [.. _articles.Keys.Order()]);
    }

    /// <summary>How many earlier article maps a snapshot remembers its differences from.</summary>
    internal const int MaxDeltas = 8;

    /// <summary>Beyond this many changed documents a delta is dropped; a full comparison is as cheap then.</summary>
    internal const int MaxDeltaKeys = 64;

    /// <summary>
    /// The documents that differ between this snapshot and a few recent earlier article maps (newest first), so
    /// corpus memos can update from the documents that changed instead of comparing every article.
    /// </summary>
    internal ImmutableArray<ArticleDelta> Deltas { get; }

    public static WorkspaceSnapshot Create(AnalyzerCatalog? catalog = null, ProjectConfiguration? configuration = null) =>
        new(new AnalysisDatabase(catalog ?? AnalyzerCatalog.Default),
            ImmutableDictionary<DocumentKey, ArticleState>.Empty, configuration ?? ProjectConfiguration.Default, EntityKnowledge.Empty, 0, []);

    /// <summary>Increases by one with every change.</summary>
    public long Revision { get; }

    public ProjectConfiguration Configuration { get; }

    /// <summary>The user's entity knowledge (aliases, merges, splits), an input of entity linking like the texts.</summary>
    public EntityKnowledge Knowledge { get; }
    public AnalyzerCatalog Catalog => _database.Catalog;
    public AnalysisCounters Counters => _database.Counters;

    /// <summary>The document-local analyzers' findings per article (for <see cref="EditPreparation"/>).</summary>
    internal ArticleQuery<LocalDiagnostics> LocalDiagnosticsQuery => _database.LocalDiagnostics;

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
        return With(_articles.SetItem(key, next), Configuration, key);
    }

    /// <summary>New entity knowledge. Equal knowledge returns this snapshot, so reloading an unchanged file costs nothing.</summary>
    public WorkspaceSnapshot WithKnowledge(EntityKnowledge knowledge) =>
        knowledge.Equals(Knowledge) ? this : new(_database, _articles, Configuration, knowledge, Revision + 1, Deltas, _documents);

    /// <summary>
    /// Applies LSP-style edits in order. Throws <see cref="UnknownDocumentException"/> or
    /// <see cref="TextEditOutOfRangeException"/> and leaves nothing half-applied.
    /// </summary>
    public WorkspaceSnapshot WithDocumentEdits(DocumentKey key, IReadOnlyList<TextEdit> edits, int version)
    {
        var current = GetRequiredArticle(key);
        var text = TextEdits.Apply(current.Text, edits);
        return With(_articles.SetItem(key, current.WithText(text, version)), Configuration, key);
    }

    public WorkspaceSnapshot WithoutDocument(DocumentKey key)
    {
        if (!_articles.ContainsKey(key)) return this;
        _database.Forget(key);
        return With(_articles.Remove(key), Configuration, key);
    }

    public WorkspaceSnapshot WithConfiguration(ProjectConfiguration configuration) =>
        configuration.Equals(Configuration) ? this : new(_database, _articles, configuration, Knowledge, Revision + 1, Deltas, _documents);

    private WorkspaceSnapshot With(ImmutableDictionary<DocumentKey, ArticleState> articles, ProjectConfiguration configuration, DocumentKey changed)
    {
        // This snapshot's map differs from ours by `changed`, and from each map we remember by one more key.
        var deltas = ImmutableArray.CreateBuilder<ArticleDelta>(MaxDeltas);
        deltas.Add(new ArticleDelta(_articles, [changed]));
        foreach (var delta in Deltas)
        {
            if (deltas.Count == MaxDeltas) break;
            var keys = delta.Changed.Contains(changed) ? delta.Changed : delta.Changed.Add(changed);
            if (keys.Length > MaxDeltaKeys) break;
            deltas.Add(new ArticleDelta(delta.Base, keys));
        }
        // The same keys (a text changed): the same ordered list, which took 8 ms to sort again at 10,000 articles.
        var sameKeys = _articles.ContainsKey(changed) == articles.ContainsKey(changed);
        return new(_database, articles, configuration, Knowledge, Revision + 1, deltas.ToImmutable(), sameKeys ? _documents : null);
    }

    /// <summary>
    /// The documents added, removed or edited since <paramref name="earlier"/> when this snapshot remembers its
    /// article map (see <see cref="Deltas"/>); null when it does not.
    /// </summary>
    internal IReadOnlyCollection<DocumentKey>? ArticlesEditedSince(WorkspaceSnapshot earlier)
    {
        if (ReferenceEquals(earlier._articles, _articles)) return [];
        foreach (var delta in Deltas)
        {
            if (ReferenceEquals(delta.Base, earlier._articles)) return delta.Changed;
        }
        return null;
    }

    // ---- derived facts ----

    /// <summary>A fact about the whole corpus as of this snapshot.</summary>
    public T Get<TSummary, T>(CorpusQuery<TSummary, T> query)
        where TSummary : class, IEquatable<TSummary> where T : class =>
        (T)_corpusFacts.GetOrAdd(query, static (q, self) => new Lazy<object>(
            () => self._database.MemoFor((CorpusQuery<TSummary, T>)q).Get((CorpusQuery<TSummary, T>)q, self._articles, self.Deltas, self.Counters),
            LazyThreadSafetyMode.ExecutionAndPublication), this).Value;

    /// <summary>
    /// The documents whose diagnostics may differ from those of <paramref name="earlier"/> (an ancestor of this
    /// snapshot): the documents edited, added or removed since, and those whose findings have related locations in
    /// them, when no corpus fact that was ever read changed (or only article-scoped facts, whose changed articles are
    /// added; see <see cref="IArticleScopedFact"/>) and the configuration is the same. Null when that cannot be told cheaply: then any document may differ. Lets a
    /// server refresh what changed after a keystroke without recomputing the diagnostics of every article.
    /// </summary>
    public IReadOnlyCollection<DocumentKey>? DocumentsChangedSince(WorkspaceSnapshot earlier)
    {
        if (!ReferenceEquals(earlier._database, _database) || !earlier.Configuration.Equals(Configuration) || !earlier.Knowledge.Equals(Knowledge)) return null;
        if (ArticlesEditedSince(earlier) is not { } edited) return null;
        // Also the documents whose reused findings relate to an edited one: their related spans follow its text.
        var related = edited.SelectMany(_database.DocumentsRelatingTo).Where(d => _articles.ContainsKey(d)).ToList();
        IReadOnlyCollection<DocumentKey> changed = related.Count == 0 ? edited : [.. edited.Concat(related).Distinct()];
        // Other documents' cross-article findings change only through corpus facts; early cutoff keeps equal facts
        // the very same objects. A fact the earlier snapshot never computed cannot be compared.
        foreach (var query in _database.CorpusQueries)
        {
            if (!earlier._corpusFacts.TryGetValue(query, out var before) || !before.IsValueCreated) return null;
            var now = GetUntyped(query);
            if (ReferenceEquals(before.Value, now)) continue;
            // A fact analyzers read article by article changes the findings of the articles it names, and no others.
            if (!_database.IsReadArticleScoped(query) || now is not IArticleScopedFact scoped ||
                scoped.ArticlesChangedSince(before.Value) is not { } affected) return null;
            changed = [.. changed.Concat(affected.Where(_articles.ContainsKey)).Distinct()];
        }
        return changed;
    }

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

    private RelatedLocation? ToRelated(ReportedLocation location)
    {
        if (!_articles.TryGetValue(location.Document, out var other)) return null;
        // A finding reused across edits of the other document finds its place in that document's current text.
        var span = location.Anchor is { } anchor ? anchor.Resolve(other) : location.Span;
        return new RelatedLocation(location.Document, span, RangeOf(other, span), location.Message);
    }

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

/// <summary>The documents added, removed or given a new state since an earlier snapshot's article map <see cref="Base"/>.</summary>
internal sealed record ArticleDelta(ImmutableDictionary<DocumentKey, ArticleState> Base, ImmutableArray<DocumentKey> Changed);
