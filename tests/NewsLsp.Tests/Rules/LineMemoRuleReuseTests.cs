using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using Xunit;

namespace NewsLsp.Tests.Rules;

/// <summary>
/// NEWS006 (relative dates) and NEWS007 (article forms) read the findings of an edited article's unchanged lines from a
/// memo: after any series of edits their findings must equal those of the same text analysed afresh.
/// </summary>
public class LineMemoRuleReuseTests
{
    private const string Dates = """
        Vertice sul clima a Bruxelles
        Ieri i ministri hanno discusso il piano. Venerdì mattina si voterà, ha detto la portavoce.
        «Lo faremo la settimana prossima», ha detto il commissario, ma oggi nessuno lo conferma.
        Domenica il ministro ha incontrato i sindacati; il domani resta incerto e ogni domenica si protesta.
        La riunione di stamattina è finita tardi. Lo scorso fine settimana erano in piazza.
        """;

    private const string Forms = """
        Aiuti al Ucraina
        Il governo ha inviato aiuti al Ucraina e ai studenti. Gli zaini sono arrivati agli crescenti centri.
        Il sindaco ha parlato allo sciopero e il zaino è rimasto a casa. La amica ha detto che lo Abruzzo aiuta.
        Nello Utah il PSG gioca. Un sms è arrivato ai alunni.
        """;

    public static TheoryData<string, string, string[]> Cases => new()
    {
        // What typing can change a line's dates with: relative dates, an absolute date, quotation marks, line ends.
        { "NEWS006", Dates, ["ieri ", "oggi ", "venerdì ", "Domenica ", "21 novembre ", "2025-11-21 ", "«", "»", "\n", "il ", "e", " "] },
        // And its article forms: articles, words starting with a vowel, s + consonant or z, capitals, apostrophes.
        { "NEWS007", Forms, ["gli ", "al ", "ai ", "lo ", "il ", "studenti ", "Ucraina ", "zaino ", "amici ", "l'", "'", "\n", " ", "e"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Findings_of_an_edited_article_equal_a_fresh_analysis_after_random_edits(string rule, string article, string[] insertions)
    {
        var random = new Random(20261122);
        var key = new DocumentKey("a.txt");
        var text = SourceText.From(article);
        var snapshot = WorkspaceSnapshot.Create().WithDocumentText(key, text);
        var reported = 0;
        for (var edit = 0; edit < 150; edit++)
        {
            text = text.WithChanges(RandomEdit(random, text, insertions));
            snapshot = snapshot.WithDocumentText(key, text);
            var edited = Findings(snapshot.GetDiagnostics(key), rule);
            Assert.Equal(Findings(Articles.Diagnostics(text.ToString(), rule), rule), edited);
            reported += edited.Count;
        }
        Assert.True(reported > 0, "the edits left some findings to report");
    }

    private static List<(TextSpan Span, string Message, string Fixes)> Findings(IEnumerable<ArticleDiagnostic> diagnostics, string rule) =>
        [.. diagnostics.Where(d => d.Id == rule).Select(d => (d.Span, d.Message,
            string.Join(" | ", d.Fixes.SelectMany(f => f.Edits.Select(e => $"{f.Title}: {e.Span} -> {e.NewText}")))))];

    private static TextChange RandomEdit(Random random, SourceText text, string[] insertions)
    {
        var at = random.Next(text.Length);
        if (random.Next(3) == 0 && at < text.Length - 1) return new TextChange(new TextSpan(at, 1 + random.Next(Math.Min(12, text.Length - at - 1))), "");
        return new TextChange(new TextSpan(at, 0), insertions[random.Next(insertions.Length)]);
    }
}
