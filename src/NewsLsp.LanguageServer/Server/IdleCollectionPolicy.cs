namespace NewsLsp.LanguageServer.Server;

/// <summary>
/// Decides, each time the server falls idle, whether to collect the youngest generation now rather than let the
/// runtime do it in the middle of the next request. The runtime collects when what was allocated since its last
/// collection reaches its budget; the policy says yes once <see cref="Fraction"/> of that budget is used. Plain
/// arithmetic over the readings it is given: unit-tested without a GC.
/// </summary>
/// <remarks>
/// Why: a keystroke allocates a few hundred KB, so every few dozen keystrokes one of them paid for a collection —
/// 3-7 ms in a 10,000-article workspace, where the old generations are large — and those keystrokes were the p99.
/// Collected while the user is between keystrokes, the same work no longer lands on one.
/// </remarks>
internal sealed class IdleCollectionPolicy
{
    /// <summary>The part of the budget after which an idle moment is used to collect.</summary>
    public const double Fraction = 0.75;

    private long allocatedAtLastCollection;
    private long lastReading;
    private int collectionsSeen = -1;

    /// <param name="allocated">Bytes allocated by the process so far (<see cref="GC.GetTotalAllocatedBytes"/>).</param>
    /// <param name="collections">Collections of the youngest generation so far (<see cref="GC.CollectionCount"/> of 0).</param>
    /// <param name="budget">
    /// What the runtime allocates between two collections of its own (the youngest generation's size before the last
    /// one it made), in bytes; 0 when not known yet.
    /// </param>
    public bool ShouldCollect(long allocated, int collections, long budget)
    {
        if (collectionsSeen < 0)
        {
            Collected(allocated, collections);
            return false;
        }
        if (collections != collectionsSeen)
        {
            // The runtime collected since the last reading, at some point after it: the reading is the best estimate of
            // when (off by at most what the request that crossed the budget allocated before it).
            allocatedAtLastCollection = lastReading;
            collectionsSeen = collections;
        }
        lastReading = allocated;
        return budget > 0 && allocated - allocatedAtLastCollection >= (long)(budget * Fraction);
    }

    /// <summary>Records a collection (one made on the policy's advice, or the readings' start): a new budget begins.</summary>
    public void Collected(long allocated, int collections)
    {
        allocatedAtLastCollection = allocated;
        lastReading = allocated;
        collectionsSeen = collections;
    }
}
