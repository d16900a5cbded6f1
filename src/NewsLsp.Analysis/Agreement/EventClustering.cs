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
/// little weight, and terms used by more than a tenth of a large corpus none (<see cref="SignatureVectors"/>), so
/// "Trump" or "Ucraina" alone never makes two articles one event. <see cref="EventClusters"/> does the work and
/// updates it incrementally.
/// </summary>
public static class EventClustering
{
    public const double Threshold = 0.07;

    public static ImmutableArray<AgreementEvent> Cluster(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles) =>
        EventClusters.Compute(articles).Events;

    /// <summary>Every pairwise similarity, articles in the given order (for inspection: <c>NewsLsp.Bench.Agreement --verbose</c>, and the all-pairs reference in tests).</summary>
    public static double[,] Similarities(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles)
    {
        var n = articles.Count;
        var vectors = SignatureVectors.Create([.. articles.Select(a => a.Facts.Signature)]);
        var result = new double[n, n];
        for (var a = 0; a < n; a++)
        for (var b = a + 1; b < n; b++)
            result[a, b] = result[b, a] = SignatureVectors.Mean(vectors.Dot(a, b), 1);
        return result;
    }
}
