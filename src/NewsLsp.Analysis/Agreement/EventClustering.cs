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
        var similarity = Similarities(articles);
        var clusters = Enumerable.Range(0, n).Select(i => new List<int> { i }).ToList();
        while (true)
        {
            var best = (A: -1, B: -1, Score: Threshold);
            for (var a = 0; a < clusters.Count; a++)
            for (var b = a + 1; b < clusters.Count; b++)
            {
                var score = clusters[a].SelectMany(x => clusters[b].Select(y => similarity[x, y])).Average();
                if (score >= best.Score && (best.A < 0 || score > best.Score)) best = (a, b, score);
            }
            if (best.A < 0) break;
            clusters[best.A].AddRange(clusters[best.B]);
            clusters.RemoveAt(best.B);
        }
        var ordered = clusters.Select(c => c.Select(i => articles[i].Key).Order().ToImmutableArray()).OrderBy(c => c[0]).ToList();
        return [.. ordered.Select((documents, i) => new AgreementEvent($"event-{i + 1}", documents))];
    }

    public static double[,] Similarities(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles)
    {
        var n = articles.Count;
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, facts) in articles) foreach (var term in facts.Signature) df[term] = df.GetValueOrDefault(term) + 1;
        // Smoothed so that two articles alone still compare: a term all articles share weighs little, never nothing.
        var vectors = articles.Select(a => a.Facts.Signature.ToDictionary(t => t, t => Math.Log((n + 1.0) / df[t]), StringComparer.Ordinal)).ToArray();
        var norms = vectors.Select(v => Math.Sqrt(v.Values.Sum(w => w * w))).ToArray();
        var result = new double[n, n];
        for (var a = 0; a < n; a++)
        for (var b = a + 1; b < n; b++)
        {
            if (norms[a] == 0 || norms[b] == 0) continue;
            var (small, large) = vectors[a].Count <= vectors[b].Count ? (vectors[a], vectors[b]) : (vectors[b], vectors[a]);
            var dot = small.Sum(kv => large.TryGetValue(kv.Key, out var w) ? kv.Value * w : 0);
            result[a, b] = result[b, a] = dot / (norms[a] * norms[b]);
        }
        return result;
    }
}
