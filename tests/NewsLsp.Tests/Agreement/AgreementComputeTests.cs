using System.Collections.Immutable;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using Xunit;

namespace NewsLsp.Tests.Agreement;

/// <summary>
/// A cold <see cref="AgreementIndex.Compute"/> aligns events in parallel: its quote groups and number facts, ids
/// included, equal aligning the events one after another in event order, whatever order the cores finish in.
/// </summary>
public class AgreementComputeTests
{
    private static readonly string[] Stems = ["attacc", "droni", "kiev", "notte", "missil"];
    private static readonly string[] Words = ["pace", "guerra", "sostegno", "popolo", "governo", "accordo", "futuro", "sicurezza"];

    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 200)]
    public void Parallel_alignment_equals_aligning_events_in_order(int seed, int count)
    {
        var random = new Random(seed);
        var articles = Enumerable.Range(0, count).Select(i => (Key: new DocumentKey($"a{i:000}.txt"), Facts: Article(random, count))).ToList();
        var expected = new List<string>();
        var index = AgreementIndex.Compute(articles);
        var byKey = articles.ToDictionary(a => a.Key, a => a.Facts);
        int quoteId = 1, numberId = 1;
        foreach (var @event in index.Events)
        {
            var members = @event.Documents.Select(d => (d, byKey[d])).ToList();
            expected.AddRange(QuoteAlignment.Align(@event, members, ref quoteId).Select(Describe));
            expected.AddRange(NumberAlignment.Align(@event, members, ref numberId).Select(Describe));
        }
        var actual = index.Events.SelectMany(e => index.QuoteGroups.Where(g => g.EventId == e.Id).Select(Describe)
            .Concat(index.NumberFacts.Where(f => f.EventId == e.Id).Select(Describe))).ToList();
        Assert.True(index.Events.Count(e => e.Documents.Length > 1) >= 5, "too few events of several articles");
        Assert.Equal(expected, actual);
    }

    private static ArticleFacts Article(Random random, int count)
    {
        var story = random.Next(count / 8);
        var signature = Enumerable.Range(0, 6).Select(_ => $"storia{story}-{random.Next(6)}").Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        var quotes = Enumerable.Range(0, random.Next(3)).Select(_ =>
        {
            var words = Enumerable.Range(0, random.Next(3, 7)).Select((_, i) => Words[random.Next(Words.Length)]).ToList();
            var offset = 0;
            var quoteWords = words.Select(w => { var word = new QuoteWord(offset, w.Length, w, w, true, 0); offset += w.Length + 1; return word; }).ToImmutableArray();
            return new QuoteMention(string.Join(" ", words), null, false, quoteWords);
        }).ToImmutableArray();
        var numbers = Enumerable.Range(0, random.Next(4)).Select(_ =>
        {
            var value = random.Next(1, 4) * 10;
            return new NumberMention($"{value} droni", NumberUnit.Count, value, null, NumberQualifier.Exact, "droni", "droni",
                Stems.Where(_ => random.Next(2) == 0).Order(StringComparer.Ordinal).ToImmutableArray());
        }).ToImmutableArray();
        return new ArticleFacts(signature, quotes, numbers);
    }

    private static string Describe(QuoteGroup g) =>
        $"{g.Id} {g.EventId} {g.Agreement} " + string.Join(",", g.Variants.Select(v => $"{v.Document.Value}#{v.Ordinal}:{string.Join("/", v.Differing)}"));

    private static string Describe(NumberFact f) =>
        $"{f.Id} {f.EventId} {f.Agreement} " + string.Join(",", f.Mentions.Select(m => $"{m.Document.Value}#{m.Ordinal}"));
}
