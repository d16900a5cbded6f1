using System.Text.Json;
using Microsoft.Extensions.Logging;
using NewsLsp.LanguageServer.Handlers;
using NewsLsp.LanguageServer.JsonRpc;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Server;

/// <summary>
/// Routes each client message (on the reader loop, in arrival order): applies lifecycle gating, finds the
/// handler, and queues it as a mutation or a read. Every request gets exactly one answer; a failing
/// handler is answered with an error and never stops the server.
/// </summary>
internal sealed class LspDispatcher(
    HandlerRegistry registry,
    LifecycleState lifecycle,
    RequestExecutionQueue queue,
    ServerState state,
    LspClient client,
    StaleRequestTracker staleRequests,
    Func<RequestContext> createContext,
    Action onExit,
    ILogger logger) : IJsonRpcMessageHandler
{
    public void OnRequest(IncomingRequest request)
    {
        switch (lifecycle.Phase)
        {
            case LifecyclePhase.Uninitialized when request.Method != "initialize":
                request.RespondError(JsonRpcErrorCodes.ServerNotInitialized, $"The server is not initialized: '{request.Method}' arrived before 'initialize'.");
                return;
            case LifecyclePhase.Uninitialized:
                lifecycle.TryBeginInitialize();
                break;
            case LifecyclePhase.Running when request.Method == "initialize":
                request.RespondError(JsonRpcErrorCodes.InvalidRequest, "The server is already initialized.");
                return;
            case LifecyclePhase.Running when request.Method == "shutdown":
                lifecycle.BeginShutdown();
                break;
            case LifecyclePhase.ShuttingDown:
                request.RespondError(JsonRpcErrorCodes.InvalidRequest, $"The server is shutting down: '{request.Method}' arrived after 'shutdown'.");
                return;
        }

        var handler = registry.FindRequest(request.Method);
        if (handler is null)
        {
            request.RespondError(JsonRpcErrorCodes.MethodNotFound, $"Unhandled method '{request.Method}'.");
            return;
        }

        if (handler.MutatesState)
        {
            queue.EnqueueMutation(() =>
            {
                TraceReceived(request);
                return ExecuteAsync(handler, request, createContext());
            });
            return;
        }

        var uri = handler.CancelOnDocumentChange ? DocumentUriOf(request.Params) : null;
        queue.EnqueueRead(() =>
        {
            TraceReceived(request);
            var context = createContext();
            if (uri is not null) staleRequests.Track(uri, request);
            return async () =>
            {
                try { await ExecuteAsync(handler, request, context).ConfigureAwait(false); }
                finally { if (uri is not null) staleRequests.Untrack(uri, request); }
            };
        }, request.CancellationToken);
    }

    public void OnNotification(IncomingNotification notification)
    {
        if (notification.Method == "exit")
        {
            // Queued so that it follows every earlier message.
            queue.EnqueueMutation(() => { onExit(); return Task.CompletedTask; });
            return;
        }
        if (lifecycle.Phase != LifecyclePhase.Running)
        {
            logger.LogDebug("Dropped notification '{Method}': the server is {Phase}", notification.Method, lifecycle.Phase);
            return;
        }

        var handler = registry.FindNotification(notification.Method);
        if (handler is null)
        {
            // "$/" notifications are optional by spec and silently ignored; others are worth a note.
            if (!notification.Method.StartsWith("$/", StringComparison.Ordinal))
                logger.LogWarning("Ignored unknown notification '{Method}'", notification.Method);
            return;
        }

        if (handler.MutatesState)
        {
            queue.EnqueueMutation(() =>
            {
                TraceReceived(notification);
                return ExecuteAsync(handler, notification, createContext());
            });
        }
        else
        {
            queue.EnqueueRead(() =>
            {
                TraceReceived(notification);
                var context = createContext();
                return () => ExecuteAsync(handler, notification, context);
            });
        }
    }

    private async Task ExecuteAsync(ILspRequestHandlerInvoker handler, IncomingRequest request, RequestContext context)
    {
        try
        {
            request.CancellationToken.ThrowIfCancellationRequested();
            await handler.InvokeAsync(request, context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (request.CancellationToken.IsCancellationRequested)
        {
            var code = request.CancellationCode;
            request.RespondError(code, code == JsonRpcErrorCodes.ContentModified
                ? "The document changed while the request was running."
                : "The request was cancelled.");
        }
        catch (JsonRpcException ex)
        {
            logger.LogWarning("Request '{Method}' ({Id}) failed: {Message}", request.Method, request.Id, ex.Message);
            request.RespondError(ex.Code, ex.Message);
        }
        catch (PositionOutOfRangeException ex)
        {
            logger.LogWarning("Request '{Method}' ({Id}) has an invalid position: {Message}", request.Method, request.Id, ex.Message);
            request.RespondError(JsonRpcErrorCodes.InvalidParams, ex.Message);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Request '{Method}' ({Id}) failed", request.Method, request.Id);
            request.RespondError(JsonRpcErrorCodes.InternalError, $"Internal error in '{request.Method}': {ex.Message}");
        }
    }

    private async Task ExecuteAsync(ILspNotificationHandlerInvoker handler, IncomingNotification notification, RequestContext context)
    {
        try
        {
            await handler.InvokeAsync(notification, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonRpcException or PositionOutOfRangeException)
        {
            logger.LogError("Notification '{Method}' was rejected: {Message}", notification.Method, ex.Message);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Notification '{Method}' failed", notification.Method);
        }
    }

    private static string? DocumentUriOf(JsonElement @params) =>
        @params.ValueKind == JsonValueKind.Object
        && @params.TryGetProperty("textDocument", out var document)
        && document.ValueKind == JsonValueKind.Object
        && document.TryGetProperty("uri", out var uri)
        && uri.ValueKind == JsonValueKind.String
            ? uri.GetString()
            : null;

    // Traced on the queue, not on arrival, so a $/setTrace applies to exactly the messages after it.
    private void TraceReceived(IncomingRequest request) => Trace($"Received request '{request.Method} - ({request.Id})'.", request.Params);

    private void TraceReceived(IncomingNotification notification) => Trace($"Received notification '{notification.Method}'.", notification.Params);

    private void Trace(string message, JsonElement @params)
    {
        var trace = state.Trace;
        if (trace == TraceValue.Off) return;
        client.Notify("$/logTrace", new LogTraceParams(message)
        {
            Verbose = trace == TraceValue.Verbose && @params.ValueKind != JsonValueKind.Undefined ? "Params: " + @params.GetRawText() : null,
        });
    }
}
