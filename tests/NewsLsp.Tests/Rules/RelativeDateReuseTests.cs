using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using Xunit;

namespace NewsLsp.Tests.Rules;

/// <summary>
/// NEWS006 reads the dates of an edited article's unchanged lines from a memo: after any series of edits its findings
/// must equal those of the same text analysed afresh, as dates are typed, deleted, anchored and quoted.
/// </summary>
public class RelativeDateReuseTests
{
    private const string Article = """
        Vertice sul clima a Bruxelles
        Ieri i ministri hanno discusso il piano. Venerdì mattina si voterà, ha detto la portavoce.
        «Lo faremo la settimana prossima», ha detto il commissario, ma oggi nessuno lo conferma.
        Domenica il ministro ha incontrato i sindacati; il domani resta incerto e ogni domenica si protesta.
        La riunione di stamattina è finita tardi. Lo scorso fine settimana erano in piazza.
        """;

    // What typing can change a line's dates with: relative dates, an absolute date, quotation marks, line ends.
    private static readonly string[] Insertions = ["ieri ", "oggi ", "venerdì ", "Domenica ", "21 novembre ", "2025-11-21 ", "«", "»", "\n", "il ", "e", " "];

    [Fact]
    public void Findings_of_an_edited_article_equal_a_fresh_analysis_after_random_edits()
    {
        var random = new Random(20261122);
        var key = new DocumentKey("a.txt");
        var text = SourceText.From(Article);
        var snapshot = WorkspaceSnapshot.Create().WithDocumentText(key, text);
        var reported = 0;
        for (var edit = 0; edit < 150; edit++)
        {
            text = text.WithChanges(RandomEdit(random, text));
            snapshot = snapshot.WithDocumentText(key, text);
            var edited = Findings(snapshot.GetDiagnostics(key));
            Assert.Equal(Findings(Articles.Diagnostics(text.ToString(), "NEWS006")), edited);
            reported += edited.Count;
        }
        Assert.True(reported > 0, "the edits left some relative dates to report");
    }

    private static List<(TextSpan Span, string Message)> Findings(IEnumerable<ArticleDiagnostic> diagnostics) =>
        [.. diagnostics.Where(d => d.Id == "NEWS006").Select(d => (d.Span, d.Message))];

    private static TextChange RandomEdit(Random random, SourceText text)
    {
        var at = random.Next(text.Length);
        if (random.Next(3) == 0 && at < text.Length - 1) return new TextChange(new TextSpan(at, 1 + random.Next(Math.Min(12, text.Length - at - 1))), "");
        return new TextChange(new TextSpan(at, 0), Insertions[random.Next(Insertions.Length)]);
    }
}
