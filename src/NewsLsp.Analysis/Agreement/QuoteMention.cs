using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// A quoted statement in one article, position-independent: its text without the quotation marks, the speaker's name
/// as the article gives it (or null), and its words split into segments (sentences inside the quote), which are what
/// gets aligned across sources. Where it is lies in <see cref="ArticleQuotes.Spans"/>, so text typed before a quote
/// leaves the mention (and the agreement summary) equal.
/// </summary>
public sealed record QuoteMention(string Text, string? Speaker, bool InHeadline, EquatableArray<QuoteWord> Words)
{
    public int SegmentCount => Words.Count == 0 ? 0 : Words[^1].Segment + 1;

    public IEnumerable<QuoteWord> Segment(int index) => Words.Where(w => w.Segment == index);

    /// <summary>Words a statement needs before a missing speaker matters (shorter quotes are labels or scare quotes).</summary>
    public bool IsStatement => Words.Count >= 4;
}

/// <summary>
/// One word of a quote: offset within the quote's text, length, normalised form, stem, whether it carries content, its
/// segment. A struct: the summaries hold one for every quoted word of the corpus (32 bytes inline instead of 56 apart).
/// </summary>
public readonly record struct QuoteWord(int Offset, int Length, string Normalized, string Stem, bool IsContent, int Segment)
{
    public int End => Offset + Length;
}

/// <summary>
/// Every quoted statement of one article, in text order, and where each one is now: <see cref="Spans"/>[i] is the
/// absolute span (end exclusive, quotation marks excluded) of <see cref="Quotes"/>[i].
/// </summary>
public sealed record ArticleQuotes(EquatableArray<QuoteMention> Quotes, ImmutableArray<TextSpan> Spans)
{
    public static ArticleQuotes Empty { get; } = new([], []);

    /// <summary>The quotes with their current spans, in text order.</summary>
    public IEnumerable<(QuoteMention Quote, TextSpan Span)> Located => Quotes.Select((q, i) => (q, Spans[i]));
}
