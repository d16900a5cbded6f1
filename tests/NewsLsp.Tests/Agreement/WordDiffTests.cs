using NewsLsp.Analysis.Agreement;
using Xunit;

namespace NewsLsp.Tests.Agreement;

/// <summary>
/// <see cref="WordDiff.Align"/> equals the plain longest-common-subsequence walk over the whole table, on random
/// renderings drawn from a few words (ties everywhere) that often begin alike, as sources quoting one statement do.
/// </summary>
public class WordDiffTests
{
    private static readonly string[] Vocabulary = ["la", "pace", "non", "è", "guerra", "di", "popolo", "e"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Alignment_equals_the_whole_table_walk(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 3000; round++)
        {
            var left = Words(random, random.Next(0, 14));
            var right = random.Next(3) switch
            {
                0 => Words(random, random.Next(0, 14)),
                1 => [.. left],                                                  // quoted alike
                _ => [.. left.Take(random.Next(left.Count + 1)), .. Words(random, random.Next(0, 6))], // alike, then apart
            };
            Assert.Equal(Describe(Reference(left, right)), Describe(WordDiff.Align(left.ToArray(), right.ToArray())));
        }
    }

    private static List<QuoteWord> Words(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Vocabulary[random.Next(Vocabulary.Length)]).Select((w, i) => new QuoteWord(i * 6, w.Length, w, w, w.Length > 3, 0))];

    private static string Describe(WordDiff.Alignment a) =>
        $"{string.Join(",", a.LeftMatched)} | {string.Join(",", a.RightMatched)} | {a.LeftFrom}-{a.LeftTo} {a.RightFrom}-{a.RightTo}";

    // The whole (n + 1) × (m + 1) table, walked from the front; then the same edge rules as the aligner.
    private static WordDiff.Alignment Reference(List<QuoteWord> left, List<QuoteWord> right)
    {
        int n = left.Count, m = right.Count;
        var table = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        for (var j = m - 1; j >= 0; j--)
            table[i, j] = left[i].Normalized == right[j].Normalized ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
        var pairs = new List<(int L, int R)>();
        for (int i = 0, j = 0; i < n && j < m;)
        {
            if (left[i].Normalized == right[j].Normalized) { pairs.Add((i, j)); i++; j++; }
            else if (table[i + 1, j] >= table[i, j + 1]) i++;
            else j++;
        }
        static int Gap((int L, int R) a, (int L, int R) b) => Math.Max(b.L - a.L, b.R - a.R);
        while (pairs.Count > 1 && !left[pairs[0].L].IsContent && Gap(pairs[0], pairs[1]) > 2) pairs.RemoveAt(0);
        while (pairs.Count > 1 && !left[pairs[^1].L].IsContent && Gap(pairs[^2], pairs[^1]) > 2) pairs.RemoveAt(pairs.Count - 1);
        if (pairs.Count == 0) return new WordDiff.Alignment([], [], 0, -1, 0, -1);
        int leftFrom = pairs[0].L, rightFrom = pairs[0].R, leftTo = pairs[^1].L, rightTo = pairs[^1].R;
        if (leftFrom > 0 && rightFrom > 0) { leftFrom--; rightFrom--; }
        if (leftTo + 1 < n && rightTo + 1 < m) { leftTo++; rightTo++; }
        return new WordDiff.Alignment([.. pairs.Select(p => p.L)], [.. pairs.Select(p => p.R)], leftFrom, leftTo, rightFrom, rightTo);
    }
}
