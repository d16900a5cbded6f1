using System.Collections.Immutable;
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

    // An article's centroid is its own vector, zero where a term is too common to count; summing such centroids must
    // give what summing the articles at once gives: the same terms (none that counts for nobody) and the same sums.
    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Sums_of_article_centroids_equal_the_group_summed_at_once(int seed)
    {
        var random = new Random(seed);
        const int articles = 80; // the cap on counted terms is 50 users: "comune" weighs nothing
        var signatures = new List<EquatableArray<string>>();
        for (var a = 0; a < articles; a++)
        {
            var terms = new SortedSet<string>(StringComparer.Ordinal) { "comune" };
            for (var k = 0; k < 12; k++) terms.Add($"parola{random.Next(60)}");
            signatures.Add(terms.ToImmutableArray());
        }
        var vectors = SignatureVectors.Create(signatures);
        var dense = new long[vectors.TermCount];
        var touched = new List<int>();
        for (var trial = 0; trial < 30; trial++)
        {
            var group = Enumerable.Range(0, random.Next(2, 6)).Select(_ => random.Next(articles)).Distinct().ToList();
            var oneByOne = GroupCentroid.Of(vectors, group[0]);
            foreach (var a in group.Skip(1)) oneByOne = oneByOne.Plus(GroupCentroid.Of(vectors, a));
            var atOnce = GroupCentroid.Of(vectors, group, dense, touched);

            Assert.Equal(Scattered(atOnce, vectors.TermCount), Scattered(oneByOne, vectors.TermCount));
            // No term that counts for no member: the merged terms are exactly those summed at once.
            Assert.Equal(touched.Count, Count(oneByOne, vectors.TermCount));
            var probe = new long[vectors.TermCount];
            for (var t = 0; t < probe.Length; t++) probe[t] = random.Next(1 << 30);
            Assert.Equal(atOnce.Dot(probe), oneByOne.Dot(probe));
            Assert.Equal(GroupCentroid.Of(vectors, group[0]).Dot(probe), GroupCentroid.Of(vectors, [group[0]], dense, touched).Dot(probe));
        }
    }

    private static long[] Scattered(GroupCentroid centroid, int termCount)
    {
        var dense = new long[termCount];
        centroid.Scatter(dense);
        return dense;
    }

    // How many terms the centroid lists: each marked in a buffer of ones, which Clear zeroes.
    private static int Count(GroupCentroid centroid, int termCount)
    {
        var dense = Enumerable.Repeat(1L, termCount).ToArray();
        centroid.Clear(dense);
        return dense.Count(d => d == 0);
    }
}
