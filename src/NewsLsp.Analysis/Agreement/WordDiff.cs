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

    // Spans, not lists: a large event aligns millions of word pairs, and an interface call copying each word out of a
    // boxed array was most of what a pair of renderings quoted alike cost.
    public static Alignment Align(ReadOnlySpan<QuoteWord> left, ReadOnlySpan<QuoteWord> right)
    {
        var n = left.Length;
        var m = right.Length;
        var pairs = new List<(int L, int R)>(Math.Min(n, m));
        // The walk below takes equal words in front as they come, so a common beginning is matched word by word and
        // only the rest needs a table (sources mostly quote alike: often nothing is left). The table of the rest is
        // that part of the whole table, so the pairs are the same.
        var common = 0;
        while (common < n && common < m && left[common].Normalized == right[common].Normalized)
        {
            pairs.Add((common, common));
            common++;
        }
        if (common < n && common < m) AlignRest(left, right, common, pairs);
        // Stray function-word matches far from the others do not widen the window.
        while (pairs.Count > 1 && !left[pairs[0].L].IsContent && Gap(pairs[0], pairs[1]) > 2) pairs.RemoveAt(0);
        while (pairs.Count > 1 && !left[pairs[^1].L].IsContent && Gap(pairs[^2], pairs[^1]) > 2) pairs.RemoveAt(pairs.Count - 1);
        if (pairs.Count == 0) return new Alignment([], [], 0, -1, 0, -1);
        // A word replaced at either edge ("fruttuosa"/"fruttuoso" closing both quotes) is a difference, not an edge.
        int leftFrom = pairs[0].L, rightFrom = pairs[0].R, leftTo = pairs[^1].L, rightTo = pairs[^1].R;
        if (leftFrom > 0 && rightFrom > 0) { leftFrom--; rightFrom--; }
        if (leftTo + 1 < n && rightTo + 1 < m) { leftTo++; rightTo++; }
        var leftMatched = new int[pairs.Count];
        var rightMatched = new int[pairs.Count];
        for (var k = 0; k < pairs.Count; k++) (leftMatched[k], rightMatched[k]) = pairs[k];
        return new Alignment(leftMatched, rightMatched, leftFrom, leftTo, rightFrom, rightTo);
    }

    // The longest common subsequence of left[from..] and right[from..], walked from the front, its pairs added.
    private static void AlignRest(ReadOnlySpan<QuoteWord> left, ReadOnlySpan<QuoteWord> right, int from, List<(int L, int R)> pairs)
    {
        var n = left.Length;
        var m = right.Length;
        // The table is rented: an unclosed quote makes sentences of hundreds of words, and a fresh table per pair of
        // them was a large-object allocation that only a full collection frees (hundreds of MB in large events).
        // Row i - from, column j - from hold the subsequence length of left[i..] and right[j..].
        var rows = n - from;
        var width = m - from + 1;
        var size = checked((rows + 1) * width);
        var table = ArrayPool<int>.Shared.Rent(size);
        try
        {
            // Every cell but the last row and column is written before it is read: clearing those is enough (and
            // clearing the whole table was a tenth of a cold build).
            table.AsSpan(rows * width, width).Clear();
            for (var r = 0; r < rows; r++) table[r * width + width - 1] = 0;
            for (var i = n - 1; i >= from; i--)
            {
                var row = (i - from) * width;
                for (var j = m - 1; j >= from; j--)
                {
                    var cell = row + j - from;
                    table[cell] = left[i].Normalized == right[j].Normalized
                        ? table[cell + width + 1] + 1
                        : Math.Max(table[cell + width], table[cell + 1]);
                }
            }
            for (int i = from, j = from; i < n && j < m;)
            {
                var cell = (i - from) * width + j - from;
                if (left[i].Normalized == right[j].Normalized) { pairs.Add((i, j)); i++; j++; }
                else if (table[cell + width] >= table[cell + 1]) i++;
                else j++;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(table);
        }
    }

    private static int Gap((int L, int R) a, (int L, int R) b) => Math.Max(b.L - a.L, b.R - a.R);
}
