using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// Where the quotes and numbers of the <see cref="AgreementIndex"/> are now. The index holds no absolute positions
/// (so typing before a quote leaves it the same object); spans come from the article's own current extraction, by
/// ordinal. Within one snapshot the ordinals always agree: the index was computed from summaries equal to the
/// articles' current ones.
/// </summary>
public static class AgreementLocations
{
    /// <summary>The span of the quote's text (quotation marks excluded) in <paramref name="article"/>.</summary>
    public static TextSpan SpanIn(this QuoteVariant variant, ArticleState article) => QuoteSpan(article, variant.Ordinal);

    /// <summary>The span of the number in <paramref name="article"/>.</summary>
    public static TextSpan SpanIn(this NumberFactMention mention, ArticleState article) => NumberSpan(article, mention.Ordinal);

    /// <summary>The quote's span in the snapshot's current text of its document.</summary>
    public static TextSpan SpanIn(this QuoteVariant variant, WorkspaceSnapshot snapshot) => variant.SpanIn(snapshot.GetRequiredArticle(variant.Document));

    /// <summary>The number's span in the snapshot's current text of its document.</summary>
    public static TextSpan SpanIn(this NumberFactMention mention, WorkspaceSnapshot snapshot) => mention.SpanIn(snapshot.GetRequiredArticle(mention.Document));

    /// <summary>The differing words as absolute spans, given the quote's current span.</summary>
    public static IEnumerable<TextSpan> DifferingSpans(this QuoteVariant variant, TextSpan quoteSpan) =>
        variant.Differing.Select(s => new TextSpan(quoteSpan.Start + s.Start, s.Length));

    public static TextSpan QuoteSpan(ArticleState article, int ordinal) => article.Get(QuoteExtractor.Query).Spans[ordinal];

    public static TextSpan NumberSpan(ArticleState article, int ordinal) => article.Get(NumberExtractor.Query).Spans[ordinal];
}

/// <summary>A related location at the current span of an article's <see cref="Ordinal"/>-th quote.</summary>
public sealed record QuoteAnchor(int Ordinal) : LocationAnchor
{
    public override TextSpan Resolve(ArticleState article) => AgreementLocations.QuoteSpan(article, Ordinal);
}

/// <summary>A related location at the current span of an article's <see cref="Ordinal"/>-th number.</summary>
public sealed record NumberAnchor(int Ordinal) : LocationAnchor
{
    public override TextSpan Resolve(ArticleState article) => AgreementLocations.NumberSpan(article, Ordinal);
}
