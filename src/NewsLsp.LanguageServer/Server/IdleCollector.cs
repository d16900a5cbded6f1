using NewsLsp.LanguageServer.JsonRpc;

namespace NewsLsp.LanguageServer.Server;

/// <summary>
/// Collects the youngest generation when the server has been idle for <see cref="QuietTime"/> and
/// <see cref="IdleCollectionPolicy"/> says its budget is mostly used, so that the collection falls between the user's
/// keystrokes instead of inside one. Anything arriving during the quiet time cancels the check.
/// </summary>
internal sealed class IdleCollector : IServerSessionListener, IDisposable
{
    /// <summary>How long nothing must arrive: a client sends the requests that follow an edit within a millisecond or two.</summary>
    public static readonly TimeSpan QuietTime = TimeSpan.FromMilliseconds(5);

    private readonly RequestExecutionQueue queue;
    private readonly IdleCollectionPolicy policy = new();
    private readonly Timer timer;
    private readonly object gate = new();
    private long armedAt = -1;
    private bool stopped;
    private long budget;              // the youngest generation's size before the runtime's own last collection
    private int collectionsRead = -1;
    private long ownCollection = -1;  // the index of the last collection made here (it says nothing about the budget)

    public IdleCollector(RequestExecutionQueue queue)
    {
        this.queue = queue;
        timer = new Timer(_ => CheckAfterQuiet(), null, Timeout.Infinite, Timeout.Infinite);
        queue.Idle += OnIdle;
    }

    private void OnIdle()
    {
        lock (gate)
        {
            if (stopped) return;
            armedAt = queue.Arrivals;
            timer.Change(QuietTime, Timeout.InfiniteTimeSpan);
        }
    }

    private void CheckAfterQuiet()
    {
        lock (gate)
        {
            if (stopped || queue.Busy != 0 || queue.Arrivals != armedAt) return;
            var collections = GC.CollectionCount(0);
            if (collections != collectionsRead)
            {
                collectionsRead = collections;
                var last = GC.GetGCMemoryInfo(GCKind.Ephemeral);
                if (last.Index != ownCollection && last.GenerationInfo.Length > 0) budget = last.GenerationInfo[0].SizeBeforeBytes;
            }
            if (!policy.ShouldCollect(GC.GetTotalAllocatedBytes(), collections, budget)) return;
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
            ownCollection = GC.GetGCMemoryInfo(GCKind.Ephemeral).Index;
            collectionsRead = GC.CollectionCount(0);
            policy.Collected(GC.GetTotalAllocatedBytes(), collectionsRead);
        }
    }

    public Task OnStoppingAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (stopped) return;
            stopped = true;
            queue.Idle -= OnIdle;
            timer.Dispose();
        }
    }
}
