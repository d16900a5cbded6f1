using System.Buffers;
using System.Collections.Immutable;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// Greedy average-linkage clustering of a corpus: repeatedly merges the two groups with the highest mean pairwise
/// similarity (on ties the first pair in order, groups named by their first article) while it reaches the threshold;
/// the merged group keeps the first group's name. A group's mean similarity to another is at most its largest pair, so
/// only groups linked by a pair at the threshold are compared; and as similarities are dot products of fixed-point unit
/// vectors, a mean is exactly the dot product of the two groups' summed vectors over the number of pairs — integers,
/// with no rounding to depend on the order of members.
/// </summary>
/// <remarks>
/// <para>
/// <b>Replaying the previous run.</b> After some articles' vectors changed ("dirty"), the run replays the previous
/// run's merges (<see cref="LinkageMerge"/>, in order) instead of rediscovering them. Every group is either
/// <i>replayed</i> — the same articles as a group of the previous run at this point of its merges, all clean — or
/// <i>free</i>. Free groups keep their links and queue every pair they are in, as the plain algorithm does; pairs of two
/// replayed groups are not queued: such a pair existed, with the same mean, when the previous run made its next merge,
/// so it does not beat that merge. Hence the next step is the better of the previous run's next merge (when both of its
/// groups are still replayed) and the best queued pair. A previous merge that can no longer happen (one group is free
/// or gone) frees the other group: the merges it went on to make no longer apply. Dirty articles start free.
/// </para>
/// <para>
/// The result is the plain algorithm's to the bit, whatever the previous run was; with no previous run and every
/// article free it is the plain algorithm. The work is proportional to the free groups, their links and the previous
/// run's length in union-find steps: an edit re-clusters the neighbourhood it disturbs, not its connected component.
/// </para>
/// </remarks>
internal sealed class AverageLinkage
{
    private enum Group : byte { Replayed, Free, Gone }

    private readonly SignatureVectors _vectors;
    private readonly ChunkedArray<ArticleNeighbor[]> _similar;
    private readonly int[] _parent;        // union-find over articles; a group's root is its name, its first article
    private readonly int[] _next;          // a group's members as a list from its name: next article or -1
    private readonly int[] _last;          // per group name: its last member in that list
    private readonly int[] _size;
    private readonly Group[] _state;
    private readonly int[] _version;       // per group name: bumped by each merge, so queued pairs of an old group are skipped
    private readonly GroupCentroid?[] _centroid;   // only for groups whose means are needed: free ones and their neighbours
    private readonly HashSet<int>?[] _linked;      // free groups: every group linked to them
    private readonly HashSet<int>?[] _freeLinked;  // replayed groups: the free groups linked to them, when any
    private readonly Dictionary<int, MeanBound>?[] _bounds; // free groups: a bound on the mean with linked groups (see Merge)
    private readonly long[] _scratch;       // the group whose pairs are being queued, by term
    private readonly long[] _sumScratch;    // a centroid being summed, by term
    private readonly List<int> _members = [];
    private readonly List<int> _touched = [];
    private readonly LinkageMerge[] _merges;  // this run's merges, the first _mergeCount of them
    private int _mergeCount;
    private readonly RunCentroids? _known; // centroids recent runs summed, and this one's, for groups of the same articles
    private readonly PriorityQueue<(int A, int VersionA, int B, int VersionB), LinkageMerge> _queue =
        new(Comparer<LinkageMerge>.Create((x, y) => x == y ? 0 : x.Precedes(y) ? -1 : 1));

    private AverageLinkage(SignatureVectors vectors, ChunkedArray<ArticleNeighbor[]> similar, RunCentroids? known, long[] scratch, long[] sumScratch, LinkageMerge[] merges)
    {
        var n = vectors.Count;
        _known = known;
        _merges = merges;
        _scratch = scratch;
        _sumScratch = sumScratch;
        _vectors = vectors;
        _similar = similar;
        // Pooled like the buffers Run rents (each is as long as the corpus): longer than n, the first n are used.
        _parent = ArrayPool<int>.Shared.Rent(n);
        _next = ArrayPool<int>.Shared.Rent(n);
        _last = ArrayPool<int>.Shared.Rent(n);
        _size = ArrayPool<int>.Shared.Rent(n);
        _state = ArrayPool<Group>.Shared.Rent(n);
        _version = ArrayPool<int>.Shared.Rent(n);
        _centroid = ArrayPool<GroupCentroid?>.Shared.Rent(n);
        _linked = ArrayPool<HashSet<int>?>.Shared.Rent(n);
        _freeLinked = ArrayPool<HashSet<int>?>.Shared.Rent(n);
        _bounds = ArrayPool<Dictionary<int, MeanBound>?>.Shared.Rent(n);
        _state.AsSpan(0, n).Clear();
        _version.AsSpan(0, n).Clear();
        _centroid.AsSpan(0, n).Clear();
        _linked.AsSpan(0, n).Clear();
        _freeLinked.AsSpan(0, n).Clear();
        _bounds.AsSpan(0, n).Clear();
        for (var i = 0; i < n; i++)
        {
            _parent[i] = i;
            _next[i] = -1;
            _last[i] = i;
            _size[i] = 1;
        }
    }

    /// <summary>
    /// Clusters every article: <paramref name="similar"/> holds, per article, the articles at least
    /// <see cref="EventClustering.Threshold"/> similar to it. With a <paramref name="previous"/> run over the same
    /// articles, only <paramref name="dirty"/> ones changed their vectors since; without one, pass every article.
    /// </summary>
    /// <returns>
    /// The clusters (ascending members, ordered by first member; the previous run's arrays where a group never became
    /// free, and <paramref name="previousClusters"/> itself when every cluster is the same), this run's merges (sharing
    /// the chunks that equal the previous run's) and, when a previous run is replayed, the centroids recent runs summed:
    /// what the next run replays and reuses.
    /// </returns>
    public static (ImmutableArray<int[]> Clusters, ChunkedArray<LinkageMerge> Merges, RunCentroids? Centroids) Run(SignatureVectors vectors,
        ChunkedArray<ArticleNeighbor[]> similar, ChunkedArray<LinkageMerge> previous, ImmutableArray<int[]> previousClusters, IEnumerable<int> dirty,
        RunCentroids? recent = null)
    {
        // A fresh run sums every group of the corpus: keeping them all would hold megabytes for one keystroke's use.
        var known = previous.Length > 0 ? RunCentroids.ForNextRun(recent, vectors) : null;
        // The buffers as large as the corpus or its vocabulary are pooled: new ones at every keystroke were large
        // objects, and the collections of the large-object heap they caused were a good part of a keystroke's time.
        var scratch = ArrayPool<long>.Shared.Rent(vectors.TermCount);
        var sumScratch = ArrayPool<long>.Shared.Rent(vectors.TermCount);
        var merges = ArrayPool<LinkageMerge>.Shared.Rent(Math.Max(1, vectors.Count)); // a run merges at most Count - 1 times
        AverageLinkage? linkage = null;
        try
        {
            scratch.AsSpan(0, vectors.TermCount).Clear();
            sumScratch.AsSpan(0, vectors.TermCount).Clear();
            linkage = new AverageLinkage(vectors, similar, known, scratch, sumScratch, merges);
            foreach (var article in dirty.Order()) linkage.Free(article);
            linkage.Run(previous);
            // The merges go back to the pool: the log keeps its own chunks, the unchanged ones shared with the previous log.
            var log = ChunkedArray<LinkageMerge>.Sharing(merges.AsSpan(0, linkage._mergeCount), previous, EqualityComparer<LinkageMerge>.Default);
            return (linkage.Clusters(previousClusters), log, known);
        }
        finally
        {
            linkage?.ReturnArrays();
            ArrayPool<long>.Shared.Return(scratch);
            ArrayPool<long>.Shared.Return(sumScratch);
            ArrayPool<LinkageMerge>.Shared.Return(merges);
        }
    }

    private void Run(ChunkedArray<LinkageMerge> previous)
    {
        var k = 0;
        while (true)
        {
            var queued = BestQueued();
            var queuedMerges = queued is { } q && q.Mean >= EventClustering.Threshold;
            if (k < previous.Length && (!queuedMerges || previous[k].Precedes(queued!.Value))) Replay(previous[k++]);
            else if (queuedMerges) Merge(queued!.Value);
            else break; // no previous merge left and no queued pair at the threshold
        }
    }

    // The best queued pair whose groups are still as they were queued (older entries are dropped), or null.
    private LinkageMerge? BestQueued()
    {
        while (_queue.TryPeek(out var entry, out var merge))
        {
            if (_state[entry.A] != Group.Gone && _state[entry.B] != Group.Gone &&
                _version[entry.A] == entry.VersionA && _version[entry.B] == entry.VersionB) return merge;
            _queue.Dequeue();
        }
        return null;
    }

    // The previous run's next merge: made again when both groups are as they were, else the one still replayed is freed.
    private void Replay(LinkageMerge merge)
    {
        var (a, b) = (merge.A, merge.B);
        if (_state[a] == Group.Replayed && _state[b] == Group.Replayed)
        {
            Join(merge);
            var free = _freeLinked[a];
            if (_freeLinked[b] is { } alsoFree)
            {
                free ??= [];
                foreach (var f in alsoFree) { free.Add(f); Relink(_linked[f]!, b, a); }
            }
            _freeLinked[a] = free;
            _freeLinked[b] = null;
            // Only a group a free group is linked to needs its summed vectors (b's members now end a's list).
            _centroid[a] = free is null ? null
                : Known(a) ?? Remember(a, (_centroid[a] ?? Centroid(a, stop: b)).Plus(_centroid[b] ?? Centroid(b)));
            _centroid[b] = null;
            if (free is not null) QueuePairs(a, free);
            return;
        }
        if (_state[a] == Group.Replayed) Free(a);
        if (_state[b] == Group.Replayed) Free(b);
    }

    // A replayed group (or a dirty article) becomes free: it finds its links and queues its pairs with the groups not
    // free yet (a free neighbour queued their pair when it became free, and re-queues it whenever either group changes).
    private void Free(int g)
    {
        _centroid[g] ??= Centroid(g);
        _state[g] = Group.Free;
        var linked = LinksOf(g);
        _linked[g] = linked;
        _freeLinked[g] = null;
        var others = new List<int>(linked.Count);
        foreach (var c in linked)
        {
            if (_state[c] == Group.Free) continue;
            (_freeLinked[c] ??= []).Add(g);
            others.Add(c);
        }
        QueuePairs(g, others);
    }

    // A queued pair, at least one group free: the merged group is free, linked to everything either group was.
    // Its mean with a linked group is the average of a's and b's means with it, weighted by their sizes; when known
    // bounds put that average clearly below the threshold, the pair can never merge and is neither summed nor queued
    // (the plain algorithm queues it and never takes it). A free group absorbing its event's articles one by one
    // re-queued every group linked to it at each step, most of them far below the threshold.
    private void Merge(LinkageMerge merge)
    {
        var (a, b) = (merge.A, merge.B);
        _queue.Dequeue();
        var linkedA = _linked[a] ?? LinksOf(a);
        var linkedB = _linked[b] ?? LinksOf(b);
        var bounds = new Dictionary<int, MeanBound>();
        var (sizeA, sizeB) = (_size[a], _size[b]);
        foreach (var c in linkedA)
        {
            if (c != b) BoundMerged(bounds, c, sizeA, BoundOf(a, c), sizeB, linkedB.Contains(c) ? BoundOf(b, c) : Unlinked);
        }
        foreach (var c in linkedB)
        {
            if (c != a && !linkedA.Contains(c)) BoundMerged(bounds, c, sizeA, Unlinked, sizeB, BoundOf(b, c));
        }
        var linked = linkedA;
        linked.UnionWith(linkedB);
        linked.Remove(a);
        linked.Remove(b);
        var (centroidA, centroidB) = (_centroid[a]!, _centroid[b]!);
        Join(merge);
        var sum = Known(a) ?? Remember(a, centroidA.Plus(centroidB));
        _state[a] = Group.Free;
        _linked[a] = linked;
        _linked[b] = null;
        _freeLinked[a] = null;
        _freeLinked[b] = null;
        _bounds[a] = bounds;
        _bounds[b] = null;
        _centroid[a] = sum;
        _centroid[b] = null;
        var queued = new List<int>(linked.Count);
        foreach (var c in linked)
        {
            var set = _state[c] == Group.Free ? _linked[c]! : _freeLinked[c] ??= [];
            set.Remove(b);
            set.Add(a);
            if (!bounds.ContainsKey(c)) queued.Add(c);
        }
        QueuePairs(a, queued);
    }

    // A mean bound that holds however the mean was rounded: far above the rounding of a double near the threshold.
    private const double BoundSlack = 1e-12;

    // How far below the threshold a bound must be for its pair to be dropped: far above every slack added to it.
    private const double BoundMargin = 1e-9;

    // The mean of two groups linked by no pair at the threshold: each article pair is below it, so is their mean.
    private const double Unlinked = EventClustering.Threshold + BoundSlack;

    // Keeps, for the group a and b are merging into, the bound of its mean with c when that bound is clearly below the threshold.
    private void BoundMerged(Dictionary<int, MeanBound> bounds, int c, int sizeA, double boundA, int sizeB, double boundB)
    {
        var bound = (sizeA * boundA + sizeB * boundB) / (sizeA + sizeB) + BoundSlack;
        if (bound < EventClustering.Threshold - BoundMargin) bounds[c] = new MeanBound(_version[c], bound);
    }

    // A bound on the mean of g and c while both are as they are now: recorded on either side, else none.
    private double BoundOf(int g, int c)
    {
        if (_bounds[g] is { } ofG && ofG.TryGetValue(c, out var bound) && bound.Version == _version[c]) return bound.Mean;
        if (_bounds[c] is { } ofC && ofC.TryGetValue(g, out bound) && bound.Version == _version[g]) return bound.Mean;
        return double.PositiveInfinity;
    }

    // A mean just computed, as a bound for the free side(s) of the pair.
    private void RecordMean(int g, int c, double mean)
    {
        if (_state[g] == Group.Free) (_bounds[g] ??= [])[c] = new MeanBound(_version[c], mean + BoundSlack);
        if (_state[c] == Group.Free) (_bounds[c] ??= [])[g] = new MeanBound(_version[g], mean + BoundSlack);
    }

    /// <summary>An upper bound on a free group's mean with another group, valid while that group's version is <paramref name="Version"/>.</summary>
    private readonly record struct MeanBound(int Version, double Mean);

    // Group b joins group a (a < b): members, union-find, versions; b is gone.
    private void Join(LinkageMerge merge)
    {
        var (a, b) = (merge.A, merge.B);
        _merges[_mergeCount++] = merge;
        _parent[b] = a;
        _next[_last[a]] = b;
        _last[a] = _last[b];
        _size[a] += _size[b];
        _version[a]++;
        _version[b]++;
        _state[b] = Group.Gone;
    }

    private static void Relink(HashSet<int> set, int from, int to)
    {
        set.Remove(from);
        set.Add(to);
    }

    // Queues g's pair with each of `others`, at their mean.
    private void QueuePairs(int g, IEnumerable<int> others)
    {
        var sum = _centroid[g]!;
        sum.Scatter(_scratch);
        foreach (var c in others)
        {
            var centroid = _centroid[c] ??= Centroid(c);
            var mean = SignatureVectors.Mean(centroid.Dot(_scratch), (long)_size[g] * _size[c]);
            RecordMean(g, c, mean);
            var (first, second) = g < c ? (g, c) : (c, g);
            _queue.Enqueue((first, _version[first], second, _version[second]), new LinkageMerge(first, second, mean));
        }
        sum.Clear(_scratch);
    }

    // The groups linked to g by a pair of their articles at the threshold.
    private HashSet<int> LinksOf(int g)
    {
        var linked = new HashSet<int>();
        for (var m = g; m >= 0; m = _next[m])
            foreach (var n in _similar[m])
            {
                var c = Find(n.Article);
                if (c != g) linked.Add(c);
            }
        return linked;
    }

    // The summed unit vectors of g's members (those before `stop` in its list, when given): a recent run's sum of the
    // same articles with the same vectors, else summed now and kept.
    private GroupCentroid Centroid(int g, int stop = -1)
    {
        if (_next[g] < 0 || _next[g] == stop) return GroupCentroid.Of(_vectors, g);
        MembersOf(g, stop);
        if (_known?.Find(g, _members, _vectors) is { } known) return known;
        var centroid = GroupCentroid.Of(_vectors, _members, _sumScratch, _touched);
        _known?.Add(g, _members, _vectors, centroid);
        return centroid;
    }

    // Group g's centroid (all its members) when a recent run summed the same articles with the same vectors.
    private GroupCentroid? Known(int g) => _known is null ? null : _known.Find(g, MembersOf(g), _vectors);

    // Group g's centroid, just made from its parts, kept for later runs.
    private GroupCentroid Remember(int g, GroupCentroid centroid)
    {
        _known?.Add(g, MembersOf(g), _vectors, centroid);
        return centroid;
    }

    // g's members in list order (those before `stop`, when given), in the scratch list.
    private List<int> MembersOf(int g, int stop = -1)
    {
        _members.Clear();
        for (var m = g; m >= 0 && m != stop; m = _next[m]) _members.Add(m);
        return _members;
    }

    private int Find(int article)
    {
        var root = article;
        while (_parent[root] != root) root = _parent[root];
        while (_parent[article] != root) (article, _parent[article]) = (_parent[article], root);
        return root;
    }

    // The per-article arrays back to their pools; those holding objects emptied, so the pool keeps none alive.
    private void ReturnArrays()
    {
        ArrayPool<int>.Shared.Return(_parent);
        ArrayPool<int>.Shared.Return(_next);
        ArrayPool<int>.Shared.Return(_last);
        ArrayPool<int>.Shared.Return(_size);
        ArrayPool<Group>.Shared.Return(_state);
        ArrayPool<int>.Shared.Return(_version);
        ArrayPool<GroupCentroid?>.Shared.Return(_centroid, clearArray: true);
        ArrayPool<HashSet<int>?>.Shared.Return(_linked, clearArray: true);
        ArrayPool<HashSet<int>?>.Shared.Return(_freeLinked, clearArray: true);
        ArrayPool<Dictionary<int, MeanBound>?>.Shared.Return(_bounds, clearArray: true);
    }

    // Every group, members ascending, ordered by first member (its name). A group still replayed at the end is the
    // previous run's final group of that name (it made every merge that group made), so it takes that cluster's array.
    private ImmutableArray<int[]> Clusters(ImmutableArray<int[]> previous)
    {
        var clusters = ImmutableArray.CreateBuilder<int[]>();
        var same = true;
        var p = 0; // previous clusters are ordered by name: the one named g, if any, is at or after p
        for (var g = 0; g < _vectors.Count; g++)
        {
            if (_parent[g] != g) continue;
            while (p < previous.Length && previous[p][0] < g) p++;
            var before = p < previous.Length && previous[p][0] == g ? previous[p] : null;
            var members = _state[g] == Group.Replayed && before is not null ? before : MembersSorted(g);
            same &= clusters.Count < previous.Length && (ReferenceEquals(members, previous[clusters.Count]) ||
                                                         members.AsSpan().SequenceEqual(previous[clusters.Count]));
            clusters.Add(members);
        }
        return same && clusters.Count == previous.Length ? previous : clusters.ToImmutable();
    }

    private int[] MembersSorted(int g)
    {
        var members = new int[_size[g]];
        var k = 0;
        for (var m = g; m >= 0; m = _next[m]) members[k++] = m;
        Array.Sort(members);
        return members;
    }
}
