using NewsLsp.Analysis.Agreement;
using Xunit;

namespace NewsLsp.Tests.Agreement;

/// <summary>
/// <see cref="SharedStemPairs"/> visits exactly the unit pairs that share a content stem — the only pairs
/// <see cref="QuoteAlignment.SameStatement"/> can accept — each once, in the order of the all-pairs loop it replaces.
/// </summary>
public class SharedStemPairsTests
{
    [Theory]
    [InlineData(1, 40, 6)]
    [InlineData(2, 200, 30)]
    [InlineData(3, 120, 3)]
    public void Visits_the_pairs_sharing_a_stem_in_ascending_order(int seed, int count, int stems)
    {
        var random = new Random(seed);
        var units = Enumerable.Range(0, count).Select(i => new QuoteUnit(i, 0, 0, 0, [],
            Enumerable.Range(0, random.Next(0, 5)).Select(_ => $"s{random.Next(stems)}").ToHashSet(StringComparer.Ordinal), true)).ToList();
        var expected = new List<(int, int)>();
        for (var x = 0; x < units.Count; x++)
        for (var y = x + 1; y < units.Count; y++)
            if (units[x].Stems.Overlaps(units[y].Stems)) expected.Add((x, y));
        var visited = new List<(int, int)>();
        SharedStemPairs.ForEach(units, (x, y) => visited.Add((x, y)));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, visited);
    }
}
