using System.Collections.Immutable;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using Xunit;

namespace NewsLsp.Tests.Agreement;

/// <summary>
/// Aligning an event's numbers while one article is edited, reusing the matches among the others
/// (<see cref="NumberMatches"/>), gives exactly the facts a fresh alignment gives.
/// </summary>
public class NumberAlignmentReuseTests
{
    private static readonly string[] Stems = ["attacc", "droni", "kiev", "mosc", "notte", "missil", "vittim", "ferit", "città", "region"];
    private static readonly string[] Heads = ["droni", "missil", "mort"];

    [Theory]
    [InlineData(3, 12)]
    [InlineData(5, 30)]
    [InlineData(8, 60)]
    public void Reusing_the_other_articles_matches_equals_a_fresh_alignment(int seed, int articleCount)
    {
        var random = new Random(seed);
        var articles = Enumerable.Range(0, articleCount).Select(a => (Key: new DocumentKey($"a{a:00}.txt"), Facts: Facts(random))).ToList();
        var @event = new AgreementEvent("event-1", [.. articles.Select(a => a.Key)]);
        NumberMatches? matches = null;
        var edited = 0;
        int reused = 0, rebuilt = 0;
        for (var step = 0; step < 80; step++)
        {
            // Mostly keystrokes in one article; sometimes another article changes or the user moves to another one.
            var roll = random.Next(10);
            if (roll == 0) edited = random.Next(articleCount);
            var changed = roll == 1 ? random.Next(articleCount) : edited;
            articles[changed] = (articles[changed].Key, Mutate(articles[changed].Facts, random));

            var freshId = 1;
            var fresh = NumberAlignment.Align(@event, articles, ref freshId);
            var reusedId = 1;
            var before = matches;
            var incremental = NumberAlignment.Align(@event, articles, ref reusedId, matches, out matches, articles[edited].Key);
            if (ReferenceEquals(before, matches)) reused++; else rebuilt++;
            Assert.Equal(freshId, reusedId);
            Assert.Equal(Describe(fresh), Describe(incremental));
        }
        Assert.True(reused >= 40, $"reused only {reused} times");
        Assert.True(rebuilt >= 3, $"rebuilt only {rebuilt} times");
    }

    private static ArticleFacts Facts(Random random) =>
        new([], [], Enumerable.Range(0, random.Next(0, 7)).Select(_ => Mention(random)).ToImmutableArray());

    private static ArticleFacts Mutate(ArticleFacts facts, Random random)
    {
        var numbers = facts.Numbers.ToList();
        switch (random.Next(4))
        {
            case 0 when numbers.Count > 0: numbers.RemoveAt(random.Next(numbers.Count)); break;
            case 1: numbers.Insert(random.Next(numbers.Count + 1), Mention(random)); break;
            default:
                if (numbers.Count == 0) break;
                var k = random.Next(numbers.Count);
                numbers[k] = numbers[k] with { Context = Context(random) }; // a word typed in its sentence
                break;
        }
        return facts with { Numbers = numbers.ToImmutableArray() };
    }

    private static NumberMention Mention(Random random)
    {
        var unit = random.Next(3) switch { 0 => NumberUnit.Count, 1 => NumberUnit.Percent, _ => NumberUnit.Weekday };
        var value = unit == NumberUnit.Weekday ? (double?)null : random.Next(1, 5) * 10;
        var label = unit == NumberUnit.Weekday ? (random.Next(2) == 0 ? "lunedì" : "martedì") : null;
        var head = unit == NumberUnit.Count ? Heads[random.Next(Heads.Length)] : null;
        return new NumberMention($"{value}{label}", unit, value, label, (NumberQualifier)random.Next(4), $"{head ?? unit.ToString()}", head, Context(random));
    }

    private static EquatableArray<string> Context(Random random) =>
        Stems.Where(_ => random.Next(3) == 0).Order(StringComparer.Ordinal).ToImmutableArray();

    private static List<string> Describe(ImmutableArray<NumberFact> facts) =>
        [.. facts.Select(f => $"{f.Id} {f.Claim} {f.Unit} {f.Agreement} " + string.Join(",", f.Mentions.Select(m => $"{m.Document.Value}#{m.Ordinal}:{m.Number.Text}")))];
}
