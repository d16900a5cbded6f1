namespace NewsLsp.LanguageServer.Server;

/// <summary>
/// Decides, each time the server falls idle, whether to collect the youngest generation now rather than let the
/// runtime do it in the middle of the next request. The runtime collects when the allocations since its last
/// collection reach its budget; this policy learns that budget from the collections the runtime makes on its own and
/// says yes once <see cref="Fraction"/> of it is used. Plain arithmetic over readings it is given: unit-tested without a GC.
/// </summary>
/// <remarks>
/// Why: a keystroke allocates a few hundred KB, so every few dozen keystrokes one of them paid for a collection —
/// 3-7 ms in a 10,000-article workspace, where the old generations are large — and those keystrokes were the p99.
/// Collected while the user is between keystrokes, the same work no longer lands on one.
/// </remarks>
internal sealed class IdleCollectionPolicy
{
    /// <summary>The part of the learnt budget after which an idle moment is used to collect.</summary>
    public const double Fraction = 0.75;

    private long allocatedAtLastCollection;
    private long lastReading;
    private int collectionsSeen = -1;
    private long budget; // 0 until the runtime has collected on its own once after a known collection

    /// <summary>What the policy takes the runtime's budget to be, in bytes (0: not learnt yet).</summary>
    public long LearntBudget => budget;

    /// <param name="allocated">Bytes allocated by the process so far (<see cref="GC.GetTotalAllocatedBytes"/>).</param>
    /// <param name="collections">Collections of the youngest generation so far (<see cref="GC.CollectionCount"/> of 0).</param>
    public bool ShouldCollect(long allocated, int collections)
    {
        if (collectionsSeen < 0)
        {
            Start(allocated, collections);
            return false;
        }
        if (collections != collectionsSeen)
        {
            // The runtime collected since the last reading, at some point after it: the reading is the best estimate of
            // when (off by at most what one request allocates). Only a single collection since a known one measures a budget.
            if (collections == collectionsSeen + 1) budget = Math.Max(0, lastReading - allocatedAtLastCollection);
            allocatedAtLastCollection = lastReading;
            collectionsSeen = collections;
        }
        lastReading = allocated;
        return budget > 0 && allocated - allocatedAtLastCollection >= budget * Fraction;
    }

    /// <summary>Records a collection made on the policy's advice (it starts a new budget, and teaches nothing about its size).</summary>
    public void Collected(long allocated, int collections) => Start(allocated, collections);

    private void Start(long allocated, int collections)
    {
        allocatedAtLastCollection = allocated;
        lastReading = allocated;
        collectionsSeen = collections;
    }
}
