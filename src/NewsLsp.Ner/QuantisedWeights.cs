using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NewsLsp.Ner;

/// <summary>
/// Feature weights as the model file stores them: each bucket's 7 tag weights as 16-bit integers q against one
/// scale s (a weight is the float q × s), and in an 8th lane the largest |q| of the row. Why: integer sums are exact,
/// so a token's emissions can be summed in any order (the memory pass adds 3 rows to the first pass's sums instead
/// of re-adding 66), and 16 bytes per bucket is half the float table, each bucket within one cache line.
/// The 8th lanes sum to a bound on every tag's Σ|q|, which <see cref="CertifiedViterbi"/> turns into a bound on
/// how far the float sums of <see cref="LinearScorer"/> can be from the exact ones.
/// </summary>
internal sealed class QuantisedWeights
{
    public const int Lanes = 8;
    private const int BoundLane = 7;
    private const int CacheLine = 64;

    // Pinned, so that the offset that aligns row 0 to a cache line stays valid.
    private readonly short[] _table;
    private readonly int _offset;

    public unsafe QuantisedWeights(int bucketBits, float scale)
    {
        BucketBits = bucketBits;
        Scale = scale;
        _table = GC.AllocateArray<short>((Lanes << bucketBits) + CacheLine / sizeof(short), pinned: true);
        var address = (long)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_table));
        _offset = (int)((CacheLine - address % CacheLine) % CacheLine) / sizeof(short);
    }

    public int BucketBits { get; }

    /// <summary>A weight is q × Scale, computed in float (exactly as the model file's loader always did).</summary>
    public float Scale { get; }

    public void SetRow(int bucket, ReadOnlySpan<short> tagWeights)
    {
        var row = Row(bucket);
        short largest = 0;
        for (var t = 0; t < NerTags.Count; t++)
        {
            // The writer quantises to ±32767; -32768 would have no |q| in 16 bits for the bound lane.
            if (tagWeights[t] == short.MinValue) throw new InvalidDataException("A quantised weight is out of range.");
            row[t] = tagWeights[t];
            largest = Math.Max(largest, Math.Abs(tagWeights[t]));
        }
        row[BoundLane] = largest;
    }

    /// <summary>q of one weight (bucket × tag), for tests and for writing the weights back out.</summary>
    public short Quantised(int bucket, int tag) => Row(bucket)[tag];

    /// <summary>
    /// Adds the rows of <paramref name="buckets"/> to <paramref name="sum"/> (lanes 0-6: Σq per tag; lane 7: Σ max|q|).
    /// </summary>
    public void Add(ReadOnlySpan<int> buckets, ref Vector256<int> sum)
    {
        ref var rows = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_table), _offset);
        foreach (var bucket in buckets) sum += Widen(Vector128.LoadUnsafe(ref Unsafe.Add(ref rows, bucket * Lanes)));
    }

    /// <summary>Asks the processor to start loading the rows of <paramref name="buckets"/> (the lookups are random).</summary>
    public unsafe void Prefetch(ReadOnlySpan<int> buckets)
    {
        if (!Sse.IsSupported) return;
        ref var rows = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_table), _offset);
        foreach (var bucket in buckets) Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref rows, bucket * Lanes)));
    }

    /// <summary>
    /// Float emissions bit-identical to <see cref="LinearScorer.Score"/> over the float weights q × Scale: each tag
    /// summed in feature order. The reference that <see cref="CertifiedViterbi"/> falls back to.
    /// </summary>
    public void ScoreFloat(ReadOnlySpan<int> buckets, Span<float> emissions)
    {
        var tokens = emissions.Length / NerTags.Count;
        for (var i = 0; i < tokens; i++)
        {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
            foreach (var bucket in buckets.Slice(i * FeatureExtractor.FeaturesPerToken, FeatureExtractor.FeaturesPerToken))
            {
                var row = Row(bucket);
                s0 += row[0] * Scale; s1 += row[1] * Scale; s2 += row[2] * Scale; s3 += row[3] * Scale;
                s4 += row[4] * Scale; s5 += row[5] * Scale; s6 += row[6] * Scale;
            }
            var e = emissions.Slice(i * NerTags.Count, NerTags.Count);
            e[0] = s0; e[1] = s1; e[2] = s2; e[3] = s3; e[4] = s4; e[5] = s5; e[6] = s6;
        }
    }

    /// <summary>The float weights (buckets × 7) these stand for, as the model file's loader used to build them.</summary>
    public float[] ToFloats()
    {
        var weights = new float[NerTags.Count << BucketBits];
        for (var bucket = 0; bucket < 1 << BucketBits; bucket++)
        {
            var row = Row(bucket);
            for (var t = 0; t < NerTags.Count; t++) weights[bucket * NerTags.Count + t] = row[t] * Scale;
        }
        return weights;
    }

    private Span<short> Row(int bucket) => _table.AsSpan(_offset + bucket * Lanes, Lanes);

    private static Vector256<int> Widen(Vector128<short> row) =>
        Avx2.IsSupported ? Avx2.ConvertToVector256Int32(row) : Vector256.Create(Vector128.WidenLower(row), Vector128.WidenUpper(row));
}
