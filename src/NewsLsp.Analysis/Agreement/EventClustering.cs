using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace NewsLsp.Analysis.Agreement;

/// <summary>A news event: the articles that report it (one article alone is an event too).</summary>
public sealed record AgreementEvent(string Id, ImmutableArray<DocumentKey> Documents)
{
    public bool IsMultiSource => Documents.Length > 1;
}

/// <summary>
/// Groups articles that report the same event: TF-IDF cosine similarity of their content signatures (content words,
/// names; quotes and numbers contribute through their words), then average-linkage agglomerative clustering that
/// merges two groups while their mean similarity is at least <see cref="Threshold"/>. Terms every article uses carry
/// no weight, so "Trump" or "Ucraina" alone never makes two articles one event.
/// </summary>
public static class EventClustering
{
    public const double Threshold = 0.07;

    /// <summary>
    /// Pairs below this similarity are not stored; their sum in a group mean is bounded instead (each is below it), and
    /// a mean whose bound matters for a decision is computed exactly from every pair. Below <see cref="Threshold"/>, so
    /// two groups with no stored pair can never merge.
    /// </summary>
    private const double Sparse = Threshold / 2;

    public static ImmutableArray<AgreementEvent> Cluster(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles)
    {
        var n = articles.Count;
        var vectors = Vectors(articles);
        var norms = vectors.Select(v => Math.Sqrt(v.Values.Sum(w => w * w))).ToArray();
        var groups = new AverageLinkage(n, vectors, norms);
        foreach (var (a, b, similarity) in PairsAtLeast(vectors, norms, Sparse)) groups.AddPair(a, b, similarity);
        var clusters = groups.Run();
        var ordered = clusters.Select(c => c.Select(i => articles[i].Key).Order().ToImmutableArray()).OrderBy(c => c[0]).ToList();
        return [.. ordered.Select((documents, i) => new AgreementEvent($"event-{i + 1}", documents))];
    }

    /// <summary>
    /// Greedy average-linkage clustering: repeatedly merges the two groups with the highest mean pairwise similarity
    /// (on ties the first pair in list order, groups listed by their first article) while it reaches the threshold;
    /// the merged group keeps the first group's place with the second's articles appended. The decisions and means are
    /// exactly those of the all-pairs algorithm (the mean of a chosen pair is summed over every article pair in member
    /// order, as LINQ's Average), but only groups linked by a stored pair are considered, through a priority queue on an
    /// upper bound of their mean, and a mean is computed exactly only when its bound reaches the top of the queue.
    /// </summary>
    private sealed class AverageLinkage(int n, Dictionary<string, double>[] vectors, double[] norms)
    {
        private sealed class Link
        {
            public double Sum;   // of the stored pairs between the two groups
            public long Stored;  // how many stored pairs
            public double Bound; // upper bound of the mean; the mean itself when Exact
            public bool Exact;
            public int Stamp;
        }

        private readonly List<int>?[] _members = [.. Enumerable.Range(0, n).Select(i => new List<int> { i })];
        private readonly Dictionary<int, Dictionary<int, Link>> _links = [];
        private readonly Dictionary<(int, int), double> _cosines = [];
        private readonly PriorityQueue<(int A, int B, int Stamp), (double Bound, int A, int B)> _queue =
            new(Comparer<(double Bound, int A, int B)>.Create((x, y) =>
                x.Bound != y.Bound ? y.Bound.CompareTo(x.Bound) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B)));

        public void AddPair(int a, int b, double similarity)
        {
            _cosines[(a, b)] = similarity;
            var link = LinkOf(a, b, create: true)!;
            link.Sum += similarity;
            link.Stored++;
            Refresh(a, b, link);
        }

        public List<List<int>> Run()
        {
            while (_queue.TryDequeue(out var entry, out _))
            {
                var (a, b, stamp) = entry;
                if (_members[a] is null || _members[b] is null || LinkOf(a, b, create: false) is not { } link || link.Stamp != stamp) continue;
                if (link.Bound < Threshold) break; // every other bound is lower still
                if (!link.Exact)
                {
                    link.Bound = ExactMean(a, b);
                    link.Exact = true;
                    Push(a, b, link);
                    continue;
                }
                Merge(a, b);
            }
            return [.. _members.OfType<List<int>>()];
        }

        private void Merge(int a, int b)
        {
            _members[a]!.AddRange(_members[b]!);
            _members[b] = null;
            var linksOfB = _links.Remove(b, out var l) ? l : [];
            _links.GetValueOrDefault(a)?.Remove(b);
            foreach (var (c, link) in linksOfB)
            {
                if (c == a) continue;
                _links[c].Remove(b);
                var joined = LinkOf(a, c, create: true)!;
                joined.Sum += link.Sum;
                joined.Stored += link.Stored;
            }
            foreach (var (c, link) in _links.GetValueOrDefault(a) ?? []) Refresh(a, c, link);
        }

        private void Refresh(int a, int b, Link link)
        {
            var pairs = (long)_members[a]!.Count * _members[b]!.Count;
            link.Exact = link.Stored == pairs && pairs == 1;
            link.Bound = link.Exact ? link.Sum : (link.Sum + (pairs - link.Stored) * Sparse) / pairs + 1e-9;
            Push(a, b, link);
        }

        private void Push(int a, int b, Link link)
        {
            link.Stamp++;
            var (first, second) = a < b ? (a, b) : (b, a);
            _queue.Enqueue((first, second, link.Stamp), (link.Bound, first, second));
        }

        private Link? LinkOf(int a, int b, bool create)
        {
            if (_links.TryGetValue(a, out var ofA) && ofA.TryGetValue(b, out var link)) return link;
            if (!create) return null;
            link = new Link();
            (ofA ??= _links[a] = [])[b] = link;
            (_links.TryGetValue(b, out var ofB) ? ofB : _links[b] = [])[a] = link;
            return link;
        }

        // The mean over every article pair, summed in member order (the lower group first), as the all-pairs algorithm does.
        private double ExactMean(int a, int b)
        {
            var (first, second) = a < b ? (_members[a]!, _members[b]!) : (_members[b]!, _members[a]!);
            var sum = 0.0;
            var count = 0L;
            foreach (var x in first)
            foreach (var y in second) { sum += Similarity(x, y); count++; }
            return sum / count;
        }

        private double Similarity(int x, int y)
        {
            var key = x < y ? (x, y) : (y, x);
            if (!_cosines.TryGetValue(key, out var value)) _cosines[key] = value = Cosine(vectors, norms, key.Item1, key.Item2);
            return value;
        }
    }

    // Every pair (a < b) whose cosine similarity is at least `minimum`. An article's terms are taken heaviest first; once
    // the remaining ones weigh less than `minimum` (as a unit vector's part) they cannot make a pair reach it alone
    // (Cauchy–Schwarz), so such a pair shares one of the heavier terms: only those are looked up, their products summed,
    // and the exact similarity computed only where that partial sum plus the rest's bound can reach `minimum`.
    private static IEnumerable<(int A, int B, double Similarity)> PairsAtLeast(Dictionary<string, double>[] vectors, double[] norms, double minimum)
    {
        // Each term's articles with the term's weight in their unit vector.
        var postings = new Dictionary<string, List<(int Article, double Weight)>>(StringComparer.Ordinal);
        for (var i = 0; i < vectors.Length; i++)
        {
            if (norms[i] == 0) continue;
            foreach (var (term, weight) in vectors[i])
            {
                if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
                list.Add((i, weight / norms[i]));
            }
        }
        var partial = new double[vectors.Length];
        var touched = new List<int>();
        for (var a = 0; a < vectors.Length; a++)
        {
            if (norms[a] == 0) continue;
            var terms = vectors[a].OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            var rest = 0.0;
            var prefix = terms.Count;
            // A margin keeps rounding from ever dropping a pair.
            var bound = minimum * minimum * 0.98;
            while (prefix > 0 && rest + Square(terms[prefix - 1].Value / norms[a]) < bound) rest += Square(terms[--prefix].Value / norms[a]);
            var restNorm = Math.Sqrt(rest);
            touched.Clear();
            for (var t = 0; t < prefix; t++)
            {
                var weight = terms[t].Value / norms[a];
                foreach (var (b, other) in CollectionsMarshal.AsSpan(postings[terms[t].Key]))
                {
                    if (b <= a) continue;
                    if (partial[b] == 0) touched.Add(b);
                    partial[b] += weight * other;
                }
            }
            foreach (var b in touched)
            {
                var reachable = partial[b] + restNorm >= minimum * 0.98;
                partial[b] = 0;
                if (!reachable) continue;
                var similarity = Cosine(vectors, norms, a, b);
                if (similarity >= minimum) yield return (a, b, similarity);
            }
        }
    }

    private static double Square(double x) => x * x;

    private static Dictionary<string, double>[] Vectors(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles)
    {
        var n = articles.Count;
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, facts) in articles) foreach (var term in facts.Signature) df[term] = df.GetValueOrDefault(term) + 1;
        // Smoothed so that two articles alone still compare: a term all articles share weighs little, never nothing.
        return [.. articles.Select(a => a.Facts.Signature.ToDictionary(t => t, t => Math.Log((n + 1.0) / df[t]), StringComparer.Ordinal))];
    }

    private static double Cosine(Dictionary<string, double>[] vectors, double[] norms, int a, int b)
    {
        if (norms[a] == 0 || norms[b] == 0) return 0;
        var (small, large) = vectors[a].Count <= vectors[b].Count ? (vectors[a], vectors[b]) : (vectors[b], vectors[a]);
        var dot = small.Sum(kv => large.TryGetValue(kv.Key, out var w) ? kv.Value * w : 0);
        return dot / (norms[a] * norms[b]);
    }

    /// <summary>Every pairwise similarity (for inspection: <c>NewsLsp.Bench.Agreement --verbose</c>); clustering reads only the pairs it needs.</summary>
    public static double[,] Similarities(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles)
    {
        var n = articles.Count;
        var vectors = Vectors(articles);
        var norms = vectors.Select(v => Math.Sqrt(v.Values.Sum(w => w * w))).ToArray();
        var result = new double[n, n];
        for (var a = 0; a < n; a++)
        for (var b = a + 1; b < n; b++)
            result[a, b] = result[b, a] = Cosine(vectors, norms, a, b);
        return result;
    }
}
