using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Text;
using Xunit;

namespace NewsLsp.Tests.Analysis;

public class IncrementalityTests
{
    private static WorkspaceSnapshot Corpus(int articles, AnalyzerCatalog? catalog = null)
    {
        var snapshot = WorkspaceSnapshot.Create(catalog);
        for (var i = 0; i < articles; i++)
        {
            var text = $"Titolo {i}\nIl ministro Rossi ha parlato a Roma.\nSecondo paragrafo numero {i}.\nTerzo paragrafo.";
            snapshot = snapshot.WithDocumentText(new DocumentKey($"a{i}.txt"), SourceText.From(text));
        }
        return snapshot;
    }

    private static void DiagnoseAll(WorkspaceSnapshot snapshot)
    {
        foreach (var key in snapshot.Documents) snapshot.GetDiagnostics(key);
    }

    [Fact]
    public void Editing_one_of_N_articles_reparses_only_it_and_only_the_touched_paragraph()
    {
        var snapshot = Corpus(20);
        DiagnoseAll(snapshot);
        var before = snapshot.Counters.Read();

        var edited = snapshot.WithDocumentEdits(new DocumentKey("a7.txt"),
            [new TextEdit(new LinePositionSpan(new(2, 0), new(2, 7)), "Un altro")], version: 2);
        DiagnoseAll(edited);
        var cost = edited.Counters.Read() - before;

        Assert.Equal(1, cost.ArticlesParsed);
        Assert.Equal(1, cost.ParagraphsTokenised);
        Assert.Equal(1, cost.ArticlesDiagnosed);
    }

    [Fact]
    public void A_version_bump_with_the_same_text_recomputes_nothing()
    {
        var snapshot = Corpus(3);
        DiagnoseAll(snapshot);
        var before = snapshot.Counters.Read();
        var key = new DocumentKey("a1.txt");
        var bumped = snapshot.WithDocumentText(key, snapshot.GetRequiredArticle(key).Text, version: 9);
        DiagnoseAll(bumped);
        Assert.Equal(default, bumped.Counters.Read() - before);
        Assert.Equal(9, bumped.GetRequiredArticle(key).Version);
    }

    [Fact]
    public void Early_cutoff_reuses_corpus_facts_when_summaries_are_unchanged()
    {
        var query = new CapitalisedWordsIndex();
        var catalog = new AnalyzerCatalog([], [new SharedNameAnalyzer(query)]);
        var snapshot = Corpus(10, catalog);
        DiagnoseAll(snapshot);
        var first = snapshot.Get(query);
        var before = snapshot.Counters.Read();

        // Lower-case words are not in the summary: nothing cross-article may be recomputed.
        var edited = snapshot.WithDocumentEdits(new DocumentKey("a3.txt"),
            [new TextEdit(new LinePositionSpan(new(2, 8), new(2, 17)), "capoverso")], 2);
        edited = edited.WithDocumentEdits(new DocumentKey("a3.txt"),
            [new TextEdit(new LinePositionSpan(new(3, 7), new(3, 7)), " paragrafo nuovo")], 3);
        DiagnoseAll(edited);
        var cost = edited.Counters.Read() - before;
        Assert.Same(first, edited.Get(query));
        Assert.Equal(0, cost.CorpusComputations);
        Assert.Equal(1, cost.ArticlesDiagnosed);      // only the edited article's local analyzers…
        Assert.Equal(1, cost.ArticlesCrossDiagnosed); // …and its own cross-article ones, since its text changed

        // A new capitalised word changes the summary: the corpus fact and every article's cross diagnostics update.
        var renamed = edited.WithDocumentEdits(new DocumentKey("a3.txt"),
            [new TextEdit(new LinePositionSpan(new(1, 12), new(1, 17)), "Bianchi")], 4);
        before = renamed.Counters.Read();
        DiagnoseAll(renamed);
        cost = renamed.Counters.Read() - before;
        Assert.NotSame(first, renamed.Get(query));
        Assert.Equal(1, cost.CorpusComputations);
        Assert.Equal(1, cost.ArticlesDiagnosed);
        Assert.Equal(10, cost.ArticlesCrossDiagnosed);
    }

    [Fact]
    public void A_keystroke_compares_only_the_edited_article_not_the_whole_corpus()
    {
        var query = new CapitalisedWordsIndex();
        var snapshot = Corpus(300, new AnalyzerCatalog([], [new SharedNameAnalyzer(query)]));
        snapshot.Get(query);
        var counters = snapshot.Counters;

        var compared = counters.ArticleStatesCompared;
        var edited = snapshot.WithDocumentEdits(new DocumentKey("a42.txt"),
            [new TextEdit(new LinePositionSpan(new(1, 12), new(1, 17)), "Bianchi")], 2);
        Assert.Equal(1, edited.Get(query).Documents["Bianchi"]);
        Assert.Equal(299, edited.Get(query).Documents["Rossi"]);
        Assert.Equal(1, counters.ArticleStatesCompared - compared);

        // Several snapshots between two evaluations (typing faster than diagnostics are pulled), a removal included.
        compared = counters.ArticleStatesCompared;
        var later = edited;
        for (var v = 3; v < 6; v++)
            later = later.WithDocumentEdits(new DocumentKey("a7.txt"), [new TextEdit(new LinePositionSpan(new(0, 0), new(0, 0)), "X")], v);
        later = later.WithoutDocument(new DocumentKey("a8.txt"));
        Assert.Equal(298, later.Get(query).Documents["Rossi"]);
        Assert.Equal(2, counters.ArticleStatesCompared - compared);
    }

    [Fact]
    public void Corpus_facts_stay_exact_when_the_history_between_evaluations_is_too_long_to_remember()
    {
        var query = new CapitalisedWordsIndex();
        const int Edits = 20; // more revisions than a snapshot remembers differences for
        var snapshot = Corpus(30, new AnalyzerCatalog([], [new SharedNameAnalyzer(query)]));
        snapshot.Get(query);
        var later = snapshot;
        for (var i = 0; i < Edits; i++)
        {
            later = later.WithDocumentEdits(new DocumentKey($"a{i}.txt"),
                [new TextEdit(new LinePositionSpan(new(1, 12), new(1, 17)), "Verdi")], 2);
        }
        var compared = later.Counters.ArticleStatesCompared;
        var counts = later.Get(query).Documents;
        Assert.True(later.Counters.ArticleStatesCompared - compared >= 30); // fell back to comparing every article
        Assert.Equal(Edits, counts["Verdi"]);
        Assert.Equal(30 - Edits, counts["Rossi"]);
    }

    [Fact]
    public void DocumentsChangedSince_names_the_edited_documents_unless_a_corpus_fact_moved()
    {
        var query = new CapitalisedWordsIndex();
        var snapshot = Corpus(50, new AnalyzerCatalog([], [new SharedNameAnalyzer(query)]));
        DiagnoseAll(snapshot);

        // A lower-case edit leaves every summary equal: only the edited article can have new diagnostics.
        var edited = snapshot.WithDocumentEdits(new DocumentKey("a3.txt"),
            [new TextEdit(new LinePositionSpan(new(2, 8), new(2, 17)), "capoverso")], 2);
        Assert.Equal([new DocumentKey("a3.txt")], edited.DocumentsChangedSince(snapshot));
        Assert.Empty(edited.DocumentsChangedSince(edited)!);
        DiagnoseAll(edited);

        // A new name moves the corpus fact: every article's cross-article findings may change.
        var renamed = edited.WithDocumentEdits(new DocumentKey("a4.txt"),
            [new TextEdit(new LinePositionSpan(new(1, 12), new(1, 17)), "Bianchi")], 2);
        Assert.Null(renamed.DocumentsChangedSince(edited));
        Assert.Null(renamed.WithConfiguration(renamed.Configuration with { }).DocumentsChangedSince(Corpus(1)));
    }

    [Fact]
    public void Removing_a_document_updates_corpus_facts()
    {
        var query = new CapitalisedWordsIndex();
        var snapshot = Corpus(3, new AnalyzerCatalog([], [new SharedNameAnalyzer(query)]));
        Assert.Equal(3, snapshot.Get(query).Documents["Rossi"]);
        var removed = snapshot.WithoutDocument(new DocumentKey("a0.txt"));
        Assert.Equal(2, removed.Get(query).Documents["Rossi"]);
        Assert.Equal(3, snapshot.Get(query).Documents["Rossi"]); // the old snapshot is unchanged
    }

    [Fact]
    public void Edits_to_unknown_documents_and_lines_past_the_end_change_nothing()
    {
        var snapshot = Corpus(1);
        Assert.Throws<UnknownDocumentException>(() => snapshot.WithDocumentEdits(new DocumentKey("nope"), [], 1));
        var key = new DocumentKey("a0.txt");
        Assert.Throws<TextEditOutOfRangeException>(() => snapshot.WithDocumentEdits(key,
            [new TextEdit(new LinePositionSpan(new(0, 0), new(0, 1)), "x"), new TextEdit(new LinePositionSpan(new(99, 0), new(99, 1)), "y")], 2));
        Assert.Equal(0, snapshot.GetRequiredArticle(key).Version);
        Assert.StartsWith("Titolo 0", snapshot.GetRequiredArticle(key).Text.ToString());
    }

    [Fact]
    public void Character_past_the_line_end_clamps_to_the_line_end()
    {
        var snapshot = Corpus(1);
        var key = new DocumentKey("a0.txt");
        var edited = snapshot.WithDocumentEdits(key, [new TextEdit(new LinePositionSpan(new(0, 500), new(0, 500)), "!")], 2);
        Assert.StartsWith("Titolo 0!\n", edited.GetRequiredArticle(key).Text.ToString());
    }

    /// <summary>A corpus fact for the test: in how many articles each capitalised word appears.</summary>
    private sealed class CapitalisedWordsIndex() : CorpusQuery<WordSet, WordCounts>("test-capitalised-words")
    {
        private static readonly ArticleQuery<WordSet> SummaryQuery = new FunctionArticleQuery<WordSet>("test-capitalised-summary", a =>
            new WordSet(a.Syntax.Blocks.SelectMany(b => b.Tokens.Where(t => t.Kind == NewsLsp.Syntax.TokenKind.Word)
                .Select(t => b.Content.TokenText(t)).Where(w => char.IsUpper(w[0]))).ToImmutableSortedSet(StringComparer.Ordinal)));

        public override ArticleQuery<WordSet> Summary => SummaryQuery;

        protected internal override WordCounts Compute(ImmutableSortedDictionary<DocumentKey, WordSet> summaries) =>
            new(summaries.Values.SelectMany(s => s.Words).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count()));
    }

    private sealed record WordSet(ImmutableSortedSet<string> Words)
    {
        public bool Equals(WordSet? other) => other is not null && Words.SetEquals(other.Words);
        public override int GetHashCode() => Words.Count;
    }

    private sealed record WordCounts(Dictionary<string, int> Documents);

    private sealed class SharedNameAnalyzer(CapitalisedWordsIndex query) : CorpusAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("TEST900", "Shared name", "shared by {0} articles", "Test", Severity.Hint);
        public override ImmutableArray<DiagnosticDescriptor> Descriptors => [Rule];

        public override void Analyze(CorpusAnalysisContext context)
        {
            var counts = context.GetCorpusFact(query);
            var block = context.Syntax.Blocks[0];
            context.Report(Rule, block.Span, counts.Documents.GetValueOrDefault("Rossi"));
        }
    }
}
