namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// The group centroids one <see cref="AverageLinkage"/> update summed or reused, by group name and size. In a run a
/// group's name and size tell its members (a group only grows), and the next run replays this run's merges: a group
/// it replays has those members, all with the same vectors (a changed article is never replayed), so it takes the
/// centroid from here instead of summing its members again at every keystroke in the same event. Term ids must be
/// those the centroids were summed with (<see cref="SignatureVectors.IdEpoch"/>).
/// </summary>
internal sealed class RunCentroids(int idEpoch)
{
    private readonly Dictionary<long, GroupCentroid> _byGroup = [];

    public int IdEpoch { get; } = idEpoch;

    public GroupCentroid? Find(int group, int size) => _byGroup.GetValueOrDefault(Key(group, size));

    public void Add(int group, int size, GroupCentroid centroid) => _byGroup[Key(group, size)] = centroid;

    private static long Key(int group, int size) => ((long)group << 32) | (uint)size;
}
