namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// A quoted statement in one article: its text without the quotation marks (absolute span, end exclusive), the
/// speaker's name as the article gives it (or null), and its words split into segments (sentences inside the quote),
/// which are what gets aligned across sources.
/// </summary>
public sealed record QuoteMention(int Start, int End, string Text, string? Speaker, bool InHeadline, EquatableArray<QuoteWord> Words)
{
    public Microsoft.CodeAnalysis.Text.TextSpan Span => Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(Start, End);

    public int SegmentCount => Words.Count == 0 ? 0 : Words[^1].Segment + 1;

    public IEnumerable<QuoteWord> Segment(int index) => Words.Where(w => w.Segment == index);

    /// <summary>Words a statement needs before a missing speaker matters (shorter quotes are labels or scare quotes).</summary>
    public bool IsStatement => Words.Count >= 4;
}

/// <summary>One word of a quote: absolute span, normalised form, stem, whether it carries content, its segment.</summary>
public sealed record QuoteWord(int Start, int Length, string Normalized, string Stem, bool IsContent, int Segment)
{
    public int End => Start + Length;
}

/// <summary>Every quoted statement of one article, in text order.</summary>
public sealed record ArticleQuotes(EquatableArray<QuoteMention> Quotes);
