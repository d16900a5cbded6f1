using System.Collections.Immutable;
using NewsLsp.Syntax;

namespace NewsLsp.Analysis;

/// <summary>
/// Pairs the double quotation marks of each prose line: “…”, «…», "…". The result feeds both the balance rule and
/// the style rule, and later quote extraction. Single marks (‘ ’) are paired only when an opening ‘ is present,
/// because ’ is usually an apostrophe.
/// </summary>
public sealed class QuotePairs
{
    public static readonly ArticleQuery<QuotePairs> Query = new FunctionArticleQuery<QuotePairs>("quote-pairs", a => Compute(a.Syntax));

    public required ImmutableArray<QuotePair> Pairs { get; init; }

    /// <summary>Marks with no partner: an opening mark never closed, or a closing mark never opened.</summary>
    public required ImmutableArray<UnpairedMark> Unpaired { get; init; }

    public static QuotePairs Compute(ArticleSyntax syntax)
    {
        var pairs = ImmutableArray.CreateBuilder<QuotePair>();
        var unpaired = ImmutableArray.CreateBuilder<UnpairedMark>();
        foreach (var block in syntax.ProseBlocks)
        {
            var open = new Stack<(int Offset, QuoteMark Mark)>();
            foreach (var token in block.Tokens)
            {
                if (token.Kind != TokenKind.Quote) continue;
                var offset = block.Start + token.Start;
                var mark = token.Quote;
                if (mark == QuoteMark.StraightDouble)
                {
                    if (open.TryPeek(out var top) && top.Mark == QuoteMark.StraightDouble)
                    {
                        open.Pop();
                        pairs.Add(new QuotePair(top.Offset, offset, mark));
                    }
                    else open.Push((offset, mark));
                }
                else if (QuoteMarks.IsOpening(mark)) open.Push((offset, mark));
                else if (mark == QuoteMark.TypographicSingleClose && !open.Any(o => o.Mark == QuoteMark.TypographicSingleOpen))
                {
                    // An apostrophe written after a space or at a word end: not a quotation mark at all.
                }
                else if (open.TryPeek(out var top) && QuoteMarks.ClosingFor(top.Mark) == mark)
                {
                    open.Pop();
                    pairs.Add(new QuotePair(top.Offset, offset, top.Mark));
                }
                else if (open.TryPeek(out var mismatched) && mismatched.Mark != QuoteMark.StraightDouble)
                {
                    open.Pop();
                    unpaired.Add(new UnpairedMark(offset, mark, mismatched.Mark));
                }
                else unpaired.Add(new UnpairedMark(offset, mark, QuoteMark.None));
            }
            foreach (var (offset, mark) in open) unpaired.Add(new UnpairedMark(offset, mark, QuoteMark.None));
        }
        pairs.Sort((a, b) => a.Open.CompareTo(b.Open));
        unpaired.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        return new QuotePairs { Pairs = pairs.ToImmutable(), Unpaired = unpaired.ToImmutable() };
    }
}

/// <summary>A quotation: the offsets of its opening and closing marks (each one character) and the opening mark.</summary>
public readonly record struct QuotePair(int Open, int Close, QuoteMark Mark)
{
    public QuoteStyle Style => QuoteMarks.StyleOf(Mark);
    /// <summary>The quoted text, without the marks.</summary>
    public Microsoft.CodeAnalysis.Text.TextSpan Inner => Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(Open + 1, Close);
    /// <summary>The quotation including its marks.</summary>
    public Microsoft.CodeAnalysis.Text.TextSpan Outer => Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(Open, Close + 1);
}

/// <summary>A mark with no partner; <see cref="Expected"/> is set when it closes a quotation opened with another mark.</summary>
public readonly record struct UnpairedMark(int Offset, QuoteMark Mark, QuoteMark Expected);
