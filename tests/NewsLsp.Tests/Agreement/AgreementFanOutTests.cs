using NewsLsp.Analysis;
using Xunit;

namespace NewsLsp.Tests.Agreement;

/// <summary>
/// One agreement finding names and points at a bounded number of other sources, however many cover the event: before
/// the bound, every finding listed every other mention, so an article's diagnostics grew with the event and the
/// server's pulls (and memory) with the square of the corpus.
/// </summary>
public class AgreementFanOutTests
{
    /// <summary>The same event told by <paramref name="sources"/> sources that disagree on a figure and on a word of a quote; s00 alone gives a sum.</summary>
    private static WorkspaceSnapshot Event(int sources) => Articles.Workspace([.. Enumerable.Range(0, sources).Select(i => ($"s{i:00}.txt",
        "Gas russo, accordo a Bruxelles sui prezzi\nA Bruxelles il ministro Mario Rossi ha discusso martedì il prezzo del gas russo con i ministri europei. " +
        $"“Abbiamo trovato un accordo {Word(i)} sul prezzo del gas”, ha dichiarato Rossi. Al vertice hanno partecipato {25 + i % 3} ministri europei.\n" +
        "Il prezzo massimo del gas russo sarà deciso dai ministri europei a Bruxelles." +
        (i == 0 ? "\nIl ministro ha annunciato 300 milioni di euro per le famiglie." : "")))]);

    /// <summary>A word of the quote that every source renders its own way ("storico", "nuovoba", "nuovoca"…).</summary>
    private static string Word(int source) => source == 0 ? "storico" : $"nuovo{(char)('a' + source % 26)}{(char)('a' + source / 26)}";

    private static IReadOnlyList<ArticleDiagnostic> AgreementFindings(WorkspaceSnapshot snapshot) =>
        [.. snapshot.GetDiagnostics(new DocumentKey("s00.txt")).Where(d => d.Id is "NEWS020" or "NEWS021" or "NEWS022")];

    private static int Size(ArticleDiagnostic d) => d.Message.Length + d.Related.Sum(r => r.Message.Length + r.Document.Value.Length);

    [Fact]
    public void A_finding_names_three_other_sources_and_points_at_ten_then_counts_the_rest()
    {
        var findings = AgreementFindings(Event(40));
        Assert.Equal(["NEWS020", "NEWS021", "NEWS022"], findings.Select(d => d.Id).Order());
        foreach (var finding in findings)
        {
            Assert.Equal(10, finding.Related.Length);
            Assert.DoesNotContain(finding.Related, r => r.Document.Value == "s00.txt");
        }
        // 40 sources: 39 others, of which those giving 26 or 27 ministers (26) conflict with s00's 25.
        var conflict = Assert.Single(findings, d => d.Id == "NEWS021");
        Assert.Equal(3, conflict.Message.Split(" in s").Length - 1);
        Assert.EndsWith("and 23 more", conflict.Message);
        var variant = Assert.Single(findings, d => d.Id == "NEWS020");
        Assert.StartsWith("quote worded differently than in 39 other source(s): “storico” here; “nuovoba” in s01.txt; “nuovoca” in s02.txt; “nuovoda” in s03.txt and 36 more", variant.Message);
        Assert.All(variant.Related, r => Assert.StartsWith("as quoted here: ", r.Message));   // differing renderings come first
        Assert.Contains("the 39 other source(s) of the event do not", Assert.Single(findings, d => d.Id == "NEWS022").Message);
    }

    [Fact]
    public void An_articles_agreement_findings_do_not_grow_with_the_number_of_sources()
    {
        var twenty = AgreementFindings(Event(20));
        var forty = AgreementFindings(Event(40));
        Assert.Equal(twenty.Select(d => d.Id), forty.Select(d => d.Id));
        // Only the counts in the messages ("and 10 more" → "and 23 more") may differ.
        Assert.InRange(forty.Sum(Size), twenty.Sum(Size), twenty.Sum(Size) + 3 * forty.Count);
    }
}
