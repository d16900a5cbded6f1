using NewsLsp.Analysis.Agreement;
using Xunit;

namespace NewsLsp.Tests.Agreement;

/// <summary>
/// Term weights move in steps above <see cref="SignatureVectors.ExactFrequencies"/> articles, so that one keystroke
/// rarely changes the weight of a frequent term (and with it every article using the term).
/// </summary>
public class WeighedFrequencyTests
{
    [Fact]
    public void Small_frequencies_are_exact()
    {
        for (var df = 0; df <= SignatureVectors.ExactFrequencies; df++) Assert.Equal(df, SignatureVectors.WeighedFrequency(df));
    }

    [Theory]
    [InlineData(17, 16)]
    [InlineData(19, 16)]
    [InlineData(20, 20)]
    [InlineData(31, 28)]
    [InlineData(32, 32)]
    [InlineData(546, 512)]
    [InlineData(640, 640)]
    [InlineData(1023, 896)]
    [InlineData(1024, 1024)]
    public void Larger_frequencies_round_down_to_four_steps_per_doubling(int df, int weighed) =>
        Assert.Equal(weighed, SignatureVectors.WeighedFrequency(df));

    [Fact]
    public void A_frequent_term_changes_its_weight_at_few_of_its_frequencies()
    {
        // Between 512 and 1023 users a term's weight changes at three frequencies (640, 768, 896): about one keystroke in 128 that moves it.
        var steps = Enumerable.Range(513, 511).Count(df => SignatureVectors.WeighedFrequency(df) != SignatureVectors.WeighedFrequency(df - 1));
        Assert.Equal(3, steps);
        Assert.All(Enumerable.Range(17, 2000), df => Assert.InRange(SignatureVectors.WeighedFrequency(df), df * 0.8 - 0.01, df));
    }
}
