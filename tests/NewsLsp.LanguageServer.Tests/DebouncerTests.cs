using NewsLsp.LanguageServer.Documents;

namespace NewsLsp.LanguageServer.Tests;

public sealed class DebouncerTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(40);

    [Fact]
    public async Task A_burst_of_triggers_runs_the_action_once_after_the_quiet_time()
    {
        var runs = 0;
        // A long quiet time: the burst must not outlast it even on a loaded machine.
        await using var debouncer = new Debouncer(TimeSpan.FromMilliseconds(500), _ => { Interlocked.Increment(ref runs); return Task.CompletedTask; }, ex => throw ex);
        for (var i = 0; i < 20; i++) debouncer.Trigger();
        Assert.Equal(0, Volatile.Read(ref runs));
        await debouncer.IdleAsync();
        Assert.Equal(1, Volatile.Read(ref runs));
    }

    [Fact]
    public async Task A_trigger_during_a_run_runs_again_afterwards_and_never_alongside()
    {
        var running = 0;
        var runs = 0;
        var overlapped = false;
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var debouncer = new Debouncer(Quiet, async _ =>
        {
            if (Interlocked.Increment(ref running) > 1) overlapped = true;
            if (Interlocked.Increment(ref runs) == 1)
            {
                firstStarted.SetResult();
                await releaseFirst.Task;
            }
            Interlocked.Decrement(ref running);
        }, ex => throw ex);

        debouncer.Trigger();
        await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        debouncer.Trigger();
        await Task.Delay(Quiet * 3);
        Assert.Equal(1, Volatile.Read(ref runs)); // the second waits for the first
        releaseFirst.SetResult();
        await debouncer.IdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, Volatile.Read(ref runs));
        Assert.False(overlapped);
    }

    [Fact]
    public async Task A_failing_run_is_reported_and_later_triggers_still_run()
    {
        var errors = new List<Exception>();
        var runs = 0;
        await using var debouncer = new Debouncer(Quiet, _ =>
        {
            if (Interlocked.Increment(ref runs) == 1) throw new InvalidOperationException("first run fails");
            return Task.CompletedTask;
        }, ex => { lock (errors) errors.Add(ex); });

        debouncer.Trigger();
        await debouncer.IdleAsync();
        debouncer.Trigger();
        await debouncer.IdleAsync();
        Assert.Equal(2, Volatile.Read(ref runs));
        Assert.IsType<InvalidOperationException>(Assert.Single(errors));
    }

    [Fact]
    public async Task Disposing_drops_a_pending_run_and_later_triggers()
    {
        var runs = 0;
        var debouncer = new Debouncer(TimeSpan.FromSeconds(30), _ => { Interlocked.Increment(ref runs); return Task.CompletedTask; }, ex => throw ex);
        debouncer.Trigger();
        await debouncer.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        debouncer.Trigger();
        await Task.Delay(Quiet);
        Assert.Equal(0, Volatile.Read(ref runs));
    }
}
