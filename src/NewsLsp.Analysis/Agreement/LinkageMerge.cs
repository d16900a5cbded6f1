namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// One merge of an average-linkage run: groups <paramref name="A"/> &lt; <paramref name="B"/>, each named by its first
/// article, joined at mean similarity <paramref name="Mean"/>. A run's merges in order are what the next run replays.
/// </summary>
internal readonly record struct LinkageMerge(int A, int B, double Mean) : IComparable<LinkageMerge>
{
    /// <summary>Run order (see <see cref="Precedes"/>): a priority queue of merges compares through the default comparer, which the JIT calls directly.</summary>
    public int CompareTo(LinkageMerge other) => this == other ? 0 : Precedes(other) ? -1 : 1;

    /// <summary>Whether this merge comes before <paramref name="other"/> in a run: higher mean first, then the pair in order.</summary>
    public bool Precedes(LinkageMerge other) =>
        Mean != other.Mean ? Mean > other.Mean : A != other.A ? A < other.A : B < other.B;
}
