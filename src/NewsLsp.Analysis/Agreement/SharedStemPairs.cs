namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// The pairs of quote units that can render the same statement: those sharing a content stem
/// (<see cref="QuoteAlignment.SameStatement"/> needs one). A large event has millions of unit pairs and most share
/// nothing; going through each unit's stems finds the others without testing every pair.
/// </summary>
internal static class SharedStemPairs
{
    /// <summary>Each content stem of <paramref name="units"/> with the ascending positions of the units holding it.</summary>
    public static Dictionary<string, List<int>> IndexByStem(IReadOnlyList<QuoteUnit> units)
    {
        var withStem = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var u = 0; u < units.Count; u++)
        foreach (var stem in units[u].Stems)
        {
            if (!withStem.TryGetValue(stem, out var positions)) withStem[stem] = positions = [];
            positions.Add(u);
        }
        return withStem;
    }

    /// <summary>Calls <paramref name="visit"/> for each pair x &lt; y sharing a stem, once, in ascending (x, y) order.</summary>
    public static void ForEach(List<QuoteUnit> units, Action<int, int> visit)
    {
        var withStem = IndexByStem(units);
        var seenBy = new int[units.Count]; // the x + 1 that last collected a unit: each pair once
        var later = new List<int>();
        for (var x = 0; x < units.Count; x++)
        {
            later.Clear();
            foreach (var stem in units[x].Stems)
            {
                var positions = withStem[stem];
                var from = positions.BinarySearch(x) + 1; // x holds its own stems
                for (var k = from; k < positions.Count; k++)
                {
                    var y = positions[k];
                    if (seenBy[y] == x + 1) continue;
                    seenBy[y] = x + 1;
                    later.Add(y);
                }
            }
            later.Sort();
            foreach (var y in later) visit(x, y);
        }
    }
}
