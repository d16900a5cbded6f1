namespace NewsLsp.LanguageServer.Documents;

/// <summary>
/// Runs an action once input has been quiet for a delay: a burst of keystrokes publishes diagnostics once,
/// at the end. Thread-safe; the action never runs concurrently with itself.
/// </summary>
public sealed class Debouncer(TimeSpan delay, Func<CancellationToken, Task> action, Action<Exception> onError) : IAsyncDisposable
{
    private readonly object gate = new();
    private readonly CancellationTokenSource disposed = new();
    private CancellationTokenSource? pending;
    private Task running = Task.CompletedTask;

    public void Trigger()
    {
        lock (gate)
        {
            if (disposed.IsCancellationRequested) return;
            pending?.Cancel();
            pending?.Dispose();
            pending = CancellationTokenSource.CreateLinkedTokenSource(disposed.Token);
            var token = pending.Token;
            var previous = running;
            running = Task.Run(async () =>
            {
                try
                {
                    await Task.Delay(delay, token).ConfigureAwait(false);
                    // Serialise with the previous run; a newer trigger cancels us while we wait.
                    await previous.ConfigureAwait(false); // never faults: errors are reported below
                    token.ThrowIfCancellationRequested();
                    await action(disposed.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
                catch (Exception ex)
                {
                    onError(ex);
                }
            });
        }
    }

    /// <summary>Waits for a pending run (used before answering shutdown so nothing is lost).</summary>
    public Task IdleAsync()
    {
        lock (gate) return running;
    }

    public async ValueTask DisposeAsync()
    {
        Task last;
        lock (gate)
        {
            disposed.Cancel();
            last = running;
        }
        await last.ConfigureAwait(false);
    }
}
