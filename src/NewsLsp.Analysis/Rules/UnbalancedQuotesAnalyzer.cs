using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Syntax;

namespace NewsLsp.Analysis;

/// <summary>NEWS001: a quotation mark with no partner, or closed with the wrong mark.</summary>
public sealed class UnbalancedQuotesAnalyzer : ArticleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "NEWS001", "Unbalanced quotation marks", "{0}", "Quotation", Severity.Warning);

    public override ImmutableArray<DiagnosticDescriptor> Descriptors => [Rule];

    public override void Analyze(ArticleAnalysisContext context)
    {
        var text = context.Article.Text;
        foreach (var mark in context.Article.Get(QuotePairs.Query).Unpaired)
        {
            var symbol = text[mark.Offset];
            string message;
            if (mark.Expected != QuoteMark.None)
                message = $"'{symbol}' closes a quotation opened with '{Symbol(mark.Expected)}'; expected '{Symbol(QuoteMarks.ClosingFor(mark.Expected))}'";
            else if (QuoteMarks.IsClosing(mark.Mark))
                message = $"closing quotation mark '{symbol}' has no opening mark";
            else if (ContinuesInNextParagraph(context.Syntax, mark))
                continue;
            else
                message = $"quotation mark '{symbol}' is never closed in this paragraph";
            context.Report(Rule, new TextSpan(mark.Offset, 1), message);
        }
    }

    // Italian style may leave a quotation open at a paragraph end and reopen it at the start of the next one.
    private static bool ContinuesInNextParagraph(ArticleSyntax syntax, UnpairedMark mark)
    {
        var block = syntax.FindBlock(mark.Offset);
        if (block is null) return false;
        var next = syntax.ProseBlocks.FirstOrDefault(b => b.Start > block.Start);
        return next is { Tokens.Length: > 0 } && next.Tokens[0].Kind == TokenKind.Quote && next.Tokens[0].Quote == mark.Mark
               && mark.Mark != QuoteMark.StraightDouble;
    }

    private static char Symbol(QuoteMark mark) => mark switch
    {
        QuoteMark.TypographicDoubleOpen => '“',
        QuoteMark.TypographicDoubleClose => '”',
        QuoteMark.GuillemetOpen => '«',
        QuoteMark.GuillemetClose => '»',
        QuoteMark.TypographicSingleOpen => '‘',
        QuoteMark.TypographicSingleClose => '’',
        _ => '"',
    };
}
