namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// Greedy average-linkage clustering of some articles: repeatedly merges the two groups with the highest mean pairwise
/// similarity (on ties the first pair in list order, groups listed by their first article) while it reaches the
/// threshold; the merged group keeps the first group's place. A group's mean similarity to another is at most its
/// largest pair, so only groups linked by a pair at the threshold are ever compared; and as similarities are dot
/// products of fixed-point unit vectors, the mean is exactly the dot product of the two groups' summed vectors divided
/// by the number of pairs — computed once per link, in integers, with no rounding to depend on the order of members.
/// </summary>
internal sealed class AverageLinkage
{
    private readonly List<int>?[] _members;
    private readonly Centroid?[] _sums;
    private readonly HashSet<int>?[] _linked;
    private readonly int[] _version;
    private readonly long[] _scratch;
    private readonly PriorityQueue<(int A, int VersionA, int B, int VersionB), (double Mean, int A, int B)> _queue =
        new(Comparer<(double Mean, int A, int B)>.Create((x, y) =>
            x.Mean != y.Mean ? y.Mean.CompareTo(x.Mean) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B)));

    /// <param name="vectors">The articles' vectors.</param>
    /// <param name="articles">The articles to cluster, ascending; groups are numbered by position.</param>
    /// <param name="scratch">A zeroed buffer of <see cref="SignatureVectors.TermCount"/> longs, zeroed again on return.</param>
    public AverageLinkage(SignatureVectors vectors, IReadOnlyList<int> articles, long[] scratch)
    {
        var n = articles.Count;
        _members = new List<int>?[n];
        _sums = new Centroid?[n];
        _linked = new HashSet<int>?[n];
        _version = new int[n];
        _scratch = scratch;
        for (var i = 0; i < n; i++)
        {
            _members[i] = [articles[i]];
            _sums[i] = Centroid.Of(vectors, articles[i]);
            _linked[i] = [];
        }
    }

    /// <summary>Links groups <paramref name="a"/> &lt; <paramref name="b"/> (single articles) whose dot product reaches the threshold.</summary>
    public void AddPair(int a, int b, long dot)
    {
        _linked[a]!.Add(b);
        _linked[b]!.Add(a);
        Push(a, b, SignatureVectors.Mean(dot, 1));
    }

    /// <summary>The clusters, as lists of the articles given.</summary>
    public List<List<int>> Run()
    {
        while (_queue.TryDequeue(out var entry, out var priority))
        {
            var (a, versionA, b, versionB) = entry;
            if (_members[a] is null || _members[b] is null || _version[a] != versionA || _version[b] != versionB) continue;
            if (priority.Mean < EventClustering.Threshold) break; // every other mean is lower still
            Merge(a, b);
        }
        return [.. _members.OfType<List<int>>()];
    }

    private void Merge(int a, int b)
    {
        _members[a]!.AddRange(_members[b]!);
        _members[b] = null;
        _sums[a] = _sums[a]!.Plus(_sums[b]!);
        _sums[b] = null;
        var linked = _linked[a]!;
        linked.UnionWith(_linked[b]!);
        linked.Remove(a);
        linked.Remove(b);
        foreach (var c in _linked[b]!)
        {
            if (c == a) continue;
            _linked[c]!.Remove(b);
            _linked[c]!.Add(a);
        }
        _linked[b] = null;
        _version[a]++;
        _version[b]++;
        var sum = _sums[a]!;
        sum.Scatter(_scratch);
        foreach (var c in linked)
        {
            var pairs = (long)_members[a]!.Count * _members[c]!.Count;
            var (first, second) = a < c ? (a, c) : (c, a);
            Push(first, second, SignatureVectors.Mean(_sums[c]!.Dot(_scratch), pairs));
        }
        sum.Clear(_scratch);
    }

    private void Push(int a, int b, double mean) => _queue.Enqueue((a, _version[a], b, _version[b]), (mean, a, b));

    /// <summary>A group's summed fixed-point unit vectors, by ascending term.</summary>
    private sealed class Centroid(int[] terms, long[] sums)
    {
        public static Centroid Of(SignatureVectors vectors, int article)
        {
            var terms = vectors.Terms(article);
            var units = vectors.Units(article);
            var kept = new List<int>(terms.Length);
            var sums = new List<long>(terms.Length);
            for (var k = 0; k < terms.Length; k++)
            {
                if (units[k] == 0) continue;
                kept.Add(terms[k]);
                sums.Add(units[k]);
            }
            return new Centroid([.. kept], [.. sums]);
        }

        public Centroid Plus(Centroid other)
        {
            var t = new List<int>(terms.Length + other.Terms.Length);
            var s = new List<long>(t.Capacity);
            int i = 0, j = 0;
            while (i < terms.Length || j < other.Terms.Length)
            {
                if (j == other.Terms.Length || (i < terms.Length && terms[i] < other.Terms[j])) { t.Add(terms[i]); s.Add(sums[i++]); }
                else if (i == terms.Length || other.Terms[j] < terms[i]) { t.Add(other.Terms[j]); s.Add(other.Sums[j++]); }
                else { t.Add(terms[i]); s.Add(sums[i++] + other.Sums[j++]); }
            }
            return new Centroid([.. t], [.. s]);
        }

        public int[] Terms => terms;
        public long[] Sums => sums;

        public void Scatter(long[] dense) { for (var k = 0; k < terms.Length; k++) dense[terms[k]] = sums[k]; }
        public void Clear(long[] dense) { foreach (var t in terms) dense[t] = 0; }

        public Int128 Dot(long[] dense)
        {
            Int128 dot = 0;
            for (var k = 0; k < terms.Length; k++)
            {
                var other = dense[terms[k]];
                if (other != 0) dot += (Int128)sums[k] * other;
            }
            return dot;
        }
    }
}
