using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using NewsLsp.Text;
using Xunit;

namespace NewsLsp.Tests.Agreement;

public class AgreementRuleTests
{
    private const string A = "Vertice di Bruxelles sul gas russo e sui prezzi\nIl ministro Mario Rossi ha parlato martedì a Bruxelles con i colleghi europei del prezzo del gas russo. " +
                             "“Abbiamo trovato un accordo importante sul prezzo del gas”, ha detto Rossi. Al vertice hanno partecipato 27 ministri europei.\n" +
                             "Il prezzo massimo del gas russo sarà deciso a Bruxelles dai ministri europei.";
    private const string B = "Gas russo, accordo a Bruxelles sui prezzi\nA Bruxelles il ministro Mario Rossi ha discusso martedì il prezzo del gas russo con i ministri europei. " +
                             "“Abbiamo trovato un accordo storico sul prezzo del gas”, ha dichiarato Rossi. Al vertice hanno partecipato 26 ministri europei.\n" +
                             "Il prezzo massimo del gas russo sarà deciso dai ministri europei a Bruxelles.";
    private const string Other = "Calcio, la Juventus vince il derby\nLa Juventus ha battuto il Torino per 2 a 0 allo stadio. L'allenatore Luca Verdi ha elogiato la squadra e i tifosi.\n" +
                                 "La Juventus torna così in testa alla classifica del campionato di calcio.";

    private static WorkspaceSnapshot Corpus() => Articles.Workspace(("a.txt", A), ("b.txt", B), ("c.txt", Other));

    [Fact]
    public void Articles_about_the_same_event_are_grouped_and_an_unrelated_one_is_not()
    {
        var index = Corpus().Get(AgreementQuery.Instance);
        var gas = Assert.Single(index.Events, e => e.IsMultiSource);
        Assert.Equal(["a.txt", "b.txt"], gas.Documents.Select(d => d.Value));
        Assert.False(index.EventOf(new DocumentKey("c.txt"))!.IsMultiSource);
    }

    [Fact]
    public void NEWS020_names_the_differing_words_and_points_at_the_other_source()
    {
        var diagnostic = Assert.Single(Corpus().GetDiagnostics(new DocumentKey("a.txt")), d => d.Id == "NEWS020");
        Assert.Contains("“importante”", diagnostic.Message);
        Assert.Contains("“storico”", diagnostic.Message);
        var related = Assert.Single(diagnostic.Related);
        Assert.Equal("b.txt", related.Document.Value);
        Assert.Equal("Abbiamo trovato un accordo storico sul prezzo del gas", B[related.Span.Start..related.Span.End]);
    }

    [Fact]
    public void NEWS021_reports_a_conflicting_number_with_the_other_value()
    {
        var diagnostic = Assert.Single(Corpus().GetDiagnostics(new DocumentKey("b.txt")), d => d.Id == "NEWS021");
        Assert.Contains("26", diagnostic.Message);
        Assert.Contains("27", diagnostic.Message);
        Assert.Equal("a.txt", Assert.Single(diagnostic.Related).Document.Value);
    }

    [Fact]
    public void Identical_quotes_and_agreeing_numbers_fire_nothing()
    {
        var same = B.Replace("storico", "importante").Replace("26", "27");
        var snapshot = Articles.Workspace(("a.txt", A), ("b.txt", same));
        foreach (var key in snapshot.Documents)
            Assert.DoesNotContain(snapshot.GetDiagnostics(key), d => d.Id is "NEWS020" or "NEWS021" or "NEWS022");
        var group = Assert.Single(snapshot.Get(AgreementQuery.Instance).QuoteGroups);
        Assert.Equal(QuoteAgreement.Identical, group.Agreement);
    }

    [Fact]
    public void Agreement_rules_stay_silent_for_an_article_alone()
    {
        var snapshot = Articles.Workspace(("a.txt", A));
        Assert.DoesNotContain(snapshot.GetDiagnostics(new DocumentKey("a.txt")), d => d.Id is "NEWS020" or "NEWS021" or "NEWS022");
    }

    [Fact]
    public void NEWS022_is_a_hint_for_a_claim_only_one_source_of_the_event_makes_and_can_be_turned_off()
    {
        var extra = B + "\nIl ministro ha annunciato 300 milioni di euro per le famiglie.";
        var snapshot = Articles.Workspace(("a.txt", A), ("b.txt", extra));
        var hint = Assert.Single(snapshot.GetDiagnostics(new DocumentKey("b.txt")), d => d.Id == "NEWS022");
        Assert.Equal(Severity.Hint, hint.Severity);
        Assert.Contains("300 milioni di euro", hint.Message);
        var off = snapshot.WithConfiguration(snapshot.Configuration.WithSeverities([new("NEWS022", Severity.None)]));
        Assert.DoesNotContain(off.GetDiagnostics(new DocumentKey("b.txt")), d => d.Id == "NEWS022");
    }

    [Fact]
    public void NEWS023_matches_the_gold_unattributed_quote_on_the_seeds_and_nothing_else()
    {
        using var gold = Repo.GoldFacts();
        var expected = gold.RootElement.GetProperty("other_findings").EnumerateArray()
            .Where(f => f.GetProperty("kind").GetString() == "unattributed-quote")
            .Select(f => (f.GetProperty("file").GetString()!, f.GetProperty("start").GetInt32(), f.GetProperty("end").GetInt32())).ToList();
        var snapshot = Articles.Seeds();
        var actual = snapshot.Documents.SelectMany(k => snapshot.GetDiagnostics(k)).Where(d => d.Id == "NEWS023")
            .Select(d => (d.Document.Value, d.Span.Start, d.Span.End)).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void NEWS023_fires_on_a_statement_without_a_speaker_but_not_on_a_short_scare_quote()
    {
        Assert.Single(Articles.Diagnostics("Titolo\nNel documento si legge: “Il governo non cederà a nessun ricatto”.", "NEWS023"));
        Assert.Empty(Articles.Diagnostics("Titolo\nUna “buona chiamata” tra i due leader.", "NEWS023"));
        Assert.Empty(Articles.Diagnostics("Titolo\n“Il governo non cederà a nessun ricatto”, ha detto Rossi.", "NEWS023"));
    }

    [Fact]
    public void An_edit_that_touches_no_quote_number_or_name_recomputes_nothing_for_other_articles()
    {
        var snapshot = Corpus();
        foreach (var key in snapshot.Documents) snapshot.GetDiagnostics(key);
        var index = snapshot.Get(AgreementQuery.Instance);
        var before = snapshot.Counters.Read();

        // The last line of a.txt: "Il prezzo massimo del gas russo sarà deciso a Bruxelles dai ministri europei."
        var edited = snapshot.WithDocumentEdits(new DocumentKey("a.txt"), [new TextEdit(new LinePositionSpan(new(2, 31), new(2, 36)), "verrà")], 2);
        foreach (var key in edited.Documents) edited.GetDiagnostics(key);
        var cost = edited.Counters.Read() - before;
        Assert.Same(index, edited.Get(AgreementQuery.Instance));
        Assert.Equal(0, cost.CorpusComputations);
        Assert.Equal(1, cost.ArticlesCrossDiagnosed); // the edited article only
    }

    [Fact]
    public void An_edit_inside_a_quote_updates_the_agreement_diagnostics_of_every_other_article_of_the_event()
    {
        var same = B.Replace("storico", "importante").Replace("26", "27");
        var snapshot = Articles.Workspace(("a.txt", A), ("b.txt", same), ("c.txt", Other));
        Assert.DoesNotContain(snapshot.GetDiagnostics(new DocumentKey("b.txt")), d => d.Id == "NEWS020");
        var before = snapshot.Counters.Read();

        var start = A.IndexOf("importante", StringComparison.Ordinal);
        var line = A[..start].Count(c => c == '\n');
        var column = start - (A.LastIndexOf('\n', start) + 1);
        var edited = snapshot.WithDocumentEdits(new DocumentKey("a.txt"),
            [new TextEdit(new LinePositionSpan(new(line, column), new(line, column + "importante".Length)), "decisivo")], 2);

        var diagnostic = Assert.Single(edited.GetDiagnostics(new DocumentKey("b.txt")), d => d.Id == "NEWS020");
        Assert.Contains("“decisivo”", diagnostic.Message);
        Assert.Equal(1, (edited.Counters.Read() - before).CorpusComputations);
    }
}
