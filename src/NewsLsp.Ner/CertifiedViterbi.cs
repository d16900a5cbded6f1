namespace NewsLsp.Ner;

/// <summary>
/// Decodes exact emissions (integer sums of quantised weights, see <see cref="QuantisedWeights"/>) and proves that
/// the float reference, <see cref="LinearScorer"/> then <see cref="ViterbiDecoder"/> on the float weights, picks the
/// same tags. Why: exact sums may be added in any order, which the float reference's bit pattern does not allow;
/// the proof is what keeps the tags identical, and when it fails (a near tie) the caller runs the reference.
/// <para>
/// How: every float the reference computes is within a bound ε_i of the exact value at position i (rounding of
/// each weight and of each addition, at most u = 2^-24 of its magnitude, accumulated along the sentence; the
/// maximum over predecessors moves by no more than its inputs). The reference takes the same decision as exact
/// arithmetic wherever the winner beats every rival by more than 2ε_i, so checking the decisions the chosen path
/// rests on (the last tag and one predecessor per position) suffices.
/// </para>
/// </summary>
internal static class CertifiedViterbi
{
    private const int T = 7;
    private const int L = QuantisedWeights.Lanes;
    private const int BoundLane = 7;

    // Relative error of one float rounding, doubled: the slack also covers the double roundings made here (2^-29 of it).
    private const double Rounding = 2.0 / (1 << 24);

    // A float sum of 66 rounded weights is within (66 + 1) u Σ|w| of the exact sum (65 additions, 66 roundings of
    // q × s, second-order terms); 70 leaves a margin.
    private const double EmissionRounding = 70.0 / (1 << 24);

    /// <summary>
    /// Fills <paramref name="tags"/> and returns true when the reference decoding provably gives the same tags;
    /// false (tags unspecified) when rounding could have changed a decision.
    /// </summary>
    /// <param name="sums">Per token <see cref="QuantisedWeights.Lanes"/> lanes: Σq per tag, then Σ max|q| of its rows.</param>
    public static bool TryDecode(ReadOnlySpan<int> sums, float scale, ReadOnlySpan<float> transitions, Span<int> tags)
    {
        var n = tags.Length;
        if (n == 0) return true;
        Span<double> scores = n <= 256 ? stackalloc double[n * T] : new double[n * T];
        Span<double> bounds = n <= 256 ? stackalloc double[n] : new double[n];
        ReadOnlySpan<bool> allowed = ViterbiDecoder.Allowed;
        double largestTransition = 0;
        foreach (var transition in transitions) largestTransition = Math.Max(largestTransition, Math.Abs(transition));

        double magnitude = 0;
        for (var t = 0; t < T; t++)
        {
            var start = ViterbiDecoder.TransitionIndex(-1, t);
            var score = allowed[start] ? (double)scale * sums[t] + transitions[start] : double.NegativeInfinity;
            scores[t] = score;
            if (double.IsFinite(score)) magnitude = Math.Max(magnitude, Math.Abs(score));
        }
        var emissionError = EmissionRounding * scale * sums[BoundLane];
        bounds[0] = emissionError + Rounding * (magnitude + emissionError);

        for (var i = 1; i < n; i++)
        {
            var previousMagnitude = magnitude;
            magnitude = 0;
            var previous = scores.Slice((i - 1) * T, T);
            var current = scores.Slice(i * T, T);
            var emissions = sums.Slice(i * L, L);
            for (var t = 0; t < T; t++)
            {
                var best = double.NegativeInfinity;
                for (var p = 0; p < T; p++)
                {
                    if (allowed[p * T + t]) best = Math.Max(best, previous[p] + transitions[p * T + t]);
                }
                var score = best + (double)scale * emissions[t];
                current[t] = score;
                if (double.IsFinite(score)) magnitude = Math.Max(magnitude, Math.Abs(score));
            }
            emissionError = EmissionRounding * scale * emissions[BoundLane];
            var carried = bounds[i - 1];
            bounds[i] = carried + emissionError
                        + Rounding * (previousMagnitude + largestTransition + magnitude + 2 * carried + emissionError);
        }

        var last = Winner(scores.Slice((n - 1) * T, T), 2 * bounds[n - 1]);
        if (last < 0) return false;
        tags[n - 1] = last;
        Span<double> candidates = stackalloc double[T];
        for (var i = n - 1; i > 0; i--)
        {
            var t = tags[i];
            for (var p = 0; p < T; p++)
            {
                candidates[p] = allowed[p * T + t] ? scores[(i - 1) * T + p] + transitions[p * T + t] : double.NegativeInfinity;
            }
            var predecessor = Winner(candidates, 2 * bounds[i]);
            if (predecessor < 0) return false;
            tags[i - 1] = predecessor;
        }
        return true;
    }

    // The index of the largest value when it beats every other finite value by more than margin, else -1.
    // (Values at -infinity are -infinity in the reference too: they come from forbidden transitions, not sums.)
    private static int Winner(ReadOnlySpan<double> values, double margin)
    {
        var best = 0;
        for (var t = 1; t < values.Length; t++)
        {
            if (values[t] > values[best]) best = t;
        }
        for (var t = 0; t < values.Length; t++)
        {
            if (t != best && double.IsFinite(values[t]) && values[best] - values[t] <= margin) return -1;
        }
        return best;
    }
}
