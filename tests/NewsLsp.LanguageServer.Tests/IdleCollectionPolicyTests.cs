using NewsLsp.LanguageServer.Server;

namespace NewsLsp.LanguageServer.Tests;

public sealed class IdleCollectionPolicyTests
{
    private const long MB = 1024 * 1024;
    private const long Budget = 16 * MB;
    private static readonly long Threshold = (long)(Budget * IdleCollectionPolicy.Fraction);

    [Fact]
    public void Says_nothing_while_the_budget_is_unknown()
    {
        var policy = new IdleCollectionPolicy();
        Assert.False(policy.ShouldCollect(0, 0, budget: 0));
        Assert.False(policy.ShouldCollect(100 * MB, 0, budget: 0));
    }

    [Fact]
    public void Asks_for_a_collection_once_the_fraction_of_the_budget_is_allocated_since_the_last_one()
    {
        var policy = new IdleCollectionPolicy();
        policy.ShouldCollect(10 * MB, 3, Budget); // the first reading is where counting starts
        Assert.False(policy.ShouldCollect(10 * MB + Threshold - 1, 3, Budget));
        Assert.True(policy.ShouldCollect(10 * MB + Threshold, 3, Budget));
    }

    [Fact]
    public void A_collection_by_the_runtime_restarts_the_count_from_the_reading_before_it()
    {
        var policy = new IdleCollectionPolicy();
        policy.ShouldCollect(0, 0, Budget);
        policy.ShouldCollect(5 * MB, 0, Budget);
        // The runtime collected somewhere after the 5 MB reading: counted from there (it cannot know the exact moment).
        Assert.False(policy.ShouldCollect(6 * MB, 1, Budget));
        Assert.False(policy.ShouldCollect(5 * MB + Threshold - 1, 1, Budget));
        Assert.True(policy.ShouldCollect(5 * MB + Threshold, 1, Budget));
    }

    [Fact]
    public void A_collection_it_advised_restarts_the_count_from_that_moment()
    {
        var policy = new IdleCollectionPolicy();
        policy.ShouldCollect(0, 0, Budget);
        Assert.True(policy.ShouldCollect(Threshold, 0, Budget));
        policy.Collected(Threshold + 100, 1);
        Assert.False(policy.ShouldCollect(Threshold + 100 + Threshold - 1, 1, Budget));
        Assert.True(policy.ShouldCollect(Threshold + 100 + Threshold, 1, Budget));
    }

    [Fact]
    public void A_smaller_budget_asks_sooner()
    {
        var policy = new IdleCollectionPolicy();
        policy.ShouldCollect(0, 0, Budget);
        Assert.False(policy.ShouldCollect(5 * MB, 0, Budget));
        Assert.True(policy.ShouldCollect(5 * MB, 0, budget: 6 * MB));
    }
}
