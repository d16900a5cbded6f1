namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// The mutual best matches among one kind's number mentions: for each mention and each other source, the first
/// best-scoring mention there (the lowest position among equal scores); a pair matches when each is the other's choice.
/// Made from the scored pairs alone, in flat arrays: each mention's candidates are listed in ascending order, which is
/// by source, so a source's best is found in one pass over its run.
/// </summary>
internal static class MutualBestMatches
{
    /// <param name="sourceOf">Per mention (ascending positions), its source; sources ascend with positions.</param>
    /// <param name="pairs">Pairs of different sources that reach the minimum score, sorted by first then second mention.</param>
    /// <param name="join">Called for every mutual pair.</param>
    public static void Find(int[] sourceOf, List<(int First, int Second, double Score)> pairs, Action<int, int> join)
    {
        var count = sourceOf.Length;
        var start = new int[count + 1];
        foreach (var (first, second, _) in pairs)
        {
            start[first + 1]++;
            start[second + 1]++;
        }
        for (var m = 0; m < count; m++) start[m + 1] += start[m];
        var candidate = new int[start[count]];
        var score = new double[start[count]];
        var fill = start[..^1];
        // Pairs come sorted, so a mention's earlier partners are listed first, in order, then its later ones: ascending.
        foreach (var (first, second, pairScore) in pairs)
        {
            (candidate[fill[first]], score[fill[first]++]) = (second, pairScore);
            (candidate[fill[second]], score[fill[second]++]) = (first, pairScore);
        }

        // Per mention, its choice in each source it has candidates in, ascending by source.
        var bestStart = new int[count + 1];
        var bestSource = new int[candidate.Length];
        var best = new int[candidate.Length];
        var chosen = 0;
        for (var m = 0; m < count; m++)
        {
            bestStart[m] = chosen;
            for (var k = start[m]; k < start[m + 1];)
            {
                var source = sourceOf[candidate[k]];
                var (top, topScore) = (candidate[k], score[k]);
                for (k++; k < start[m + 1] && sourceOf[candidate[k]] == source; k++)
                    if (score[k] > topScore) (top, topScore) = (candidate[k], score[k]);
                (bestSource[chosen], best[chosen]) = (source, top);
                chosen++;
            }
        }
        bestStart[count] = chosen;

        for (var m = 0; m < count; m++)
        for (var k = bestStart[m]; k < bestStart[m + 1]; k++)
        {
            var other = best[k];
            if (other > m && ChoiceIn(bestSource, best, bestStart[other], bestStart[other + 1], sourceOf[m]) == m) join(m, other);
        }
    }

    private static int ChoiceIn(int[] bestSource, int[] best, int from, int to, int source)
    {
        var at = Array.BinarySearch(bestSource, from, to - from, source);
        return at >= 0 ? best[at] : -1;
    }
}
