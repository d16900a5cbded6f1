using Microsoft.Extensions.Logging.Abstractions;
using NewsLsp.LanguageServer.JsonRpc;

namespace NewsLsp.LanguageServer.Tests;

/// <summary>The queue says when its last item is done (the idle collector waits for that): not before, and every time.</summary>
public sealed class QueueIdleTests
{
    [Fact]
    public async Task Idle_is_raised_once_the_last_mutation_and_read_are_done_and_not_while_one_runs()
    {
        var queue = new RequestExecutionQueue(NullLogger.Instance);
        var idle = 0;
        var busyWhenIdle = new List<int>();
        queue.Idle += () => { Interlocked.Increment(ref idle); lock (busyWhenIdle) busyWhenIdle.Add(queue.Busy); };
        var releaseRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var readStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        queue.EnqueueMutation(() => Task.Delay(20));
        queue.EnqueueRead(() => async () => { readStarted.SetResult(); await releaseRead.Task; });
        queue.EnqueueMutation(() => Task.CompletedTask);
        Assert.Equal(3, queue.Arrivals);
        await readStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(50);
        Assert.Equal(0, Volatile.Read(ref idle)); // the read still runs
        Assert.Equal(1, queue.Busy);

        releaseRead.SetResult();
        await WaitUntil(() => Volatile.Read(ref idle) == 1);
        Assert.Equal(0, queue.Busy);

        queue.EnqueueMutation(() => throw new InvalidOperationException("a failing item still finishes"));
        await WaitUntil(() => Volatile.Read(ref idle) == 2);
        Assert.All(busyWhenIdle, b => Assert.Equal(0, b));
        await queue.DrainAsync();
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
