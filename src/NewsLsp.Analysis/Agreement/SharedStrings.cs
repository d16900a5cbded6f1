namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// One instance of each word the per-article summaries keep: stems and normalised words of the agreement summaries
/// (quotes, number contexts, signatures), the texts of numbers and entity mentions and the words of names. The same
/// few tens of thousands of words recur in every article, and a separate string for each use made the summaries as
/// large as the syntax trees.
/// </summary>
/// <remarks>
/// Lossy (<see cref="LossyStringTable"/>): a pool that only grew kept every word ever typed in a long session alive —
/// in the soak, about 500 new strings a second, 2–3 MiB a minute until its cap — whereas this one holds at most 2^17
/// strings.
/// </remarks>
public static class SharedStrings
{
    // 2^17 slots: 1 MiB of references; enough for the vocabulary of a 10,000-article corpus's frequent words.
    private static readonly LossyStringTable Table = new(slotBits: 17);

    /// <inheritdoc cref="LossyStringTable.Share"/>
    public static string Share(ReadOnlySpan<char> value, string? whole) => Table.Share(value, whole);

    public static string Share(string value) => Share(value, value);

    /// <summary>The shared instance of a string that may be absent.</summary>
    public static string? ShareOptional(string? value) => value is null ? null : Share(value, value);
}
