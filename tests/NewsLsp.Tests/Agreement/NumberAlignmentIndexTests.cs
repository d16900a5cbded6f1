using System.Collections.Immutable;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using Xunit;
using static NewsLsp.Tests.Agreement.NumberFactDescription;

namespace NewsLsp.Tests.Agreement;

/// <summary>
/// Number alignment compares a mention only with mentions of its kind, remembers each edited mention's best match per
/// source, and builds its facts without scanning every mention per weekday: the facts equal the all-pairs alignment
/// (<see cref="NumberAlignmentOracle"/>) in random events with many ties (few stems, repeated values).
/// </summary>
public class NumberAlignmentIndexTests
{
    private static readonly string[] Stems = ["attacc", "droni", "kiev", "mosc", "notte", "missil", "vittim"];
    private static readonly string[] Heads = ["droni", "missil"];

    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 12)]
    [InlineData(3, 40)]
    public void A_fresh_alignment_equals_the_all_pairs_alignment(int seed, int articleCount)
    {
        var random = new Random(seed);
        for (var round = 0; round < 30; round++)
        {
            var articles = Articles(random, articleCount);
            var @event = new AgreementEvent("event-1", [.. articles.Select(a => a.Key)]);
            int expectedId = 1, actualId = 1;
            var expected = NumberAlignmentOracle.Align(@event, articles, ref expectedId);
            Assert.Equal(Describe(expected), Describe(NumberAlignment.Align(@event, articles, ref actualId)));
            Assert.Equal(expectedId, actualId);
        }
    }

    // Large events with sparse contexts (a few stems of a larger vocabulary): most pairs of a kind share no stem and
    // are never compared (ContextOverlaps), while the pairs that do share one still tie often.
    [Theory]
    [InlineData(7, 10)]
    [InlineData(8, 40)]
    public void A_fresh_alignment_of_sparse_contexts_equals_the_all_pairs_alignment(int seed, int articleCount)
    {
        var random = new Random(seed);
        var (multiSource, repeats) = (0, 0);
        for (var round = 0; round < 60; round++)
        {
            var articles = Enumerable.Range(0, articleCount).Select(a => (new DocumentKey($"a{a:000}.txt"), new ArticleFacts([], [],
                Enumerable.Range(0, random.Next(0, 9)).Select(_ => Mention(random) with { Context = SparseContext(random) }).ToImmutableArray()))).ToList();
            var @event = new AgreementEvent("event-1", [.. articles.Select(a => a.Item1)]);
            int expectedId = 1, actualId = 1;
            var expected = NumberAlignmentOracle.Align(@event, articles, ref expectedId);
            Assert.Equal(Describe(expected), Describe(NumberAlignment.Align(@event, articles, ref actualId)));
            Assert.Equal(expectedId, actualId);
            multiSource += expected.Count(f => f.SourceCount > 1);
            repeats += expected.Count(f => f.Mentions.Length > f.SourceCount);
        }
        Assert.True(multiSource >= 100, $"only {multiSource} facts of several sources, {repeats} with repeats: the test compares too little");
        Assert.True(repeats >= 10, $"only {repeats} facts with a repeated mention");
    }

    // Keystrokes in one article: its mentions change one at a time, and sometimes back to what they were (a letter
    // typed and deleted), so remembered answers are reused as well as made.
    [Theory]
    [InlineData(4, 6)]
    [InlineData(5, 20)]
    [InlineData(6, 50)]
    public void Aligning_while_one_article_is_edited_equals_the_all_pairs_alignment(int seed, int articleCount)
    {
        var random = new Random(seed);
        var (multiSource, conflicts) = (0, 0);
        for (var round = 0; round < 6; round++)
        {
            var articles = Articles(random, articleCount);
            var @event = new AgreementEvent("event-1", [.. articles.Select(a => a.Key)]);
            var edited = random.Next(articleCount);
            NumberMatches? matches = null;
            var typed = new Stack<ArticleFacts>();
            for (var step = 0; step < 40; step++)
            {
                var facts = articles[edited].Facts;
                if (typed.Count > 0 && random.Next(3) == 0) facts = typed.Pop();
                else
                {
                    typed.Push(facts);
                    var numbers = facts.Numbers.ToList();
                    if (numbers.Count == 0 || random.Next(6) == 0) numbers.Insert(random.Next(numbers.Count + 1), Mention(random));
                    else
                    {
                        var k = random.Next(numbers.Count);
                        numbers[k] = numbers[k] with { Context = Context(random) };
                    }
                    facts = facts with { Numbers = numbers.ToImmutableArray() };
                }
                articles[edited] = (articles[edited].Key, facts);
                int expectedId = 1, actualId = 1;
                var expected = NumberAlignmentOracle.Align(@event, articles, ref expectedId);
                var actual = NumberAlignment.Align(@event, articles, ref actualId, matches, out matches, articles[edited].Key);
                Assert.Equal(Describe(expected), Describe(actual));
                Assert.Equal(expectedId, actualId);
                multiSource += expected.Count(f => f.SourceCount > 1);
                conflicts += expected.Count(f => f.Agreement == NumberAgreement.Conflict);
            }
        }
        Assert.True(multiSource >= 100, $"only {multiSource} facts of several sources: the test compares too little");
        Assert.True(conflicts >= 10, $"only {conflicts} conflicting facts");
    }

    private static List<(DocumentKey Key, ArticleFacts Facts)> Articles(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(a => (new DocumentKey($"a{a:00}.txt"), new ArticleFacts([], [], Enumerable.Range(0, random.Next(0, 6)).Select(_ => Mention(random)).ToImmutableArray())))];

    private static NumberMention Mention(Random random)
    {
        var unit = random.Next(4) switch { 0 or 1 => NumberUnit.Count, 2 => NumberUnit.Percent, _ => NumberUnit.Weekday };
        var value = unit == NumberUnit.Weekday ? (double?)null : random.Next(1, 4) * 10 + (random.Next(4) == 0 ? 1 : 0);
        var label = unit == NumberUnit.Weekday ? (random.Next(2) == 0 ? "lunedì" : "martedì") : null;
        var head = unit == NumberUnit.Count ? Heads[random.Next(Heads.Length)] : null;
        return new NumberMention($"{value}{label}", unit, value, label, (NumberQualifier)random.Next(4), $"{head ?? unit.ToString()}", head, Context(random));
    }

    private static readonly string[] Vocabulary = [.. Enumerable.Range(0, 20).Select(k => $"stem{k:00}")];

    private static EquatableArray<string> SparseContext(Random random) =>
        Vocabulary.Where(_ => random.Next(6) == 0).Order(StringComparer.Ordinal).ToImmutableArray();

    private static EquatableArray<string> Context(Random random) =>
        Stems.Where(_ => random.Next(2) == 0).Order(StringComparer.Ordinal).ToImmutableArray();
}
