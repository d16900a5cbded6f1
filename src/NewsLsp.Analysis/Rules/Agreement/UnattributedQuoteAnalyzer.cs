using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis.Agreement;

namespace NewsLsp.Analysis;

/// <summary>NEWS023: a quoted statement (four words or more) whose speaker the article never names.</summary>
public sealed class UnattributedQuoteAnalyzer : ArticleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "NEWS023", "Quote with no attributed speaker", "quoted statement with no attributed speaker: who said “{0}”?", "Agreement", Severity.Warning);

    public override ImmutableArray<DiagnosticDescriptor> Descriptors => [Rule];

    public override void Analyze(ArticleAnalysisContext context)
    {
        foreach (var (quote, span) in context.Article.Get(QuoteExtractor.Query).Located)
        {
            if (quote.Speaker is not null || !quote.IsStatement) continue;
            var outer = TextSpan.FromBounds(span.Start - 1, span.End + 1);
            context.Report(Rule, outer, Shorten(quote.Text));
        }
    }

    private static string Shorten(string text) => NewsLsp.Text.Excerpts.Shorten(text, 58);
}
