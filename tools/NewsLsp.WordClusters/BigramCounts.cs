namespace NewsLsp.WordClusters;

/// <summary>
/// Unigram and bigram counts over units: words, or the classes of a finer clustering. Units 0..Movable-1 are
/// clustered; the last <see cref="FixedCount"/> units (sentence boundary, rare words) keep classes of their own.
/// </summary>
internal sealed class BigramCounts
{
    public BigramCounts(long[] unigram, Dictionary<(int Left, int Right), long> bigrams, int fixedCount)
    {
        Unigram = unigram;
        FixedCount = fixedCount;
        var right = new List<(int, long)>[unigram.Length];
        var left = new List<(int, long)>[unigram.Length];
        for (var u = 0; u < unigram.Length; u++)
        {
            right[u] = [];
            left[u] = [];
        }
        // Sorted so that the lists, and with them every floating-point sum, come out the same on every run.
        foreach (var ((a, b), count) in bigrams.OrderBy(e => e.Key.Left).ThenBy(e => e.Key.Right))
        {
            if (count == 0) continue;
            right[a].Add((b, count));
            left[b].Add((a, count));
        }
        Right = right.Select(l => l.ToArray()).ToArray();
        Left = left.Select(l => l.ToArray()).ToArray();
    }

    public long[] Unigram { get; }

    /// <summary>For each unit, the units that follow it and how often.</summary>
    public (int Unit, long Count)[][] Right { get; }

    /// <summary>For each unit, the units that precede it and how often.</summary>
    public (int Unit, long Count)[][] Left { get; }

    public int FixedCount { get; }

    public int UnitCount => Unigram.Length;

    public int Movable => Unigram.Length - FixedCount;

    public long Total => Unigram.Sum();

    /// <summary>The counts between classes of <paramref name="classOf"/> (fixed units stay units of their own, last).</summary>
    public BigramCounts Coarsen(int[] classOf, int classes)
    {
        var unigram = new long[classes + FixedCount];
        for (var u = 0; u < UnitCount; u++) unigram[classOf[u]] += Unigram[u];
        var bigrams = new Dictionary<(int, int), long>();
        for (var u = 0; u < UnitCount; u++)
        {
            foreach (var (v, count) in Right[u])
            {
                var key = (classOf[u], classOf[v]);
                bigrams[key] = bigrams.GetValueOrDefault(key) + count;
            }
        }
        return new BigramCounts(unigram, bigrams, FixedCount);
    }
}
