using System.Buffers;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// Word-level comparison of two renderings: the longest common subsequence of their normalised words, restricted to
/// the window where they overlap (so a fragment quoted from a longer statement is compared with its counterpart only).
/// </summary>
public static class WordDiff
{
    public sealed record Alignment(IReadOnlyList<int> LeftMatched, IReadOnlyList<int> RightMatched, int LeftFrom, int LeftTo, int RightFrom, int RightTo)
    {
        public bool IsEmpty => LeftMatched.Count == 0;
    }

    public static Alignment Align(IReadOnlyList<QuoteWord> left, IReadOnlyList<QuoteWord> right)
    {
        var n = left.Count;
        var m = right.Count;
        // The table is rented: an unclosed quote makes sentences of hundreds of words, and a fresh table per pair of
        // them was a large-object allocation that only a full collection frees (hundreds of MB in large events).
        var width = m + 1;
        var size = checked((n + 1) * width);
        var table = ArrayPool<int>.Shared.Rent(size);
        var pairs = new List<(int L, int R)>(Math.Min(n, m));
        try
        {
            // Every cell but the last row and column is written before it is read: clearing those is enough (and
            // clearing the whole table was a tenth of a cold build).
            table.AsSpan(n * width, width).Clear();
            for (var i = 0; i < n; i++) table[i * width + m] = 0;
            for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                table[i * width + j] = left[i].Normalized == right[j].Normalized
                    ? table[(i + 1) * width + j + 1] + 1
                    : Math.Max(table[(i + 1) * width + j], table[i * width + j + 1]);
            for (int i = 0, j = 0; i < n && j < m;)
            {
                if (left[i].Normalized == right[j].Normalized) { pairs.Add((i, j)); i++; j++; }
                else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) i++;
                else j++;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(table);
        }
        // Stray function-word matches far from the others do not widen the window.
        while (pairs.Count > 1 && !left[pairs[0].L].IsContent && Gap(pairs[0], pairs[1]) > 2) pairs.RemoveAt(0);
        while (pairs.Count > 1 && !left[pairs[^1].L].IsContent && Gap(pairs[^2], pairs[^1]) > 2) pairs.RemoveAt(pairs.Count - 1);
        if (pairs.Count == 0) return new Alignment([], [], 0, -1, 0, -1);
        // A word replaced at either edge ("fruttuosa"/"fruttuoso" closing both quotes) is a difference, not an edge.
        int leftFrom = pairs[0].L, rightFrom = pairs[0].R, leftTo = pairs[^1].L, rightTo = pairs[^1].R;
        if (leftFrom > 0 && rightFrom > 0) { leftFrom--; rightFrom--; }
        if (leftTo + 1 < n && rightTo + 1 < m) { leftTo++; rightTo++; }
        return new Alignment(pairs.Select(p => p.L).ToList(), pairs.Select(p => p.R).ToList(), leftFrom, leftTo, rightFrom, rightTo);
    }

    private static int Gap((int L, int R) a, (int L, int R) b) => Math.Max(b.L - a.L, b.R - a.R);
}
