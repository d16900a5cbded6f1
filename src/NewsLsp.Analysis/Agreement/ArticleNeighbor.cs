namespace NewsLsp.Analysis.Agreement;

/// <summary>An article at least <see cref="EventClustering.Threshold"/> similar to another, with the exact dot product of their unit vectors.</summary>
internal readonly record struct ArticleNeighbor(int Article, long Dot);
