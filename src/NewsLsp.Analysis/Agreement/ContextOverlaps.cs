namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// The pairs of one kind's number mentions whose contexts share a stem, and how many stems each pair shares, found
/// through an index from each stem to the mentions whose context holds it. Why: a pair that shares no stem has a
/// Jaccard of 0, so it scores at most the agreement bonus (below <see cref="NumberAlignment.MinimumScore"/>) and is no
/// repeat either; only the pairs found here can match, and a pair's shared count is what merging the two contexts
/// counts (contexts are distinct stems), so the scores are the same numbers.
/// </summary>
internal sealed class ContextOverlaps
{
    private readonly int[][] _stemsOf; // per mention: its context stems as local ids
    private readonly int[] _start; // per stem: where its mentions start in _mentions (one more entry: the end)
    private readonly int[] _mentions; // per stem, the mentions holding it, ascending
    private readonly int[] _passed; // per stem: how many of its mentions were already visited
    private readonly int[] _shared; // per mention: stems shared with the one visited (zero between visits)
    private int _visited = -1;

    public ContextOverlaps(IReadOnlyList<NumberMention> numbers)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        _stemsOf = new int[numbers.Count][];
        for (var m = 0; m < numbers.Count; m++)
        {
            var context = numbers[m].Context.Items;
            var stems = _stemsOf[m] = new int[context.Length];
            for (var k = 0; k < context.Length; k++)
            {
                if (!ids.TryGetValue(context[k], out var id))
                {
                    ids.Add(context[k], id = ids.Count);
                    counts.Add(0);
                }
                stems[k] = id;
                counts[id]++;
            }
        }
        _start = new int[counts.Count + 1];
        for (var s = 0; s < counts.Count; s++) _start[s + 1] = _start[s] + counts[s];
        _mentions = new int[_start[^1]];
        var fill = new int[counts.Count];
        for (var m = 0; m < numbers.Count; m++)
            foreach (var s in _stemsOf[m]) _mentions[_start[s] + fill[s]++] = m;
        _passed = new int[counts.Count];
        _shared = new int[numbers.Count];
    }

    /// <summary>
    /// Fills <paramref name="later"/> with the mentions after <paramref name="mention"/> that share a stem with it,
    /// ascending, each with the number of stems shared. Mentions are visited once each, in ascending order: each stem's
    /// list is then passed up to the visited mention, and what follows it there comes later.
    /// </summary>
    public void Later(int mention, List<(int Mention, int Shared)> later)
    {
        if (mention != _visited + 1) throw new InvalidOperationException("mentions are visited once each, in ascending order");
        _visited = mention;
        later.Clear();
        foreach (var s in _stemsOf[mention])
        {
            // The stem's mentions before this one were passed on their visits; this one is next.
            var from = _start[s] + ++_passed[s];
            for (var k = from; k < _start[s + 1]; k++)
            {
                var other = _mentions[k];
                if (_shared[other]++ == 0) later.Add((other, 0));
            }
        }
        for (var k = 0; k < later.Count; k++)
        {
            var other = later[k].Mention;
            later[k] = (other, _shared[other]);
            _shared[other] = 0;
        }
        later.Sort(static (a, b) => a.Mention.CompareTo(b.Mention));
    }
}
