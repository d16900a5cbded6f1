using System.Collections.Immutable;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// What <see cref="QuoteAlignment"/> compares: one segment (sentence) of the <see cref="Quote"/>-th quote of the
/// <see cref="Article"/>-th article, its words (the quote's words from <see cref="Offset"/>) and their content stems.
/// </summary>
internal sealed record QuoteUnit(int Article, int Quote, int Segment, int Offset, ImmutableArray<QuoteWord> Words, HashSet<string> Stems, bool IsWholeQuote)
{
    /// <summary>The units of the <paramref name="article"/>-th article, in text order, added to <paramref name="units"/>.</summary>
    public static void AddOf(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, int article, List<QuoteUnit> units)
    {
        var quotes = articles[article].Facts.Quotes;
        for (var q = 0; q < quotes.Count; q++)
        for (int s = 0, offset = 0; s < quotes[q].SegmentCount; s++)
        {
            var words = quotes[q].Segment(s).ToImmutableArray();
            if (words.IsEmpty) continue;
            units.Add(new QuoteUnit(article, q, s, offset, words, words.Where(w => w.IsContent).Select(w => w.Stem).ToHashSet(StringComparer.Ordinal), quotes[q].SegmentCount == 1));
            offset += words.Length;
        }
    }
}
