using NewsLsp.Analysis.Agreement;
using Xunit;

namespace NewsLsp.Tests.Agreement;

/// <summary>
/// A group mean is exact only if the dot product of two summed centroids is: it is accumulated in two 64-bit halves,
/// which must equal plain 128-bit arithmetic however often the low half carries (large groups sum many components
/// near 2^30 each).
/// </summary>
public sealed class GroupCentroidTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 40)]
    [InlineData(3, 400)]
    [InlineData(4, 4000)]
    public void The_dot_product_of_centroids_equals_128_bit_arithmetic(int seed, int members)
    {
        var random = new Random(seed);
        const int termCount = 600;
        var terms = Enumerable.Range(0, termCount).Where(_ => random.Next(3) > 0).ToArray();
        // As many unit components near the fixed-point scale as the members would sum to.
        var sums = terms.Select(_ => (long)random.Next(members) * (1L << 30) + random.Next(1 << 30)).ToArray();
        var centroid = new GroupCentroid(terms, sums);
        var dense = new long[termCount];
        for (var t = 0; t < termCount; t++) dense[t] = random.Next(4) == 0 ? 0 : (long)random.Next(members) * (1L << 30) + random.Next(1 << 30);

        Int128 expected = 0;
        for (var k = 0; k < terms.Length; k++) expected += (Int128)sums[k] * dense[terms[k]];
        Assert.Equal(expected, centroid.Dot(dense));
    }
}
