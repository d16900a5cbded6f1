namespace NewsLsp.Ner;

/// <summary>
/// Exact first-order decoding over the 7 BIO tags. Why Viterbi rather than greedy: with only 7 tags it costs
/// 49 additions per token, and forbidding I- after a different type guarantees well-formed BIO output.
/// </summary>
internal static class ViterbiDecoder
{
    /// <summary>Row index of the sentence-start state in the transition matrix ((Count + 1) × Count).</summary>
    public const int StartRow = 7;

    public static int TransitionIndex(int previous, int next) => (previous < 0 ? StartRow : previous) * NerTags.Count + next;

    /// <summary>
    /// NerTags.IsAllowed for every (previous, next), laid out like the transition matrix (start row last). Why a table:
    /// the inner loop asks 49 times per token, and the rule costs a division and a modulo each time.
    /// </summary>
    internal static ReadOnlySpan<bool> Allowed => AllowedTable;

    private static readonly bool[] AllowedTable = BuildAllowed();

    private static bool[] BuildAllowed()
    {
        var allowed = new bool[(NerTags.Count + 1) * NerTags.Count];
        for (var previous = -1; previous < NerTags.Count; previous++)
        {
            for (var next = 0; next < NerTags.Count; next++) allowed[TransitionIndex(previous, next)] = NerTags.IsAllowed(previous, next);
        }
        return allowed;
    }

    /// <summary>Best tag sequence for emission scores (tokens × tags) and transition scores.</summary>
    public static void Decode(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, Span<int> tags)
    {
        const int T = 7;
        var n = tags.Length;
        if (n == 0) return;
        Span<float> previousScores = stackalloc float[T];
        Span<float> scores = stackalloc float[T];
        Span<byte> backPointers = n * T <= 4096 ? stackalloc byte[n * T] : new byte[n * T];
        ReadOnlySpan<bool> allowed = Allowed;

        for (var t = 0; t < T; t++)
        {
            previousScores[t] = allowed[TransitionIndex(-1, t)]
                ? emissions[t] + transitions[TransitionIndex(-1, t)]
                : float.NegativeInfinity;
        }

        for (var i = 1; i < n; i++)
        {
            for (var t = 0; t < T; t++)
            {
                var best = float.NegativeInfinity;
                var bestPrevious = 0;
                for (var p = 0; p < T; p++)
                {
                    if (!allowed[p * T + t]) continue;
                    var score = previousScores[p] + transitions[p * T + t];
                    if (score > best)
                    {
                        best = score;
                        bestPrevious = p;
                    }
                }
                scores[t] = best + emissions[i * T + t];
                backPointers[i * T + t] = (byte)bestPrevious;
            }
            scores.CopyTo(previousScores);
        }

        var last = 0;
        for (var t = 1; t < T; t++)
        {
            if (previousScores[t] > previousScores[last]) last = t;
        }
        tags[n - 1] = last;
        for (var i = n - 1; i > 0; i--) tags[i - 1] = backPointers[i * T + tags[i]];
    }
}
