using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace NewsLsp.LanguageServer.JsonRpc;

/// <summary>
/// Orders work the way Roslyn's RequestExecutionQueue does: items leave the queue in arrival order;
/// a mutating item runs to completion before the next item starts, so edits apply strictly in order;
/// a read item captures its state synchronously (seeing every earlier edit and no later one), then
/// runs concurrently with whatever follows.
/// </summary>
public sealed class RequestExecutionQueue
{
    private readonly Channel<QueueItem> items = Channel.CreateUnbounded<QueueItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger logger;
    private readonly Task loop;
    private int runningReads;
    private readonly TaskCompletionSource readsDrained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RequestExecutionQueue(ILogger logger)
    {
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Queues a mutation; it runs alone, after everything queued before it has started and every earlier mutation has finished.</summary>
    public void EnqueueMutation(Func<Task> mutation) => Post(new QueueItem(mutation, null));

    /// <summary>
    /// Queues a read. <paramref name="prepare"/> runs on the queue (capture the snapshot there);
    /// the task it returns runs concurrently with later items.
    /// </summary>
    public void EnqueueRead(Func<Func<Task>> prepare) => Post(new QueueItem(null, prepare));

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
        if (!items.Writer.TryWrite(item)) logger.LogWarning("Work arrived after the queue was drained; it was dropped");
    }

    private async Task RunAsync()
    {
        await foreach (var item in items.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                if (item.Mutation is not null)
                {
                    await item.Mutation().ConfigureAwait(false);
                    continue;
                }
                var run = item.Prepare!();
                Interlocked.Increment(ref runningReads);
                _ = Task.Run(async () =>
                {
                    try { await run().ConfigureAwait(false); }
                    catch (Exception ex) { logger.LogError(ex, "A read failed outside its own error handling"); }
                    finally
                    {
                        if (Interlocked.Decrement(ref runningReads) < 0) readsDrained.TrySetResult();
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

    private sealed record QueueItem(Func<Task>? Mutation, Func<Func<Task>>? Prepare);
}
