using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace NewsLsp.LanguageServer.JsonRpc;

/// <summary>
/// Orders work the way Roslyn's RequestExecutionQueue does: items leave the queue in arrival order;
/// a mutating item runs to completion before the next item starts, so edits apply strictly in order;
/// a read item captures its state synchronously (seeing every earlier edit and no later one), then
/// runs concurrently with whatever follows — at most <see cref="MaxConcurrentReads"/> at a time. Reads are
/// CPU-bound and many of them wait on the same snapshot memo; unbounded, a burst of pulls parks one pool
/// thread each and the pool injects more (82–107 threads in the soak). Reads beyond the bound wait asynchronously, holding no thread.
/// </summary>
public sealed class RequestExecutionQueue
{
    private readonly Channel<QueueItem> items = Channel.CreateUnbounded<QueueItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger logger;
    private readonly Task loop;
    private int runningReads;
    private readonly TaskCompletionSource readsDrained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly SemaphoreSlim readSlots;
    private int busy;
    private long arrivals;

    /// <summary>Items queued or running.</summary>
    public int Busy => Volatile.Read(ref busy);

    /// <summary>Items ever queued: equal readings around a wait mean nothing arrived in between.</summary>
    public long Arrivals => Interlocked.Read(ref arrivals);

    /// <summary>Raised, on the thread that finished it, when the last queued or running item is done.</summary>
    public event Action? Idle;

    /// <summary>Reads running at once; the rest wait (asynchronously) in arrival order.</summary>
    public int MaxConcurrentReads { get; }

    /// <summary>One read per core by default: more cannot run faster, only block more threads.</summary>
    public static int DefaultMaxConcurrentReads => Math.Max(2, Environment.ProcessorCount);

    public RequestExecutionQueue(ILogger logger)
    {
        this.logger = logger;
        MaxConcurrentReads = DefaultMaxConcurrentReads;
        readSlots = new SemaphoreSlim(MaxConcurrentReads, MaxConcurrentReads);
        loop = Task.Run(RunAsync);
    }

    /// <summary>Queues a mutation; it runs alone, after everything queued before it has started and every earlier mutation has finished.</summary>
    public void EnqueueMutation(Func<Task> mutation) => Post(new QueueItem(mutation, null, default));

    /// <summary>
    /// Queues a read. <paramref name="prepare"/> runs on the queue (capture the snapshot there);
    /// the task it returns runs concurrently with later items.
    /// </summary>
    /// <remarks>Once <paramref name="cancelled"/> fires, a read still waiting for a slot runs without one, so it answers its cancellation at once.</remarks>
    public void EnqueueRead(Func<Func<Task>> prepare, CancellationToken cancelled = default) => Post(new QueueItem(null, prepare, cancelled));

    /// <summary>Stops taking work and waits for queued mutations and running reads to finish.</summary>
    public async Task DrainAsync()
    {
        items.Writer.TryComplete();
        await loop.ConfigureAwait(false);
        if (Interlocked.Decrement(ref runningReads) < 0) readsDrained.TrySetResult();
        await readsDrained.Task.ConfigureAwait(false);
    }

    private void Post(QueueItem item)
    {
        Interlocked.Increment(ref busy);
        Interlocked.Increment(ref arrivals);
        if (items.Writer.TryWrite(item)) return;
        logger.LogWarning("Work arrived after the queue was drained; it was dropped");
        Finished();
    }

    private void Finished()
    {
        if (Interlocked.Decrement(ref busy) != 0) return;
        try { Idle?.Invoke(); }
        catch (Exception ex) { logger.LogError(ex, "An idle listener failed"); }
    }

    private async Task RunAsync()
    {
        await foreach (var item in items.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                if (item.Mutation is not null)
                {
                    try { await item.Mutation().ConfigureAwait(false); }
                    finally { Finished(); }
                    continue;
                }
                Func<Task> run;
                try { run = item.Prepare!(); }
                catch
                {
                    Finished();
                    throw;
                }
                // Asked for here, on the queue, so slots are handed out in arrival order (SemaphoreSlim serves async waiters FIFO).
                var slotTask = readSlots.WaitAsync(item.Cancelled);
                Interlocked.Increment(ref runningReads);
                _ = Task.Run(async () =>
                {
                    // Waiting here holds no thread.
                    var slot = false;
                    try
                    {
                        await slotTask.ConfigureAwait(false);
                        slot = true;
                    }
                    catch (OperationCanceledException) { }
                    try { await run().ConfigureAwait(false); }
                    catch (Exception ex) { logger.LogError(ex, "A read failed outside its own error handling"); }
                    finally
                    {
                        if (slot) readSlots.Release();
                        if (Interlocked.Decrement(ref runningReads) < 0) readsDrained.TrySetResult();
                        Finished();
                    }
                });
            }
            catch (Exception ex)
            {
                // Items answer their own errors; this only guards the queue itself.
                logger.LogError(ex, "A queued item failed outside its own error handling");
            }
        }
    }

    private sealed record QueueItem(Func<Task>? Mutation, Func<Func<Task>>? Prepare, CancellationToken Cancelled);
}
