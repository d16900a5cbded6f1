using System.Collections.Immutable;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using Xunit;

namespace NewsLsp.Tests.Agreement;

/// <summary>
/// Aligning an event's quotes while one article is edited, reusing what the other articles' segments make among
/// themselves (<see cref="QuoteMatches"/>), gives exactly the groups a fresh alignment gives.
/// </summary>
public class QuoteAlignmentReuseTests
{
    private static readonly string[] Content = ["pace", "guerra", "sostegno", "supporto", "popolo", "governo", "accordo", "futuro", "sicurezza", "confine",
        "dialogo", "storico", "elezioni", "voto", "crisi", "energia", "prezzi", "scuola", "salute", "lavoro", "tasse", "porto", "ponte", "treno"];
    private static readonly string[] Function = ["il", "di", "che", "non", "per"];
    private static readonly string[] Speakers = ["Mario Rossi", "Rossi", "Anna Bianchi"];

    [Theory]
    [InlineData(1, 6)]
    [InlineData(4, 15)]
    [InlineData(7, 30)]
    public void Reusing_the_other_articles_matches_equals_a_fresh_alignment(int seed, int articleCount)
    {
        var grouped = 0;
        var (reused, rebuilt) = AlignmentReuseSession.Run<ImmutableArray<QuoteGroup>, QuoteMatches>(seed, articleCount, Facts, Mutate,
            (AgreementEvent e, List<(DocumentKey Key, ArticleFacts Facts)> a, ref int id) => QuoteAlignment.Align(e, a, ref id),
            (AgreementEvent e, List<(DocumentKey Key, ArticleFacts Facts)> a, ref int id, QuoteMatches? reuse, out QuoteMatches? made, DocumentKey edited) =>
                QuoteAlignment.Align(e, a, ref id, reuse, out made, edited),
            Describe, fresh => grouped += fresh.Count(g => g.Variants.Length > 1));
        Assert.True(reused >= 40, $"reused only {reused} times");
        Assert.True(rebuilt >= 3, $"rebuilt only {rebuilt} times");
        Assert.True(grouped >= 80, $"only {grouped} groups of several quotes: the test compares too little");
    }

    // Some articles open with a headline restating one of their quotes: a pair within one article.
    private static ArticleFacts Facts(Random random)
    {
        var quotes = Enumerable.Range(0, random.Next(0, 5)).Select(_ => Quote(random, Words(random), inHeadline: false)).ToList();
        if (quotes.Count > 0 && random.Next(2) == 0)
            quotes.Insert(0, Quote(random, [.. quotes[random.Next(quotes.Count)].Words.Select(w => (w.Normalized, 0)).Where(_ => random.Next(4) > 0)], inHeadline: true));
        return new([], quotes.ToImmutableArray(), []);
    }

    private static ArticleFacts Mutate(ArticleFacts facts, Random random)
    {
        var quotes = facts.Quotes.ToList();
        switch (random.Next(5))
        {
            case 0 when quotes.Count > 0: quotes.RemoveAt(random.Next(quotes.Count)); break;
            case 1: quotes.Insert(random.Next(quotes.Count + 1), Quote(random, Words(random), random.Next(6) == 0)); break;
            default:
                if (quotes.Count == 0) break;
                // A letter typed in a word of a quote: the word changes, or becomes another one.
                var k = random.Next(quotes.Count);
                var words = quotes[k].Words.Select(w => (Text: w.Normalized, w.Segment)).ToList();
                var i = random.Next(words.Count);
                words[i] = (random.Next(2) == 0 ? words[i].Text + "e" : Word(random), words[i].Segment);
                quotes[k] = Quote(random, words, quotes[k].InHeadline, quotes[k]);
                break;
        }
        return facts with { Quotes = quotes.ToImmutableArray() };
    }

    // Words of one quote in one to three segments, each on a theme (a few neighbouring content words), so that
    // statements match some others, not all.
    private static List<(string Text, int Segment)> Words(Random random)
    {
        var segments = random.Next(3) == 0 ? random.Next(2, 4) : 1;
        var words = new List<(string, int)>();
        for (var s = 0; s < segments; s++)
        {
            var theme = random.Next(Content.Length);
            for (var n = random.Next(1, 7); n > 0; n--) words.Add((Word(random, theme), s));
        }
        return words;
    }

    private static string Word(Random random, int theme = -1) =>
        random.Next(4) == 0 ? Function[random.Next(Function.Length)]
        : Content[((theme < 0 ? random.Next(Content.Length) : theme) + random.Next(4)) % Content.Length];

    private static QuoteMention Quote(Random random, List<(string Text, int Segment)> words, bool inHeadline, QuoteMention? before = null)
    {
        if (words.Count == 0) words = [(Word(random), 0)];
        var built = ImmutableArray.CreateBuilder<QuoteWord>();
        var offset = 0;
        foreach (var (text, segment) in words)
        {
            var content = !Function.Contains(text);
            built.Add(new QuoteWord(offset, text.Length, text, content && text.Length > 5 ? text[..5] : text, content, segment));
            offset += text.Length + 1;
        }
        var speaker = before is not null ? before.Speaker : random.Next(4) == 0 ? null : Speakers[random.Next(Speakers.Length)];
        return new QuoteMention(string.Join(" ", words.Select(w => w.Text)), speaker, inHeadline, built.ToImmutable());
    }

    private static List<string> Describe(ImmutableArray<QuoteGroup> groups) =>
        [.. groups.Select(g => $"{g.Id} {g.EventId} {g.Speaker} {g.Agreement} " +
            string.Join(",", g.Variants.Select(v => $"{v.Document.Value}#{v.Ordinal}:{v.Quote.Text}[{string.Join(" ", v.Differing)}]")))];
}
