using System.Runtime.Intrinsics;

namespace NewsLsp.Ner;

/// <summary>
/// Exact emissions from <see cref="QuantisedWeights"/>: per token <see cref="QuantisedWeights.Lanes"/> integer lanes
/// (Σq per tag, then the bound lane). Why split at the memory features: integer sums do not depend on the order of
/// the rows, so the memory pass starts from the first pass's sums without them and adds only its 3 new rows.
/// </summary>
internal static class ExactScorer
{
    private const int F = FeatureExtractor.FeaturesPerToken;
    private const int L = QuantisedWeights.Lanes;
    private const int MemoryStart = FeatureExtractor.MemoryFeatureIndex;
    private const int MemoryEnd = MemoryStart + FeatureExtractor.MemoryFeatureCount;

    // How many tokens ahead the rows are prefetched: one token's 66 loads take less time than a load from memory.
    // (Thread CPU time of the sums over WN_dev: 250 ns/token without prefetching, 133 one token ahead, 85-125 two.)
    private const int PrefetchAhead = 2;

    /// <summary>Sums of every feature but the memory ones, per token, into <paramref name="sums"/> (tokens × lanes).</summary>
    public static void SumWithoutMemory(QuantisedWeights weights, ReadOnlySpan<int> buckets, Span<int> sums)
    {
        var tokens = sums.Length / L;
        for (var i = 0; i < Math.Min(PrefetchAhead, tokens); i++) weights.Prefetch(buckets.Slice(i * F, F));
        for (var i = 0; i < tokens; i++)
        {
            var features = buckets.Slice(i * F, F);
            if (i + PrefetchAhead < tokens) weights.Prefetch(buckets.Slice((i + PrefetchAhead) * F, F));
            var sum = Vector256<int>.Zero;
            weights.Add(features[..MemoryStart], ref sum);
            weights.Add(features[MemoryEnd..], ref sum);
            sum.StoreUnsafe(ref sums[i * L]);
        }
    }

    /// <summary><paramref name="withoutMemory"/> plus each token's memory features, into <paramref name="sums"/>.</summary>
    public static void AddMemory(QuantisedWeights weights, ReadOnlySpan<int> buckets, ReadOnlySpan<int> withoutMemory, Span<int> sums)
    {
        var tokens = sums.Length / L;
        for (var i = 0; i < tokens; i++) weights.Prefetch(buckets.Slice(i * F + MemoryStart, MemoryEnd - MemoryStart));
        for (var i = 0; i < tokens; i++)
        {
            var sum = Vector256.LoadUnsafe(in withoutMemory[i * L]);
            weights.Add(buckets.Slice(i * F + MemoryStart, MemoryEnd - MemoryStart), ref sum);
            sum.StoreUnsafe(ref sums[i * L]);
        }
    }
}
