using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;
using NewsLsp.Bench.Entities;
using Xunit;

namespace NewsLsp.Tests.Entities;

/// <summary>
/// Regression floors on the seed corpus, a little below what bench/NewsLsp.Bench.Entities measures
/// (mention F1 0.908, B-cubed F1 0.979 when these floors were set), so a change that makes entities worse fails.
/// </summary>
public class EntityScoringTests
{
    [Fact]
    public void Mentions_and_linking_on_the_seeds_stay_above_their_floors()
    {
        var snapshot = Articles.Seeds();
        var index = EntityIndex.For(snapshot);
        var system = index.Entities.Entities
            .SelectMany(e => index.MentionsOf(e.Id).Select(m => new ScoredMention(m.Document.Value, m.Span.Start, m.Span.End, EntityTypes.Code(e.Type), e.Id)))
            .ToList();
        var scores = EntityScorer.Score(system, EntityScorer.ReadGold(Repo.Path("gold", "seeds.entities.json")));

        Assert.True(scores.F1 >= 0.88, EntityScorer.Format(scores));
        Assert.True(scores.Recall >= 0.87, EntityScorer.Format(scores));
        Assert.True(scores.CubedF1 >= 0.95, EntityScorer.Format(scores));
        Assert.True(scores.CubedPrecision >= 0.97, EntityScorer.Format(scores));
    }

    [Fact]
    public void The_scorer_counts_a_wrong_type_and_a_wrong_link_against_the_system()
    {
        var gold = new[] { new ScoredMention("a", 0, 5, "PER", "x"), new ScoredMention("a", 10, 15, "PER", "x"), new ScoredMention("a", 20, 25, "LOC", "y") };
        var system = new[] { new ScoredMention("a", 0, 5, "PER", "1"), new ScoredMention("a", 10, 15, "LOC", "2"), new ScoredMention("a", 20, 25, "LOC", "2") };
        var scores = EntityScorer.Score(system, gold);
        Assert.Equal(2, scores.TruePositives);
        Assert.Equal(1, scores.FalsePositives);
        Assert.True(scores.CubedPrecision < 1 && scores.CubedRecall < 1);
    }
}
