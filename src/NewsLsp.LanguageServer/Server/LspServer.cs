using Microsoft.Extensions.Logging;
using NewsLsp.LanguageServer.Handlers;
using NewsLsp.LanguageServer.JsonRpc;

namespace NewsLsp.LanguageServer.Server;

/// <summary>
/// One LSP session over a pair of streams: connects the JSON-RPC layer to the dispatcher and runs until
/// <c>exit</c> (or the input ends). The exit code is 0 only when <c>shutdown</c> came first, as the spec says.
/// </summary>
public sealed class LspServer(
    ServerOptions options,
    HandlerRegistry registry,
    LifecycleState lifecycle,
    RequestExecutionQueue queue,
    ServerState state,
    LspClient client,
    StaleRequestTracker staleRequests,
    IEnumerable<IServerSessionListener> listeners,
    Documents.LanguageServerWorkspace workspace,
    ILoggerFactory loggerFactory)
{
    private readonly ILogger logger = loggerFactory.CreateLogger("NewsLsp.LanguageServer");
    private readonly TaskCompletionSource exitRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<int> RunAsync(Stream input, Stream output, CancellationToken cancellationToken)
    {
        var connection = new JsonRpcConnection(input, output, new JsonRpcOptions
        {
            MaxMessageBytes = options.MaxMessageBytes,
            ServerRequestTimeout = options.ServerRequestTimeout,
        }, loggerFactory.CreateLogger("NewsLsp.LanguageServer.JsonRpc"));
        client.Attach(connection);

        var dispatcher = new LspDispatcher(registry, lifecycle, queue, state, client, staleRequests, CreateContext, () => exitRequested.TrySetResult(), logger);
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = connection.RunAsync(dispatcher, stopReading.Token);

        await Task.WhenAny(reading, exitRequested.Task, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
        var exited = exitRequested.Task.IsCompleted;
        if (!exited) logger.LogWarning(cancellationToken.IsCancellationRequested ? "Stopped before 'exit'" : "The input ended before 'exit'");

        stopReading.Cancel();
        foreach (var listener in listeners)
        {
            try { await listener.OnStoppingAsync().ConfigureAwait(false); }
            catch (Exception ex) { logger.LogError(ex, "A session listener failed while stopping"); }
        }
        // Let queued work finish and be answered, but never hang the exit on a stuck handler.
        await Task.WhenAny(queue.DrainAsync(), Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None)).ConfigureAwait(false);
        await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None)).ConfigureAwait(false);
        await connection.FlushAndCloseAsync().ConfigureAwait(false);

        return lifecycle.Phase == LifecyclePhase.ShuttingDown ? 0 : 1;
    }

    private RequestContext CreateContext() => new(state, client, staleRequests, workspace, logger);
}
