namespace NewsLsp.Analysis;

/// <summary>
/// One instance of each diagnostic message and related-location message: findings are kept for every article of the
/// workspace, and the same messages recur across them (at 10,000 articles, 74,000 messages held about 10,000 distinct
/// texts — 20 MB of copies). A table of its own, so long messages do not evict the words of <see cref="Agreement.SharedStrings"/>.
/// </summary>
internal static class DiagnosticMessages
{
    private static readonly LossyStringTable Table = new(slotBits: 15);

    public static string Share(string message) => Table.Share(message, message);
}
