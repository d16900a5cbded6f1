using System.Collections.Immutable;
using NewsLsp.Syntax;

namespace NewsLsp.Analysis;

/// <summary>
/// NEWS002: one article quoting with more than one style of double quotation marks (“ ”, « », "). Each
/// quotation in a minority style is reported, with a fix that rewrites it in the article's dominant style.
/// </summary>
public sealed class MixedQuoteStylesAnalyzer : ArticleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "NEWS002", "Mixed quotation styles", "{0}", "Quotation", Severity.Information);

    public override ImmutableArray<DiagnosticDescriptor> Descriptors => [Rule];

    public override void Analyze(ArticleAnalysisContext context)
    {
        var pairs = context.Article.Get(QuotePairs.Query).Pairs
            .Where(p => p.Mark != QuoteMark.TypographicSingleOpen).ToList();
        var counts = pairs.GroupBy(p => p.Style).ToDictionary(g => g.Key, g => g.Count());
        if (counts.Count < 2) return;
        // The dominant style wins; on a tie, the typographic one (the Italian editorial standard).
        var dominant = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key == QuoteStyle.Typographic ? 0 : 1).First().Key;
        var summary = string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Value} {Describe(c.Key)}"));
        foreach (var pair in pairs.Where(p => p.Style != dominant))
        {
            var (open, close) = MarksOf(dominant);
            var fix = new ReportedFix($"Use {Describe(dominant)} quotation marks",
            [
                new ReportedEdit(context.Document, new(pair.Open, 1), open),
                new ReportedEdit(context.Document, new(pair.Close, 1), close),
            ], IsPreferred: true);
            context.Report(Rule, pair.Outer,
                $"quotation in {Describe(pair.Style)} marks in an article that mostly uses {Describe(dominant)} marks ({summary})",
                [], [fix]);
        }
    }

    private static string Describe(QuoteStyle style) => style switch
    {
        QuoteStyle.Typographic => "typographic “ ”",
        QuoteStyle.Guillemets => "« »",
        _ => "straight \" \"",
    };

    private static (string Open, string Close) MarksOf(QuoteStyle style) => style switch
    {
        QuoteStyle.Typographic => ("“", "”"),
        QuoteStyle.Guillemets => ("«", "»"),
        _ => ("\"", "\""),
    };
}
