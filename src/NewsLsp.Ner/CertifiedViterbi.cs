using System.Runtime.Intrinsics;

namespace NewsLsp.Ner;

/// <summary>
/// Decodes exact emissions (integer sums of quantised weights, see <see cref="QuantisedWeights"/>) and proves that
/// the float reference, <see cref="LinearScorer"/> then <see cref="ViterbiDecoder"/> on the float weights q × scale,
/// picks the same tags. Why: exact sums may be added in any order, which the float reference's bit pattern does
/// not allow; the proof is what keeps the tags identical, and when it fails (a near tie) the caller runs the reference.
/// <para>
/// How: the decoding here rounds like the reference (float, the same operations) except that each emission is one
/// rounding of the exact sum instead of 66. So both are within ε_i of exact arithmetic at position i: each rounding
/// is at most u = 2^-24 of its magnitude, magnitudes are at most S_i = Σ_{j ≤ i} (largest emission_j + largest
/// transition), a maximum moves no more than its inputs, and errors accumulate along the sentence. Where a winner
/// here beats every rival by more than 4ε_i, the reference's winner is the same; checking the decisions the chosen
/// path rests on (the last tag and one predecessor per position) suffices.
/// </para>
/// </summary>
internal sealed class CertifiedViterbi
{
    private const int T = 7;
    private const int L = QuantisedWeights.Lanes;
    private const int BoundLane = 7;

    // Relative error of one float rounding, doubled: the slack covers second-order terms and the double arithmetic
    // of the bound itself.
    private const double Rounding = 2.0 / (1 << 24);

    // A float sum of 66 rounded weights is within (66 + 1) u Σ|w| of the exact sum (65 additions, 66 roundings of
    // q × s, second-order terms); 70 leaves a margin. The decoding here rounds each emission once, which is less.
    private const double EmissionRounding = 70.0 / (1 << 24);

    private readonly float _scale;
    // Row p: the transition scores from p (the start row last) to each tag, -infinity where not allowed; 8th lane
    // -infinity, so that lane never holds a finite score.
    private readonly Vector256<float>[] _rows = new Vector256<float>[T + 1];
    private readonly float[] _transitions;
    private readonly double _largestTransition;

    public CertifiedViterbi(float scale, float[] transitions)
    {
        _scale = scale;
        _transitions = transitions;
        ReadOnlySpan<bool> allowed = ViterbiDecoder.Allowed;
        Span<float> row = stackalloc float[L];
        for (var p = 0; p <= T; p++)
        {
            row.Fill(float.NegativeInfinity);
            for (var t = 0; t < T; t++)
            {
                if (allowed[p * T + t]) row[t] = transitions[p * T + t];
            }
            _rows[p] = Vector256.Create<float>(row);
        }
        foreach (var transition in transitions) _largestTransition = Math.Max(_largestTransition, Math.Abs(transition));
    }

    /// <summary>
    /// Fills <paramref name="tags"/> and returns true when the reference decoding provably gives the same tags;
    /// false (tags unspecified) when rounding could have changed a decision.
    /// </summary>
    /// <param name="sums">Per token <see cref="QuantisedWeights.Lanes"/> lanes: Σq per tag, then Σ max|q| of its rows.</param>
    public bool TryDecode(ReadOnlySpan<int> sums, Span<int> tags)
    {
        var n = tags.Length;
        if (n == 0) return true;
        Span<float> scores = n <= 256 ? stackalloc float[n * L] : new float[n * L];
        Span<double> bounds = n <= 256 ? stackalloc double[n] : new double[n];
        var scale = Vector256.Create(_scale);

        var row = Vector256.ConvertToSingle(Vector256.Create<int>(sums[..L])) * scale + _rows[ViterbiDecoder.StartRow];
        row.CopyTo(scores);
        var emissionError = EmissionErrorBound(_scale, sums[BoundLane]);
        var magnitude = (double)_scale * sums[BoundLane] + _largestTransition;
        bounds[0] = emissionError + Rounding * (magnitude + emissionError);

        for (var i = 1; i < n; i++)
        {
            var best = Vector256.Create(float.NegativeInfinity);
            var previous = (i - 1) * L;
            for (var p = 0; p < T; p++) best = Vector256.MaxNative(best, Vector256.Create(scores[previous + p]) + _rows[p]);
            var emissions = sums.Slice(i * L, L);
            row = best + Vector256.ConvertToSingle(Vector256.Create<int>(emissions)) * scale;
            row.CopyTo(scores[(i * L)..]);
            emissionError = EmissionErrorBound(_scale, emissions[BoundLane]);
            magnitude += (double)_scale * emissions[BoundLane] + _largestTransition;
            var carried = bounds[i - 1];
            bounds[i] = carried + emissionError + Rounding * (2 * magnitude + 2 * carried + emissionError);
        }

        var last = Winner(scores.Slice((n - 1) * L, T), 4 * bounds[n - 1]);
        if (last < 0) return false;
        tags[n - 1] = last;
        Span<float> candidates = stackalloc float[T];
        for (var i = n - 1; i > 0; i--)
        {
            var t = tags[i];
            for (var p = 0; p < T; p++) candidates[p] = scores[(i - 1) * L + p] + _rows[p][t];
            var predecessor = Winner(candidates, 4 * bounds[i]);
            if (predecessor < 0) return false;
            tags[i - 1] = predecessor;
        }
        return true;
    }

    /// <summary>
    /// How far a float emission of the reference (66 rounded weights summed in float) can be from the exact
    /// Σq × scale, given the token's bound lane (Σ max|q| of its rows).
    /// </summary>
    internal static double EmissionErrorBound(float scale, int boundLane) => EmissionRounding * scale * boundLane;

    // The index of the largest value when it beats every other finite value by more than margin, else -1.
    // (Values at -infinity are -infinity in the reference too: they come from forbidden transitions, not sums.)
    private static int Winner(ReadOnlySpan<float> values, double margin)
    {
        var best = 0;
        for (var t = 1; t < values.Length; t++)
        {
            if (values[t] > values[best]) best = t;
        }
        for (var t = 0; t < values.Length; t++)
        {
            if (t != best && float.IsFinite(values[t]) && (double)values[best] - values[t] <= margin) return -1;
        }
        return best;
    }
}
