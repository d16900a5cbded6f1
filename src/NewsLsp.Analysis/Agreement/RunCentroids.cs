namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// Group centroids that recent <see cref="AverageLinkage"/> updates summed, by group name and size, each with the
/// articles it sums and their vectors as they were. Keystrokes in an event free the same groups again and again
/// (and a few events edited in turn each do), so a group whose articles and vectors are the same takes the centroid
/// from here instead of summing its members again. An entry unused for <see cref="KeptRuns"/> updates is dropped.
/// Each update works on its own copy (<see cref="ForNextRun"/>), so earlier snapshots' clusterings never see it change.
/// </summary>
internal sealed class RunCentroids
{
    /// <summary>Updates an entry outlives unused: several documents edited in turn each keep their event's groups.</summary>
    public const int KeptRuns = 16;

    private readonly record struct Entry(GroupCentroid Centroid, int[] Members, object[] Vectors, int LastRun);

    private readonly Dictionary<long, Entry> _byGroup;
    private readonly int _idEpoch;
    private readonly int _run;

    private RunCentroids(Dictionary<long, Entry> byGroup, int idEpoch, int run)
    {
        _byGroup = byGroup;
        _idEpoch = idEpoch;
        _run = run;
    }

    /// <summary>What the next update starts from: these entries still recent (none when term ids were renumbered since).</summary>
    public static RunCentroids ForNextRun(RunCentroids? previous, SignatureVectors vectors)
    {
        if (previous is null || previous._idEpoch != vectors.IdEpoch) return new RunCentroids([], vectors.IdEpoch, (previous?._run ?? 0) + 1);
        // Copied whole (a dictionary copies another's tables at once), then the old entries dropped: adding the kept
        // ones one by one grew the table from empty on every keystroke.
        var byGroup = new Dictionary<long, Entry>(previous._byGroup);
        foreach (var (key, entry) in previous._byGroup)
            if (previous._run - entry.LastRun >= KeptRuns) byGroup.Remove(key);
        return new RunCentroids(byGroup, vectors.IdEpoch, previous._run + 1);
    }

    /// <summary>The centroid of <paramref name="members"/> (group <paramref name="group"/>'s, in list order) when one was kept for them with these vectors.</summary>
    public GroupCentroid? Find(int group, List<int> members, SignatureVectors vectors)
    {
        var key = Key(group, members.Count);
        if (!_byGroup.TryGetValue(key, out var entry)) return null;
        for (var k = 0; k < members.Count; k++)
        {
            if (entry.Members[k] != members[k] || !ReferenceEquals(entry.Vectors[k], vectors.VectorIdentity(members[k]))) return null;
        }
        _byGroup[key] = entry with { LastRun = _run };
        return entry.Centroid;
    }

    public void Add(int group, List<int> members, SignatureVectors vectors, GroupCentroid centroid)
    {
        var identities = new object[members.Count];
        for (var k = 0; k < identities.Length; k++) identities[k] = vectors.VectorIdentity(members[k]);
        _byGroup[Key(group, members.Count)] = new Entry(centroid, [.. members], identities, _run);
    }

    private static long Key(int group, int size) => ((long)group << 32) | (uint)size;
}
