using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using NewsLsp.Text;
using Xunit;

namespace NewsLsp.Tests.Agreement;

/// <summary>
/// The agreement summary is position-independent: typing that changes no quote, number or name text recomputes no
/// corpus fact, while every span shown (diagnostics, related locations, hover, lenses) follows the current text.
/// </summary>
public class AgreementIncrementalityTests
{
    private const string A = "Vertice di Bruxelles sul gas russo e sui prezzi\nIl ministro Mario Rossi ha parlato martedì a Bruxelles con i colleghi europei del prezzo del gas russo. " +
                             "“Abbiamo trovato un accordo importante sul prezzo del gas”, ha detto Rossi. Al vertice hanno partecipato 27 ministri europei.\n" +
                             "Il prezzo massimo del gas russo sarà deciso a Bruxelles dai ministri europei.";
    private const string B = "Gas russo, accordo a Bruxelles sui prezzi\nA Bruxelles il ministro Mario Rossi ha discusso martedì il prezzo del gas russo con i ministri europei. " +
                             "“Abbiamo trovato un accordo storico sul prezzo del gas”, ha dichiarato Rossi. Al vertice hanno partecipato 26 ministri europei.\n" +
                             "Il prezzo massimo del gas russo sarà deciso dai ministri europei a Bruxelles.";
    private const string E = "Gas, intesa a Bruxelles sui prezzi\nMartedì a Bruxelles il ministro Mario Rossi ha incontrato i ministri europei sul prezzo del gas russo. " +
                             "“Abbiamo trovato un accordo decisivo sul prezzo del gas”, ha detto Rossi. Al vertice hanno partecipato 27 ministri europei.\n" +
                             "Il prezzo massimo del gas russo sarà deciso dai ministri europei a Bruxelles.";
    private const string Other = "Calcio, la Juventus vince il derby\nLa Juventus ha battuto il Torino per 2 a 0 allo stadio. L'allenatore Luca Verdi ha elogiato la squadra e i tifosi.\n" +
                                 "La Juventus torna così in testa alla classifica del campionato di calcio.";

    private static readonly DocumentKey KeyA = new("a.txt"), KeyB = new("b.txt"), KeyE = new("e.txt");

    private static WorkspaceSnapshot Corpus()
    {
        var snapshot = Articles.Workspace(("a.txt", A), ("b.txt", B), ("e.txt", E), ("o.txt", Other));
        foreach (var key in snapshot.Documents) snapshot.GetDiagnostics(key);
        return snapshot;
    }

    [Fact]
    public void The_three_sources_are_one_event_with_a_worded_differently_quote()
    {
        var snapshot = Corpus();
        var @event = Assert.Single(snapshot.Get(AgreementQuery.Instance).Events, e => e.IsMultiSource);
        Assert.Equal(["a.txt", "b.txt", "e.txt"], @event.Documents.Select(d => d.Value));
        foreach (var key in new[] { KeyA, KeyB, KeyE }) Assert.Single(snapshot.GetDiagnostics(key), d => d.Id == "NEWS020");
    }

    [Fact]
    public void Typing_ordinary_words_before_a_quote_recomputes_no_corpus_fact_and_rediagnoses_only_that_article()
    {
        var snapshot = Corpus();
        var index = snapshot.Get(AgreementQuery.Instance);
        var before = snapshot.Counters.Read();

        // Type " oggi stesso" at the end of a.txt's headline, one character at a time: every quote and number after it moves.
        var current = snapshot;
        var typed = " oggi stesso";
        var headline = A.IndexOf('\n');
        for (var i = 0; i < typed.Length; i++)
        {
            var at = new LinePosition(0, headline + i);
            var next = current.WithDocumentEdits(KeyA, [new TextEdit(new LinePositionSpan(at, at), typed[i].ToString())], i + 2);
            foreach (var key in next.Documents) next.GetDiagnostics(key);
            Assert.Same(index, next.Get(AgreementQuery.Instance));
            // The other sources relate to the edited one, so the server re-checks what it shows for them.
            Assert.Equal(["a.txt", "b.txt", "e.txt"], next.DocumentsChangedSince(current)!.Select(d => d.Value).Order());
            current = next;
        }
        var cost = current.Counters.Read() - before;
        Assert.Equal(0, cost.CorpusComputations);
        Assert.Equal(typed.Length, cost.ArticlesCrossDiagnosed); // the edited article, once per keystroke
        Assert.Equal(typed.Length, cost.ArticlesDiagnosed);

        // Every span follows the new text: the edited article's own finding, and the other sources' related locations.
        var text = current.GetRequiredArticle(KeyA).Text.ToString();
        const string quote = "Abbiamo trovato un accordo importante sul prezzo del gas";
        var own = Assert.Single(current.GetDiagnostics(KeyA), d => d.Id == "NEWS020");
        Assert.Equal(quote, text[own.Span.Start..own.Span.End]);
        foreach (var other in new[] { KeyB, KeyE })
        {
            var related = Assert.Single(Assert.Single(current.GetDiagnostics(other), d => d.Id == "NEWS020").Related, r => r.Document == KeyA);
            Assert.Equal(quote, text[related.Span.Start..related.Span.End]);
            Assert.Equal(current.GetRequiredArticle(KeyA).Text.Lines.GetLinePositionSpan(related.Span), related.Range);
        }
        var conflict = Assert.Single(current.GetDiagnostics(KeyB), d => d.Id == "NEWS021");
        var inA = Assert.Single(conflict.Related, r => r.Document == KeyA);
        Assert.Equal("27 ministri", text[inA.Span.Start..inA.Span.End]);

        // The IDE resolves positions from the current text too.
        var lens = Assert.Single(NewsLsp.Ide.AgreementLenses.For(current, KeyA), l => l.Kind == "quote");
        Assert.Equal(own.Span, lens.Span);
    }

    [Fact]
    public void Editing_inside_a_quote_still_updates_the_other_sources_NEWS020()
    {
        var snapshot = Corpus();
        var before = snapshot.Counters.Read();
        var start = A.IndexOf("importante", StringComparison.Ordinal);
        var line = A[..start].Count(c => c == '\n');
        var column = start - (A.LastIndexOf('\n', start) + 1);
        var edited = snapshot.WithDocumentEdits(KeyA,
            [new TextEdit(new LinePositionSpan(new(line, column), new(line, column + "importante".Length)), "fondamentale")], 2);

        foreach (var other in new[] { KeyB, KeyE })
        {
            var diagnostic = Assert.Single(edited.GetDiagnostics(other), d => d.Id == "NEWS020");
            Assert.Contains("“fondamentale”", diagnostic.Message);
        }
        var otherKey = new DocumentKey("o.txt");
        Assert.Equal(snapshot.GetDiagnostics(otherKey), edited.GetDiagnostics(otherKey));
        var cost = edited.Counters.Read() - before;
        Assert.Equal(1, cost.CorpusComputations);
        Assert.Equal(2, cost.ArticlesCrossDiagnosed); // b and e; the article of another event keeps its findings
        // The agreement index names the articles whose part changed: the event's sources, not the other article.
        Assert.Equal(["a.txt", "b.txt", "e.txt"], edited.DocumentsChangedSince(snapshot)!.Select(d => d.Value).Order());
    }
}
