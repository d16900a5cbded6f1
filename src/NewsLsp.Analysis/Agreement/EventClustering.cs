using System.Collections.Immutable;

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

    public static ImmutableArray<AgreementEvent> Cluster(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles)
    {
        var n = articles.Count;
        var vectors = Vectors(articles);
        var norms = vectors.Select(v => Math.Sqrt(v.Values.Sum(w => w * w))).ToArray();

        // Two groups merge only while their mean similarity reaches the threshold, so some pair of their articles
        // does: events never cross the connected components of the graph of pairs at or above the threshold. Those
        // pairs are found through an inverted index; average linkage then runs per component, exactly as it would
        // over the whole corpus (components do not interact), so the result is that of the all-pairs algorithm.
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        foreach (var (a, b) in PairsAtThreshold(vectors, norms)) parent[Find(a)] = Find(b);

        var clusters = new List<List<int>>();
        foreach (var component in Enumerable.Range(0, n).GroupBy(Find))
        {
            var members = component.ToList(); // ascending: the order the all-pairs algorithm lists them in
            if (members.Count == 1) clusters.Add(members);
            else clusters.AddRange(AverageLinkage(members, vectors, norms));
        }
        var ordered = clusters.Select(c => c.Select(i => articles[i].Key).Order().ToImmutableArray()).OrderBy(c => c[0]).ToList();
        return [.. ordered.Select((documents, i) => new AgreementEvent($"event-{i + 1}", documents))];
    }

    // Greedy average-linkage clustering of one component: repeatedly merges the pair of groups with the highest mean
    // similarity (the first such pair in list order on ties) while it reaches the threshold. The merged group keeps the
    // first group's place, with the second's members appended; means are summed in member order, as LINQ's Average.
    private static List<List<int>> AverageLinkage(List<int> members, Dictionary<string, double>[] vectors, double[] norms)
    {
        var m = members.Count;
        var similarity = new double[m, m];
        for (var a = 0; a < m; a++)
        for (var b = a + 1; b < m; b++)
            similarity[a, b] = similarity[b, a] = Cosine(vectors, norms, members[a], members[b]);

        // Groups by id; ids increase with list position and a merge keeps the lower id, so id order is list order.
        var groups = Enumerable.Range(0, m).Select(i => (List<int>?)new List<int> { i }).ToArray();
        var score = new double[m, m];
        for (var a = 0; a < m; a++)
        for (var b = a + 1; b < m; b++)
            score[a, b] = similarity[a, b];
        while (true)
        {
            var best = (A: -1, B: -1, Score: Threshold);
            for (var a = 0; a < m; a++)
            {
                if (groups[a] is null) continue;
                for (var b = a + 1; b < m; b++)
                {
                    if (groups[b] is null) continue;
                    var s = score[a, b];
                    if (s >= best.Score && (best.A < 0 || s > best.Score)) best = (a, b, s);
                }
            }
            if (best.A < 0) break;
            groups[best.A]!.AddRange(groups[best.B]!);
            groups[best.B] = null;
            for (var c = 0; c < m; c++)
            {
                if (c == best.A || groups[c] is null) continue;
                var (first, second) = c < best.A ? (groups[c]!, groups[best.A]!) : (groups[best.A]!, groups[c]!);
                var sum = 0.0;
                var count = 0;
                foreach (var x in first)
                foreach (var y in second) { sum += similarity[x, y]; count++; }
                var mean = sum / count;
                if (c < best.A) score[c, best.A] = mean; else score[best.A, c] = mean;
            }
        }
        return [.. groups.OfType<List<int>>().Select(g => g.Select(i => members[i]).ToList())];
    }

    // Every pair (a < b) whose cosine similarity reaches the threshold. An article's terms are taken heaviest first; once
    // the remaining ones weigh less than the threshold (as a unit vector's part), they cannot make a pair reach it alone
    // (Cauchy–Schwarz), so a pair at the threshold shares one of the article's heavier terms: only those are looked up.
    private static IEnumerable<(int A, int B)> PairsAtThreshold(Dictionary<string, double>[] vectors, double[] norms)
    {
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < vectors.Length; i++)
        {
            foreach (var term in vectors[i].Keys)
            {
                if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
                list.Add(i);
            }
        }
        var seen = new HashSet<int>();
        for (var a = 0; a < vectors.Length; a++)
        {
            if (norms[a] == 0) continue;
            var terms = vectors[a].OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            var rest = 0.0;
            var prefix = terms.Count;
            // A margin below the threshold keeps rounding from ever dropping a pair.
            const double Bound = Threshold * Threshold * 0.98;
            while (prefix > 0 && rest + Square(terms[prefix - 1].Value / norms[a]) < Bound) rest += Square(terms[--prefix].Value / norms[a]);
            seen.Clear();
            for (var t = 0; t < prefix; t++)
            {
                foreach (var b in postings[terms[t].Key])
                {
                    if (b <= a || !seen.Add(b) || norms[b] == 0) continue;
                    if (Cosine(vectors, norms, a, b) >= Threshold) yield return (a, b);
                }
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
