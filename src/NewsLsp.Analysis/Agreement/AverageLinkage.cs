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
/// <para>
/// Most replayed merges join two groups no free group is linked to: such a join only updates the groups' slots (see
/// <see cref="GroupSlot"/>). And when a group near a free one joins another, its dot products with the free groups
/// linked to both are the sums of the two it had (<see cref="Carry"/>), exact as every sum of integer products is.
/// </para>
/// </remarks>
internal sealed class AverageLinkage
{
    private enum Group : byte { Replayed, Free, Gone }

    private readonly SignatureVectors _vectors;
    private readonly ChunkedArray<int[]> _similar;
    // Per article, the group it names (union-find root, member list, size, state, version) in one struct: a replayed
    // merge reads and writes three of them, where separate arrays took a cache line each, and replaying the previous
    // run's thousands of merges was most of a re-clustering keystroke.
    private readonly GroupSlot[] _slots;
    // Per group name, what only groups near a free one have (their centroid and links); the rest stay default, and
    // _sided lists the names written, so an update clears what it used instead of arrays as long as the corpus.
    private readonly GroupSide[] _sides;
    private readonly List<int> _sided;
    // The exact dot product of every queued pair's summed vectors, valid while both groups keep the versions recorded;
    // and, for the merge being made, the merged group's dot products that follow from them (see Carry).
    private readonly Dictionary<long, PairDot> _dots;
    private readonly Dictionary<int, Int128> _carried;
    private readonly List<int> _uncarried;
    private readonly long[] _scratch;       // the group whose pairs are being queued, by term
    private readonly long[] _sumScratch;    // a centroid being summed, by term
    private readonly List<int> _members;
    private readonly List<int> _touched;
    private readonly LinkageMerge[] _merges;  // this run's merges, the first _mergeCount of them
    private int _mergeCount;
    private readonly RunCentroids? _known; // centroids recent runs summed, and this one's, for groups of the same articles
    private readonly PriorityQueue<(int A, int VersionA, int B, int VersionB), LinkageMerge> _queue;
    private readonly RunCollections _collections;

    private AverageLinkage(SignatureVectors vectors, ChunkedArray<int[]> similar, RunCentroids? known, long[] scratch, long[] sumScratch, LinkageMerge[] merges,
        RunCollections collections)
    {
        _collections = collections;
        (_sided, _dots, _carried, _uncarried, _members, _touched, _queue) =
            (collections.Sided, collections.Dots, collections.Carried, collections.Uncarried, collections.Members, collections.Touched, collections.Queue);
        var n = vectors.Count;
        _known = known;
        _merges = merges;
        _scratch = scratch;
        _sumScratch = sumScratch;
        _vectors = vectors;
        _similar = similar;
        // Pooled like the buffers Run rents (each is as long as the corpus): longer than n, the first n are used.
        _slots = ArrayPool<GroupSlot>.Shared.Rent(n);
        _sides = SidePool.Rent(n); // default throughout: every array in the pool is returned cleared
        for (var i = 0; i < n; i++) _slots[i] = new GroupSlot { Parent = i, Next = -1, Last = i, Size = 1 };
    }

    // The collections a run fills, emptied and kept for the thread's next run: made anew for every keystroke, the pair
    // table and the queue grew from empty each time (a tenth of what a re-clustering keystroke allocated). Collections
    // grown by a run as large as a whole corpus's clustering are not kept: they would hold megabytes for keystrokes
    // that use kilobytes.
    private sealed class RunCollections
    {
        private const int KeptCapacity = 1 << 15;

        public readonly List<int> Sided = [];
        public readonly Dictionary<long, PairDot> Dots = [];
        public readonly Dictionary<int, Int128> Carried = [];
        public readonly List<int> Uncarried = [];
        public readonly List<int> Members = [];
        public readonly List<int> Touched = [];
        public readonly PriorityQueue<(int A, int VersionA, int B, int VersionB), LinkageMerge> Queue = new();

        // Free groups' bound tables no group holds any more, emptied, for the next free group: a group absorbing its
        // event's articles one by one dropped one at each step, and they were a tenth of what a re-clustering keystroke
        // allocated. Only a table no side refers to is given back.
        private readonly Stack<Dictionary<int, MeanBound>> _spareBounds = new();
        private const int KeptSpares = 256;

        public Dictionary<int, MeanBound> NewBounds() => _spareBounds.TryPop(out var bounds) ? bounds : [];

        public void Recycle(Dictionary<int, MeanBound>? bounds)
        {
            if (bounds is null || _spareBounds.Count >= KeptSpares || bounds.EnsureCapacity(0) > KeptCapacity) return;
            bounds.Clear();
            _spareBounds.Push(bounds);
        }

        [ThreadStatic] private static RunCollections? kept;

        public static RunCollections Take()
        {
            var collections = kept ?? new RunCollections();
            kept = null; // a run started while this one is under way makes its own
            return collections;
        }

        public void Return()
        {
            if (Dots.EnsureCapacity(0) > KeptCapacity || Queue.EnsureCapacity(0) > KeptCapacity || Sided.Capacity > KeptCapacity) return;
            Sided.Clear();
            Dots.Clear();
            Carried.Clear();
            Uncarried.Clear();
            Members.Clear();
            Touched.Clear();
            Queue.Clear();
            kept = this;
        }
    }

    // The side arrays' own pool: arrays come back cleared where they were written (see ReturnArrays), which only holds
    // when no other code returns arrays of this type to it.
    private static readonly ArrayPool<GroupSide> SidePool = ArrayPool<GroupSide>.Create();

    private struct GroupSlot
    {
        public int Parent;   // union-find over articles; a group's root is its name, its first article
        public int Next;     // a group's members as a list from its name: next article or -1
        public int Last;     // per group name: its last member in that list
        public int Size;
        public int Version;  // per group name: bumped by each merge, so queued pairs of an old group are skipped
        public Group State;
        public bool Sided;   // its GroupSide was written (it is in _sided)
    }

    private struct GroupSide
    {
        public GroupCentroid? Centroid;                // only for groups whose means are needed: free ones and their neighbours
        public HashSet<int>? Linked;                   // free groups: every group linked to them
        public HashSet<int>? FreeLinked;               // replayed groups: the free groups linked to them, when any
        public Dictionary<int, MeanBound>? Bounds;     // free groups: a bound on the mean with linked groups (see Merge)
    }

    // g's side, to write: g is recorded as written, for ReturnArrays to clear.
    private ref GroupSide SideOf(int g)
    {
        ref var slot = ref _slots[g];
        if (!slot.Sided)
        {
            slot.Sided = true;
            _sided.Add(g);
        }
        return ref _sides[g];
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
        ChunkedArray<int[]> similar, ChunkedArray<LinkageMerge> previous, ImmutableArray<int[]> previousClusters, IEnumerable<int> dirty,
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
            linkage = new AverageLinkage(vectors, similar, known, scratch, sumScratch, merges, RunCollections.Take());

            foreach (var article in dirty.Order()) linkage.Free(article);
            linkage.Run(previous);
            // The merges go back to the pool: the log keeps its own chunks, the unchanged ones shared with the previous log.
            var log = ChunkedArray<LinkageMerge>.Sharing(merges.AsSpan(0, linkage._mergeCount), previous);
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
        var queued = BestQueued();
        while (true)
        {
            var queuedMerges = queued is { } q && q.Mean >= EventClustering.Threshold;
            if (k < previous.Length && (!queuedMerges || previous[k].Precedes(queued!.Value)))
            {
                // A bare join changes no queued pair: the groups of queued pairs all have side data (see Replay).
                if (Replay(previous[k++])) queued = BestQueued();
            }
            else if (queuedMerges)
            {
                Merge(queued!.Value);
                queued = BestQueued();
            }
            else break; // no previous merge left and no queued pair at the threshold
        }
    }

    // The best queued pair whose groups are still as they were queued (older entries are dropped), or null.
    private LinkageMerge? BestQueued()
    {
        while (_queue.TryPeek(out var entry, out var merge))
        {
            if (_slots[entry.A].State != Group.Gone && _slots[entry.B].State != Group.Gone &&
                _slots[entry.A].Version == entry.VersionA && _slots[entry.B].Version == entry.VersionB) return merge;
            _queue.Dequeue();
        }
        return null;
    }

    // The previous run's next merge: made again when both groups are as they were, else the one still replayed is freed.
    // False when it was a bare join of two groups without side data, which queues nothing and changes no queued pair.
    private bool Replay(LinkageMerge merge)
    {
        var (a, b) = (merge.A, merge.B);
        if (_slots[a].State == Group.Replayed && _slots[b].State == Group.Replayed)
        {
            // Most replayed merges are far from every free group: neither group has links or a centroid to carry over.
            if (!_slots[a].Sided && !_slots[b].Sided)
            {
                Join(merge);
                return false;
            }
            if (_sides[a].FreeLinked is { } freeOfA) foreach (var f in freeOfA) Carry(a, b, f);
            if (_sides[b].FreeLinked is { } freeOfB) foreach (var f in freeOfB) Carry(a, b, f);
            Join(merge);
            var free = _sides[a].FreeLinked;
            if (_sides[b].FreeLinked is { } alsoFree)
            {
                free ??= [];
                foreach (var f in alsoFree) { free.Add(f); Relink(_sides[f].Linked!, b, a); }
            }
            SideOf(a).FreeLinked = free;
            SideOf(b).FreeLinked = null;
            // Only a group a free group is linked to needs its summed vectors (b's members now end a's list).
            SideOf(a).Centroid = free is null ? null
                : Known(a) ?? Remember(a, (_sides[a].Centroid ?? Centroid(a, stop: b)).Plus(_sides[b].Centroid ?? Centroid(b)));
            SideOf(b).Centroid = null;
            if (free is not null) QueuePairs(a, free);
            return true;
        }
        if (_slots[a].State == Group.Replayed) Free(a);
        if (_slots[b].State == Group.Replayed) Free(b);
        return true;
    }

    // A replayed group (or a dirty article) becomes free: it finds its links and queues its pairs with the groups not
    // free yet (a free neighbour queued their pair when it became free, and re-queues it whenever either group changes).
    private void Free(int g)
    {
        SideOf(g).Centroid ??= Centroid(g);
        _slots[g].State = Group.Free;
        var linked = LinksOf(g);
        SideOf(g).Linked = linked;
        SideOf(g).FreeLinked = null;
        var others = new List<int>(linked.Count);
        foreach (var c in linked)
        {
            if (_slots[c].State == Group.Free) continue;
            (SideOf(c).FreeLinked ??= []).Add(g);
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
        var linkedA = _sides[a].Linked ?? LinksOf(a);
        var linkedB = _sides[b].Linked ?? LinksOf(b);
        var bounds = _collections.NewBounds();
        var (sizeA, sizeB) = (_slots[a].Size, _slots[b].Size);
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
        var (centroidA, centroidB) = (_sides[a].Centroid!, _sides[b].Centroid!);
        foreach (var c in linked) Carry(a, b, c);
        Join(merge);
        var sum = Known(a) ?? Remember(a, centroidA.Plus(centroidB));
        _slots[a].State = Group.Free;
        SideOf(a).Linked = linked;
        SideOf(b).Linked = null;
        SideOf(a).FreeLinked = null;
        SideOf(b).FreeLinked = null;
        _collections.Recycle(_sides[a].Bounds);
        _collections.Recycle(_sides[b].Bounds);
        SideOf(a).Bounds = bounds;
        SideOf(b).Bounds = null;
        SideOf(a).Centroid = sum;
        SideOf(b).Centroid = null;
        var queued = new List<int>(linked.Count);
        foreach (var c in linked)
        {
            var set = _slots[c].State == Group.Free ? _sides[c].Linked! : SideOf(c).FreeLinked ??= [];
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
        if (bound < EventClustering.Threshold - BoundMargin) bounds[c] = new MeanBound(_slots[c].Version, bound);
    }

    // A bound on the mean of g and c while both are as they are now: recorded on either side, else none.
    private double BoundOf(int g, int c)
    {
        if (_sides[g].Bounds is { } ofG && ofG.TryGetValue(c, out var bound) && bound.Version == _slots[c].Version) return bound.Mean;
        if (_sides[c].Bounds is { } ofC && ofC.TryGetValue(g, out bound) && bound.Version == _slots[g].Version) return bound.Mean;
        return double.PositiveInfinity;
    }

    // A mean just computed, as a bound for the free side(s) of the pair.
    private void RecordMean(int g, int c, double mean)
    {
        if (_slots[g].State == Group.Free) (SideOf(g).Bounds ??= _collections.NewBounds())[c] = new MeanBound(_slots[c].Version, mean + BoundSlack);
        if (_slots[c].State == Group.Free) (SideOf(c).Bounds ??= _collections.NewBounds())[g] = new MeanBound(_slots[g].Version, mean + BoundSlack);
    }

    private readonly record struct PairDot(int VersionFirst, int VersionSecond, Int128 Dot);

    private static long PairKey(int first, int second) => ((long)first << 32) | (uint)second;

    private void RecordDot(int g, int c, Int128 dot)
    {
        var (first, second) = g < c ? (g, c) : (c, g);
        _dots[PairKey(first, second)] = new PairDot(_slots[first].Version, _slots[second].Version, dot);
    }

    private bool TryDot(int g, int c, out Int128 dot)
    {
        var (first, second) = g < c ? (g, c) : (c, g);
        if (_dots.TryGetValue(PairKey(first, second), out var known) &&
            known.VersionFirst == _slots[first].Version && known.VersionSecond == _slots[second].Version)
        {
            dot = known.Dot;
            return true;
        }
        dot = default;
        return false;
    }

    // Before a and b join: when both pairs with c are known, the merged group's dot product with c is their sum (sums
    // of integer products are exact), so queueing that pair needs no pass over the vectors.
    private void Carry(int a, int b, int c)
    {
        if (TryDot(a, c, out var withA) && TryDot(b, c, out var withB)) _carried[c] = withA + withB;
    }

    /// <summary>An upper bound on a free group's mean with another group, valid while that group's version is <paramref name="Version"/>.</summary>
    private readonly record struct MeanBound(int Version, double Mean);

    // Group b joins group a (a < b): members, union-find, versions; b is gone.
    private void Join(LinkageMerge merge)
    {
        var (a, b) = (merge.A, merge.B);
        _merges[_mergeCount++] = merge;
        ref var groupA = ref _slots[a];
        ref var groupB = ref _slots[b];
        groupB.Parent = a;
        _slots[groupA.Last].Next = b;
        groupA.Last = groupB.Last;
        groupA.Size += groupB.Size;
        groupA.Version++;
        groupB.Version++;
        groupB.State = Group.Gone;
    }

    private static void Relink(HashSet<int> set, int from, int to)
    {
        set.Remove(from);
        set.Add(to);
    }

    // Queues g's pair with each of `others`, at their mean: from the dot product Carry found, else from g's sums spread
    // over the scratch buffer.
    private void QueuePairs(int g, IEnumerable<int> others)
    {
        _uncarried.Clear();
        foreach (var c in others)
        {
            SideOf(c).Centroid ??= Centroid(c); // both groups of a queued pair have their sums, for the merge
            if (_carried.Remove(c, out var dot)) Enqueue(g, c, dot);
            else _uncarried.Add(c);
        }
        _carried.Clear(); // those of pairs not queued (bounded below the threshold) are not needed
        if (_uncarried.Count == 0) return;
        var sum = _sides[g].Centroid!;
        sum.Scatter(_scratch);
        foreach (var c in _uncarried) Enqueue(g, c, _sides[c].Centroid!.Dot(_scratch));
        sum.Clear(_scratch);
    }

    // Queues the pair of g and c, whose summed vectors' dot product is `dot`, at their mean.
    private void Enqueue(int g, int c, Int128 dot)
    {
        RecordDot(g, c, dot);
        var mean = SignatureVectors.Mean(dot, (long)_slots[g].Size * _slots[c].Size);
        RecordMean(g, c, mean);
        var (first, second) = g < c ? (g, c) : (c, g);
        _queue.Enqueue((first, _slots[first].Version, second, _slots[second].Version), new LinkageMerge(first, second, mean));
    }

    // The groups linked to g by a pair of their articles at the threshold.
    private HashSet<int> LinksOf(int g)
    {
        var linked = new HashSet<int>();
        for (var m = g; m >= 0; m = _slots[m].Next)
            foreach (var n in _similar[m])
            {
                var c = Find(n);
                if (c != g) linked.Add(c);
            }
        return linked;
    }

    // The summed unit vectors of g's members (those before `stop` in its list, when given): a recent run's sum of the
    // same articles with the same vectors, else summed now and kept.
    private GroupCentroid Centroid(int g, int stop = -1)
    {
        if (_slots[g].Next < 0 || _slots[g].Next == stop) return GroupCentroid.Of(_vectors, g);
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
        for (var m = g; m >= 0 && m != stop; m = _slots[m].Next) _members.Add(m);
        return _members;
    }

    private int Find(int article)
    {
        var root = article;
        while (_slots[root].Parent != root) root = _slots[root].Parent;
        while (_slots[article].Parent != root) (article, _slots[article].Parent) = (_slots[article].Parent, root);
        return root;
    }

    // The per-article arrays back to their pools (those holding objects emptied, so the pool keeps none alive), and the
    // run's collections to the thread.
    private void ReturnArrays()
    {
        foreach (var g in _sided)
        {
            _collections.Recycle(_sides[g].Bounds);
            _sides[g] = default;
        }
        ArrayPool<GroupSlot>.Shared.Return(_slots);
        SidePool.Return(_sides);
        _collections.Return();
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
            if (_slots[g].Parent != g) continue;
            while (p < previous.Length && previous[p][0] < g) p++;
            var before = p < previous.Length && previous[p][0] == g ? previous[p] : null;
            var members = _slots[g].State == Group.Replayed && before is not null ? before : MembersSorted(g);
            same &= clusters.Count < previous.Length && (ReferenceEquals(members, previous[clusters.Count]) ||
                                                         members.AsSpan().SequenceEqual(previous[clusters.Count]));
            clusters.Add(members);
        }
        return same && clusters.Count == previous.Length ? previous : clusters.ToImmutable();
    }

    private int[] MembersSorted(int g)
    {
        var members = new int[_slots[g].Size];
        var k = 0;
        for (var m = g; m >= 0; m = _slots[m].Next) members[k++] = m;
        Array.Sort(members);
        return members;
    }
}
