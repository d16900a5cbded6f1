using System.Collections.Immutable;
using NewsLsp.Syntax;

namespace NewsLsp.Analysis;

/// <summary>
/// NEWS005: the article's last paragraph stops without a sentence-ending mark, a sign that the text was cut
/// when it was copied or exported. Headlines and subheadings do not end in a stop and are never the last
/// paragraph checked unless nothing else follows the headline.
/// </summary>
public sealed class TruncatedEndingAnalyzer : ArticleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "NEWS005", "Article ends mid-sentence", "the article ends mid-sentence after '{0}'", "Content", Severity.Warning);

    public override ImmutableArray<DiagnosticDescriptor> Descriptors => [Rule];

    public override void Analyze(ArticleAnalysisContext context)
    {
        var last = context.Syntax.Blocks.LastOrDefault(b => b.Kind == BlockKind.Paragraph);
        if (last is null || last.Tokens.IsEmpty || last.Sentences.IsEmpty) return;
        var tokens = last.Tokens;
        var i = tokens.Length - 1;
        // Closing quotes and brackets may follow the stop: «… finire.» / (… fine.)
        while (i > 0 && IsTrailer(last, tokens[i])) i--;
        if (SentenceSplitter.IsTerminator(last.Chars, tokens[i])) return;
        // A paragraph that is a quotation ending in its closing mark is complete too.
        if (tokens[^1].Kind == TokenKind.Quote && QuoteMarks.IsClosing(tokens[^1].Quote) || IsStraightQuoteClosing(last)) return;
        var sentence = last.Sentences[^1];
        // Starts on a grapheme boundary: never half an emoji (a lone surrogate reaches the editor as U+FFFD).
        var text = last.Content.ToString();
        var tail = text[NewsLsp.Text.Excerpts.BoundaryAtOrAfter(text, sentence.Span.Start, tokens[^1].End - 30)..tokens[^1].End];
        context.Report(Rule, last.AbsoluteSpan(tokens[^1]), tail.TrimStart());
    }

    private static bool IsTrailer(Block block, Token token) =>
        token.Kind == TokenKind.Quote || (token.Kind == TokenKind.Punctuation && block.Chars[token.Start] is ')' or ']');

    private static bool IsStraightQuoteClosing(Block block) =>
        block.Tokens[^1].Quote == QuoteMark.StraightDouble && block.Tokens.Count(t => t.Quote == QuoteMark.StraightDouble) % 2 == 0;
}
