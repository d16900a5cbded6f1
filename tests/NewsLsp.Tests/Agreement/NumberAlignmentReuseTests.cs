using System.Collections.Immutable;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using Xunit;
using static NewsLsp.Tests.Agreement.NumberFactDescription;

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
        var (reused, rebuilt) = AlignmentReuseSession.Run<ImmutableArray<NumberFact>, NumberMatches>(seed, articleCount, Facts, Mutate,
            (AgreementEvent e, List<(DocumentKey Key, ArticleFacts Facts)> a, ref int id) => NumberAlignment.Align(e, a, ref id),
            (AgreementEvent e, List<(DocumentKey Key, ArticleFacts Facts)> a, ref int id, NumberMatches? reuse, out NumberMatches? made, DocumentKey edited) =>
                NumberAlignment.Align(e, a, ref id, reuse, out made, edited),
            Describe);
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
}
