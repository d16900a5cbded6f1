using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NewsLsp.Ner;

/// <summary>Emission scores: for each token, the sum of its features' weight rows (one weight per tag).</summary>
internal static class LinearScorer
{
    private const int T = 7;

    public static void Score(ReadOnlySpan<int> buckets, ReadOnlySpan<float> weights, Span<float> emissions)
    {
        if (Vector256.IsHardwareAccelerated) ScoreVector(buckets, weights, emissions);
        else ScoreScalar(buckets, weights, emissions);
    }

    /// <summary>
    /// One 8-lane add per feature row (7 tags and a lane ignored). Each tag's sum is still accumulated in feature
    /// order with plain adds, so the scores are bit-identical to <see cref="ScoreScalar"/>. The rows of the next
    /// token are prefetched: the weight table (2^19 × 7 floats) is far larger than the caches, and the lookups are
    /// random, so waiting for memory is most of the cost.
    /// </summary>
    private static void ScoreVector(ReadOnlySpan<int> buckets, ReadOnlySpan<float> weights, Span<float> emissions)
    {
        const int F = FeatureExtractor.FeaturesPerToken;
        var tokens = emissions.Length / T;
        // The last row has no 8th float after it: rows from there on are read through a padded copy.
        var lastFullRow = weights.Length / T - 1;
        ref var w = ref MemoryMarshal.GetReference(weights);
        Span<float> tail = stackalloc float[8];
        for (var i = 0; i < tokens; i++)
        {
            var features = buckets.Slice(i * F, F);
            if (Sse.IsSupported && i + 1 < tokens) Prefetch(buckets.Slice((i + 1) * F, F), ref w);
            var sum = Vector256<float>.Zero;
            foreach (var bucket in features)
            {
                if (bucket < lastFullRow)
                {
                    sum += Vector256.LoadUnsafe(ref Unsafe.Add(ref w, bucket * T));
                }
                else
                {
                    weights.Slice(bucket * T, T).CopyTo(tail);
                    sum += Vector256.Create<float>(tail);
                }
            }
            var e = emissions.Slice(i * T, T);
            e[0] = sum[0]; e[1] = sum[1]; e[2] = sum[2]; e[3] = sum[3]; e[4] = sum[4]; e[5] = sum[5]; e[6] = sum[6];
        }
    }

    private static unsafe void Prefetch(ReadOnlySpan<int> features, ref float weights)
    {
        foreach (var bucket in features) Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref weights, bucket * T)));
    }

    internal static void ScoreScalar(ReadOnlySpan<int> buckets, ReadOnlySpan<float> weights, Span<float> emissions)
    {
        var tokens = emissions.Length / T;
        for (var i = 0; i < tokens; i++)
        {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
            foreach (var bucket in buckets.Slice(i * FeatureExtractor.FeaturesPerToken, FeatureExtractor.FeaturesPerToken))
            {
                var row = weights.Slice(bucket * T, T);
                s0 += row[0]; s1 += row[1]; s2 += row[2]; s3 += row[3]; s4 += row[4]; s5 += row[5]; s6 += row[6];
            }
            var e = emissions.Slice(i * T, T);
            e[0] = s0; e[1] = s1; e[2] = s2; e[3] = s3; e[4] = s4; e[5] = s5; e[6] = s6;
        }
    }
}
