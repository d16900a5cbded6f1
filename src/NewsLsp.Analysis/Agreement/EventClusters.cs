using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// The events of a corpus and what computing them needs again after an edit: the signature vectors, every pair of
/// articles at least <see cref="EventClustering.Threshold"/> similar, and the merges of the average-linkage run that
/// made the clusters. <see cref="Update"/> re-finds the pairs of the articles whose vectors changed and replays the
/// previous run around them (<see cref="AverageLinkage"/>), so an edit costs its neighbourhood, not the corpus.
/// The result is always equal to <see cref="Compute"/> on the same signatures (similarities are exact to the bit, see
/// <see cref="SignatureVectors"/>). Immutable; articles are indexed in key order.
/// </summary>
internal sealed class EventClusters
{
    private readonly ImmutableArray<DocumentKey> _keys;
    private readonly IReadOnlyDictionary<DocumentKey, int> _indexOf;
    private readonly SignatureVectors _vectors;
    // Per article: the articles at least Threshold similar, ascending. Only who, not how similar (clustering sums the
    // groups' vectors): so an edit rewrites the lists of the articles that gained or lost it as a neighbour, not of all
    // its neighbours, which a changed similarity would otherwise touch (a third of what a re-clustering keystroke allocated).
    private readonly ChunkedArray<int[]> _similar;
    private readonly ChunkedArray<LinkageMerge> _merges;       // the run that made the clusters, for the next one to replay
    private readonly RunCentroids? _centroids;       // the centroids that run summed, for the next one to reuse
    private readonly ImmutableArray<int[]> _clusters; // ascending members, ordered by first member; parallel to Events

    private EventClusters(ImmutableArray<DocumentKey> keys, IReadOnlyDictionary<DocumentKey, int> indexOf, SignatureVectors vectors,
        ChunkedArray<int[]> similar, ChunkedArray<LinkageMerge> merges, RunCentroids? centroids, ImmutableArray<int[]> clusters, ImmutableArray<AgreementEvent> events)
    {
        _centroids = centroids;
        _keys = keys;
        _indexOf = indexOf;
        _vectors = vectors;
        _similar = similar;
        _merges = merges;
        _clusters = clusters;
        Events = events;
    }

    /// <summary>The articles at least the threshold similar to the <paramref name="article"/>-th, ascending (observability for tests).</summary>
    internal int[] NeighborsOf(int article) => _similar[article];

    /// <summary>Terms the signature vectors hold ids for, live and dead (observability for tests).</summary>
    internal int TermCount => _vectors.TermCount;

    /// <summary>The events ordered by their first document, numbered from 1; each lists its documents in order.</summary>
    public ImmutableArray<AgreementEvent> Events { get; }

    public static EventClusters Compute(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles)
    {
        var ordered = articles.OrderBy(a => a.Key).ToList();
        var keys = ordered.Select(a => a.Key).ToImmutableArray();
        var indexOf = new Dictionary<DocumentKey, int>(keys.Length);
        for (var i = 0; i < keys.Length; i++) indexOf[keys[i]] = i;
        var vectors = SignatureVectors.Create([.. ordered.Select(a => a.Facts.Signature)]);
        var similar = ChunkedArray<int[]>.From(FindSimilar(vectors));
        var (clusters, merges, centroids) = AverageLinkage.Run(vectors, similar, ChunkedArray<LinkageMerge>.Empty, [], Enumerable.Range(0, keys.Length));
        return new EventClusters(keys, indexOf, vectors, similar, merges, centroids, clusters, ToEvents(keys, clusters, previous: null));
    }

    /// <summary>
    /// These clusters after some articles' signatures changed (the same articles; adding or removing one changes every
    /// weight, so that is a fresh <see cref="Compute"/>). Keeps <see cref="Events"/> (the same array) when the events
    /// did not change.
    /// </summary>
    public EventClusters Update(IReadOnlyList<(DocumentKey Key, EquatableArray<string> Signature)> changes)
    {
        if (changes.Count == 0) return this;
        var (vectors, changed) = _vectors.WithSignatures([.. changes.Select(c => (_indexOf[c.Key], c.Signature))]);

        // Re-find the changed articles' pairs; other articles only lose or gain them as neighbours.
        var similar = _similar.ToBuilder();
        var gained = new Dictionary<int, List<int>>();
        var lost = new Dictionary<int, List<int>>();
        var accumulator = ArrayPool<long>.Shared.Rent(_keys.Length);
        accumulator.AsSpan(0, _keys.Length).Clear();
        var touched = TouchedScratch ??= [];
        foreach (var a in changed)
        {
            var before = _similar[a];
            var after = Probe(vectors, a, accumulator, touched);
            similar[a] = after;
            // Both ascending: walked together, what is in only one of them is a neighbour lost or gained.
            var (i, j) = (0, 0);
            while (i < before.Length || j < after.Length)
            {
                if (j == after.Length || (i < before.Length && before[i] < after[j])) Note(lost, before[i++], a, changed);
                else if (i == before.Length || after[j] < before[i]) Note(gained, after[j++], a, changed);
                else (i, j) = (i + 1, j + 1);
            }
        }
        touched.Clear();
        ArrayPool<long>.Shared.Return(accumulator);
        foreach (var b in lost.Keys.Union(gained.Keys))
        {
            // The kept neighbours are in order already and the gained ones are a few: merged, not sorted together.
            var removed = lost.GetValueOrDefault(b);
            var added = gained.GetValueOrDefault(b) ?? [];
            added.Sort();
            var merged = new List<int>(_similar[b].Length + added.Count);
            var next = 0;
            foreach (var n in _similar[b])
            {
                if (removed is not null && removed.Contains(n)) continue;
                while (next < added.Count && added[next] < n) merged.Add(added[next++]);
                merged.Add(n);
            }
            while (next < added.Count) merged.Add(added[next++]);
            similar[b] = [.. merged];
        }
        var pairs = similar.Build();

        var (clusters, merges, centroids) = AverageLinkage.Run(vectors, pairs, _merges, _clusters, changed, _centroids);
        return clusters == _clusters
            ? new EventClusters(_keys, _indexOf, vectors, pairs, merges, centroids, _clusters, Events)
            : new EventClusters(_keys, _indexOf, vectors, pairs, merges, centroids, clusters, ToEvents(_keys, clusters, this));
    }

    // The probes' list of articles touched, kept per thread: it grew to thousands of items on every update.
    [ThreadStatic] private static List<int>? TouchedScratch;

    // Records that `neighbour` lost or gained `changedArticle`; a changed neighbour's own list is probed afresh instead.
    private static void Note(Dictionary<int, List<int>> byNeighbour, int neighbour, int changedArticle, HashSet<int> changed)
    {
        if (changed.Contains(neighbour)) return;
        if (!byNeighbour.TryGetValue(neighbour, out var list)) byNeighbour[neighbour] = list = [];
        list.Add(changedArticle);
    }

    // Every pair (a < b) at least Threshold similar, found through the inverted index: each term's users after a get its weight.
    private static int[][] FindSimilar(SignatureVectors vectors)
    {
        // Each article's later neighbours first, then every list made at its exact size: growing thousands of lists by
        // doubling copied them over and over and left large garbage (7 % of a cold 10,000-article analysis).
        // The probes are independent (each writes only its own list), so they run on every core, each thread with its
        // own accumulator; the lists are the same whatever thread made them.
        var later = new int[vectors.Count][];
        Parallel.For(0, vectors.Count,
            () => (Accumulator: new long[vectors.Count], Touched: new List<int>()),
            (a, _, scratch) =>
            {
                later[a] = Probe(vectors, a, scratch.Accumulator, scratch.Touched, after: a);
                return scratch;
            },
            _ => { });
        var earlierCount = new int[vectors.Count];
        foreach (var neighbors in later) foreach (var n in neighbors) earlierCount[n]++;
        // In article order: the earlier neighbours (met while probing them, in ascending order), then the later ones.
        var lists = new int[vectors.Count][];
        for (var a = 0; a < lists.Length; a++)
        {
            lists[a] = earlierCount[a] + later[a].Length == 0 ? [] : new int[earlierCount[a] + later[a].Length];
            later[a].CopyTo(lists[a], earlierCount[a]);
        }
        var filled = new int[vectors.Count];
        for (var a = 0; a < lists.Length; a++)
        {
            foreach (var n in later[a]) lists[n][filled[n]++] = a;
        }
        return lists;
    }

    // The other articles at least Threshold similar to `a` (ascending): every counted term of `a` adds its squared
    // weight to each article using it, which bounds the similarity closely; the exact dot product of the unit vectors
    // decides. With `after`, only later articles.
    private static int[] Probe(SignatureVectors vectors, int a, long[] accumulator, List<int> touched, int after = -1)
    {
        touched.Clear();
        var terms = vectors.Terms(a);
        foreach (var t in terms)
        {
            var weight = vectors.Weight(t);
            if (weight == 0) continue;
            var users = vectors.Postings(t);
            var from = after < 0 ? 0 : users.BinarySearch(after) + 1; // `after` is `a`, a user of its own terms
            foreach (var b in users[from..])
            {
                if (accumulator[b] == 0) touched.Add(b);
                accumulator[b] += weight;
            }
        }
        var candidates = CollectionsMarshal.AsSpan(touched);
        var found = 0; // the neighbours found are gathered at the front of the list, which is read ahead of them
        foreach (var b in candidates)
        {
            var shared = accumulator[b];
            accumulator[b] = 0;
            if (b == a || vectors.Approximate(a, b, shared) < EventClustering.Threshold - CandidateMargin) continue;
            if (SignatureVectors.Mean(vectors.Dot(a, b), 1) >= EventClustering.Threshold) candidates[found++] = b;
        }
        var result = candidates[..found].ToArray();
        Array.Sort(result); // the few found, not the thousands touched
        return result;
    }

    // Far above the difference fixed-point unit vectors make to a similarity (about the number of terms × 2^-30).
    private const double CandidateMargin = 1e-4;

    // Events numbered in order; an event whose number and articles did not change is the previous object.
    private static ImmutableArray<AgreementEvent> ToEvents(ImmutableArray<DocumentKey> keys, ImmutableArray<int[]> clusters, EventClusters? previous)
    {
        var events = ImmutableArray.CreateBuilder<AgreementEvent>(clusters.Length);
        for (var k = 0; k < clusters.Length; k++)
        {
            var reused = previous is not null && k < previous._clusters.Length &&
                         (ReferenceEquals(previous._clusters[k], clusters[k]) || previous._clusters[k].AsSpan().SequenceEqual(clusters[k]));
            events.Add(reused ? previous!.Events[k] : new AgreementEvent($"event-{k + 1}", [.. clusters[k].Select(i => keys[i])]));
        }
        return events.MoveToImmutable();
    }
}
