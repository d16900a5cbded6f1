using NewsLsp.Analysis.Agreement;
using NewsLsp.Bench.Agreement;
using Xunit;

namespace NewsLsp.Tests.Agreement;

/// <summary>Cross-source agreement on the seeds against gold/seeds.facts.json (the acceptance target).</summary>
public class GoldScoreTests
{
    [Fact]
    public void Seeds_meet_the_acceptance_target()
    {
        using var gold = Repo.GoldFacts();
        var seeds = Articles.Seeds();
        var figures = AgreementScorer.Score(seeds, seeds.Get(AgreementQuery.Instance), gold.RootElement);
        Assert.True(figures.EventsExact, figures.ToString());
        Assert.True(figures.QuoteRecall == 1.0, figures + "\nmissed: " + string.Join(", ", figures.MissedQuotes));
        Assert.True(figures.NumberRecall == 1.0, figures + "\nmissed: " + string.Join(", ", figures.MissedNumbers));
        Assert.True(figures.QuotePrecision >= 0.95, figures + "\nextra: " + string.Join("\n", figures.ExtraQuotes));
        Assert.True(figures.NumberPrecision >= 0.95, figures + "\nextra: " + string.Join("\n", figures.ExtraNumbers));
        Assert.Equal(figures.MatchedNumbers, figures.AgreementLabelsRight);
    }

    [Fact]
    public void The_scorer_notices_a_wrong_answer()
    {
        using var gold = Repo.GoldFacts();
        var seeds = Articles.Seeds();
        var right = seeds.Get(AgreementQuery.Instance);
        var oneEvent = new AgreementIndex([new AgreementEvent("e", [.. right.Events.SelectMany(e => e.Documents)])], [], right.NumberFacts.RemoveAt(0));
        var figures = AgreementScorer.Score(seeds, oneEvent, gold.RootElement);
        Assert.False(figures.EventsExact);
        Assert.Equal(0, figures.MatchedQuoteGroups);
        Assert.True(figures.NumberRecall < 1.0);
    }
}
