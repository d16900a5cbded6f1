namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// Group centroids that recent <see cref="AverageLinkage"/> updates summed, by group name and size, each with the
/// articles it sums and their vectors as they were. Keystrokes in an event free the same groups again and again
/// (and a few events edited in turn each do), so a group whose articles and vectors are the same takes the centroid
/// from here instead of summing its members again. An entry unused for <see cref="KeptRuns"/> updates is dropped.
/// </summary>
/// <remarks>
/// One table serves every update that descends from the same term ids: an entry is taken only when its articles and
/// their vectors are the group's now, so what another snapshot's update added is as right as this one's, and a
/// clustering never depends on what the table holds (only its speed does). Copying the table for each update, so that
/// each snapshot had its own, was a tenth of what a re-clustering keystroke allocated. Updates of different snapshots
/// may run at once: the table is locked.
/// </remarks>
internal sealed class RunCentroids
{
    /// <summary>Updates an entry outlives unused: several documents edited in turn each keep their event's groups.</summary>
    public const int KeptRuns = 16;

    private readonly record struct Entry(GroupCentroid Centroid, int[] Members, object[] Vectors, int LastRun);

    private readonly Dictionary<long, Entry> _byGroup = [];
    private readonly int _idEpoch;
    private int _run;

    private RunCentroids(int idEpoch) => _idEpoch = idEpoch;

    /// <summary>What the next update uses: the recent table (a new one when term ids were renumbered since).</summary>
    public static RunCentroids ForNextRun(RunCentroids? previous, SignatureVectors vectors)
    {
        if (previous is null || previous._idEpoch != vectors.IdEpoch) return new RunCentroids(vectors.IdEpoch);
        previous.StartRun();
        return previous;
    }

    private void StartRun()
    {
        lock (_byGroup)
        {
            _run++;
            // Swept every KeptRuns runs, not at each: an entry is dropped after KeptRuns to twice as many runs unused.
            if (_run % KeptRuns != 0) return;
            foreach (var (key, entry) in _byGroup)
                if (_run - entry.LastRun >= KeptRuns) _byGroup.Remove(key);
        }
    }

    /// <summary>The centroid of <paramref name="members"/> (group <paramref name="group"/>'s, in list order) when one was kept for them with these vectors.</summary>
    public GroupCentroid? Find(int group, List<int> members, SignatureVectors vectors)
    {
        var key = Key(group, members.Count);
        lock (_byGroup)
        {
            if (!_byGroup.TryGetValue(key, out var entry)) return null;
            for (var k = 0; k < members.Count; k++)
            {
                if (entry.Members[k] != members[k] || !ReferenceEquals(entry.Vectors[k], vectors.VectorIdentity(members[k]))) return null;
            }
            _byGroup[key] = entry with { LastRun = _run };
            return entry.Centroid;
        }
    }

    public void Add(int group, List<int> members, SignatureVectors vectors, GroupCentroid centroid)
    {
        var identities = new object[members.Count];
        for (var k = 0; k < identities.Length; k++) identities[k] = vectors.VectorIdentity(members[k]);
        int[] kept = [.. members];
        lock (_byGroup) _byGroup[Key(group, members.Count)] = new Entry(centroid, kept, identities, _run);
    }

    private static long Key(int group, int size) => ((long)group << 32) | (uint)size;
}
