using NewsLsp.LanguageServer.Server;

namespace NewsLsp.LanguageServer.Tests;

public sealed class IdleCollectionPolicyTests
{
    private const long MB = 1024 * 1024;

    [Fact]
    public void Says_nothing_until_the_runtime_has_shown_its_budget()
    {
        var policy = new IdleCollectionPolicy();
        Assert.False(policy.ShouldCollect(0, 0));
        Assert.False(policy.ShouldCollect(100 * MB, 0)); // however much is allocated, the budget is unknown
        Assert.Equal(0, policy.LearntBudget);
    }

    [Fact]
    public void Learns_the_budget_from_a_collection_the_runtime_made_and_asks_for_one_past_the_fraction()
    {
        var policy = new IdleCollectionPolicy();
        policy.ShouldCollect(0, 0);
        policy.ShouldCollect(15 * MB, 0);
        Assert.False(policy.ShouldCollect(16 * MB + 100, 1)); // the runtime collected after the 15 MB reading
        Assert.Equal(15 * MB, policy.LearntBudget);
        // Counted from the reading before the collection (the policy cannot know the exact moment).
        Assert.False(policy.ShouldCollect(15 * MB + (long)(15 * MB * IdleCollectionPolicy.Fraction) - 1, 1));
        Assert.True(policy.ShouldCollect(15 * MB + (long)(15 * MB * IdleCollectionPolicy.Fraction) + 1, 1));
    }

    [Fact]
    public void A_collection_it_advised_starts_a_new_budget_without_changing_what_it_learnt()
    {
        var policy = new IdleCollectionPolicy();
        policy.ShouldCollect(0, 0);
        policy.ShouldCollect(16 * MB, 0);
        policy.ShouldCollect(17 * MB, 1);
        Assert.True(policy.ShouldCollect(27 * MB, 1));
        policy.Collected(27 * MB, 2);
        Assert.Equal(16 * MB, policy.LearntBudget);
        Assert.False(policy.ShouldCollect(30 * MB, 2));
        Assert.True(policy.ShouldCollect(37 * MB, 2));
    }

    [Fact]
    public void Several_collections_between_two_readings_measure_no_budget()
    {
        var policy = new IdleCollectionPolicy();
        policy.ShouldCollect(0, 0);
        policy.ShouldCollect(16 * MB, 0);
        policy.ShouldCollect(17 * MB, 1);
        Assert.Equal(16 * MB, policy.LearntBudget);
        policy.ShouldCollect(80 * MB, 5); // a burst: four collections since the last reading, sizes unknown
        Assert.Equal(16 * MB, policy.LearntBudget);
    }
}
