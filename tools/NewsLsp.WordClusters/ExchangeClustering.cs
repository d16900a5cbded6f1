namespace NewsLsp.WordClusters;

/// <summary>
/// The exchange algorithm for class-bigram clustering (Kneser and Ney 1993; Martin, Liermann and Ney 1998): every
/// unit in turn moves to the class that most raises the likelihood of a class-bigram model of the text, until few
/// units move. It optimises the same objective as Brown clustering at a fraction of its cost (each move looks only
/// at the classes the unit's neighbours belong to), which is what lets it run on every build machine in seconds.
/// Deterministic: fixed initialisation (frequency rank modulo the class count), fixed visiting order, no randomness.
/// </summary>
internal static class ExchangeClustering
{
    /// <summary>
    /// Class of every unit: 0..<paramref name="classes"/>-1 for movable units, <paramref name="classes"/> + i for the
    /// i-th fixed unit.
    /// </summary>
    public static int[] Cluster(BigramCounts counts, int classes, int maxIterations, Action<string>? log = null)
    {
        var k = classes + counts.FixedCount;
        var classOf = new int[counts.UnitCount];
        var order = Enumerable.Range(0, counts.Movable).OrderByDescending(u => counts.Unigram[u]).ThenBy(u => u).ToArray();
        for (var rank = 0; rank < order.Length; rank++) classOf[order[rank]] = rank % classes;
        for (var f = 0; f < counts.FixedCount; f++) classOf[counts.Movable + f] = classes + f;

        // x ln x for every count that can occur (no count exceeds the number of tokens).
        var total = counts.Total;
        var xLogX = new double[total + 2];
        for (var x = 2; x < xLogX.Length; x++) xLogX[x] = x * Math.Log(x);

        var pair = new long[k * k];
        var unigram = new long[k];
        for (var u = 0; u < counts.UnitCount; u++)
        {
            unigram[classOf[u]] += counts.Unigram[u];
            foreach (var (v, count) in counts.Right[u]) pair[classOf[u] * k + classOf[v]] += count;
        }

        var right = new long[k];
        var left = new long[k];
        var rightClasses = new List<int>();
        var leftClasses = new List<int>();
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            var moved = 0;
            foreach (var u in order)
            {
                var n = counts.Unigram[u];
                if (n == 0) continue;
                // Counts from u to each class of its right neighbours and from each class of its left neighbours, u itself apart.
                long self = 0;
                rightClasses.Clear();
                leftClasses.Clear();
                foreach (var (v, count) in counts.Right[u])
                {
                    if (v == u) { self = count; continue; }
                    var c = classOf[v];
                    if (right[c] == 0) rightClasses.Add(c);
                    right[c] += count;
                }
                foreach (var (v, count) in counts.Left[u])
                {
                    if (v == u) continue;
                    var c = classOf[v];
                    if (left[c] == 0) leftClasses.Add(c);
                    left[c] += count;
                }

                var from = classOf[u];
                Move(from, -1);

                var best = from;
                var bestGain = Gain(from);
                for (var c = 0; c < classes; c++)
                {
                    if (c == from) continue;
                    var gain = Gain(c);
                    if (gain > bestGain + 1e-9)
                    {
                        best = c;
                        bestGain = gain;
                    }
                }
                Move(best, +1);
                classOf[u] = best;
                if (best != from) moved++;

                foreach (var c in rightClasses) right[c] = 0;
                foreach (var c in leftClasses) left[c] = 0;

                void Move(int c, int sign)
                {
                    foreach (var d in rightClasses) pair[c * k + d] += sign * right[d];
                    foreach (var d in leftClasses) pair[d * k + c] += sign * left[d];
                    pair[c * k + c] += sign * self;
                    unigram[c] += sign * n;
                }

                // Change of the objective sum(N(c,d) ln N(c,d)) - 2 sum(N(c) ln N(c)) when u joins class c.
                double Gain(int c)
                {
                    double gain = 0;
                    foreach (var d in rightClasses)
                    {
                        if (d == c) continue;
                        var before = pair[c * k + d];
                        gain += xLogX[before + right[d]] - xLogX[before];
                    }
                    foreach (var d in leftClasses)
                    {
                        if (d == c) continue;
                        var before = pair[d * k + c];
                        gain += xLogX[before + left[d]] - xLogX[before];
                    }
                    var within = pair[c * k + c];
                    gain += xLogX[within + right[c] + left[c] + self] - xLogX[within];
                    gain -= 2 * (xLogX[unigram[c] + n] - xLogX[unigram[c]]);
                    return gain;
                }
            }
            log?.Invoke($"  {classes} classes, iteration {iteration}: {moved} of {order.Length} units moved, objective {Objective(pair, unigram, xLogX):F0}");
            if (moved <= order.Length / 1000) break;
        }
        return classOf;
    }

    private static double Objective(long[] pair, long[] unigram, double[] xLogX)
    {
        double value = 0;
        foreach (var count in pair) value += xLogX[count];
        foreach (var count in unigram) value -= 2 * xLogX[count];
        return value;
    }
}
