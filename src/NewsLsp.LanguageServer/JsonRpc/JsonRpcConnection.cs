using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace NewsLsp.LanguageServer.JsonRpc;

/// <summary>
/// A JSON-RPC 2.0 connection over LSP base-protocol framing. Reads frames on one loop, answers malformed
/// input with the spec's error codes, routes responses to pending server requests, applies
/// <c>$/cancelRequest</c>, and hands everything else to an <see cref="IJsonRpcMessageHandler"/> in arrival order.
/// </summary>
public sealed class JsonRpcConnection
{
    private readonly MessageFramer framer;
    private readonly PipeReader input;
    private readonly MessageWriter writer;
    private readonly JsonRpcOptions options;
    private readonly ILogger logger;
    private readonly ResponseRouter router = new();
    private readonly ConcurrentDictionary<RequestId, IncomingRequest> inFlight = new();

    public JsonRpcConnection(Stream input, Stream output, JsonRpcOptions options, ILogger logger)
    {
        this.input = PipeReader.Create(input, new StreamPipeReaderOptions(leaveOpen: true));
        this.options = options;
        this.logger = logger;
        framer = new MessageFramer(this.input, options.MaxMessageBytes);
        writer = new MessageWriter(PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true)), logger);
    }

    public JsonRpcOptions Options => options;

    /// <summary>Reads and routes messages until the input ends or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(IJsonRpcMessageHandler handler, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                FrameReadResult frame;
                try
                {
                    frame = await framer.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or ObjectDisposedException)
                {
                    logger.LogDebug(ex, "Input closed");
                    break;
                }
                if (frame.Kind == FrameKind.EndOfStream) break;
                if (frame.Kind == FrameKind.Rejected)
                {
                    logger.LogError("Rejected an incoming frame: {Reason}", frame.Error);
                    // We could not read the id, so the answer carries id null, as JSON-RPC prescribes.
                    Post(JsonRpcMessages.Error(null, JsonRpcErrorCodes.InvalidRequest, frame.Error!));
                    continue;
                }
                Route(frame.Body!, handler);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            router.FailAll(new IOException("The connection closed before the client answered."));
            await input.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes everything queued and closes the output.</summary>
    public Task FlushAndCloseAsync() => writer.CompleteAsync();

    public void SendNotification<T>(string method, T @params, JsonTypeInfo<T> type) =>
        Post(JsonRpcMessages.Notification(method, @params, type));

    /// <summary>Sends a request to the client and waits for its answer (bounded by the configured timeout).</summary>
    /// <exception cref="JsonRpcException">The client answered with an error.</exception>
    /// <exception cref="OperationCanceledException">Cancelled or timed out; the client is sent <c>$/cancelRequest</c>.</exception>
    public async Task<TResult?> SendRequestAsync<TParams, TResult>(string method, TParams @params, JsonTypeInfo<TParams> paramsType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        var (id, response) = router.Register();
        Post(JsonRpcMessages.Request(id, method, @params, paramsType));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ServerRequestTimeout);
        try
        {
            var element = await response.WaitAsync(timeout.Token).ConfigureAwait(false);
            return element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? default : element.Deserialize(resultType);
        }
        catch (OperationCanceledException)
        {
            if (router.TryCancel(id, new OperationCanceledException()))
                Post(JsonRpcMessages.CancelRequest(id));
            if (!cancellationToken.IsCancellationRequested)
                throw new TimeoutException($"The client did not answer '{method}' within {options.ServerRequestTimeout.TotalSeconds:0.#} s.");
            throw;
        }
    }

    internal void Post(OutgoingMessage body)
    {
        if (!writer.Post(body)) logger.LogDebug("Dropped an outgoing message: the output is closed");
    }

    internal void Forget(IncomingRequest request) => inFlight.TryRemove(request.Id, out _);

    private void Route(byte[] body, IJsonRpcMessageHandler handler)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            logger.LogError("Could not parse a message as JSON: {Error}", ex.Message);
            Post(JsonRpcMessages.Error(null, JsonRpcErrorCodes.ParseError, "Parse error: " + ex.Message));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Post(JsonRpcMessages.Error(null, JsonRpcErrorCodes.InvalidRequest, "A message must be a JSON object (LSP uses no batches)."));
                return;
            }

            RequestId? id = null;
            var hasId = root.TryGetProperty("id", out var idElement);
            if (hasId && RequestId.TryRead(idElement, out var parsedId)) id = parsedId;

            if (!root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
            {
                Post(JsonRpcMessages.Error(id, JsonRpcErrorCodes.InvalidRequest, "The \"jsonrpc\" member must be exactly \"2.0\"."));
                return;
            }

            if (!root.TryGetProperty("method", out var methodElement))
            {
                RouteResponse(root, hasId, id);
                return;
            }

            if (methodElement.ValueKind != JsonValueKind.String)
            {
                if (hasId) Post(JsonRpcMessages.Error(id, JsonRpcErrorCodes.InvalidRequest, "The \"method\" member must be a string."));
                else logger.LogError("Ignored a notification whose method is not a string");
                return;
            }
            var method = methodElement.GetString()!;

            var @params = default(JsonElement);
            if (root.TryGetProperty("params", out var paramsElement))
            {
                if (paramsElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
                {
                    if (hasId) Post(JsonRpcMessages.Error(id, JsonRpcErrorCodes.InvalidRequest, "The \"params\" member must be an object or an array."));
                    else logger.LogError("Ignored notification '{Method}': params must be an object or an array", method);
                    return;
                }
                // Clone: the handler outlives this document.
                @params = paramsElement.Clone();
            }

            if (!hasId)
            {
                if (method == "$/cancelRequest") CancelRequest(@params);
                else handler.OnNotification(new IncomingNotification(method, @params));
                return;
            }

            if (id is not { } requestId)
            {
                Post(JsonRpcMessages.Error(null, JsonRpcErrorCodes.InvalidRequest, "A request id must be an integer or a string."));
                return;
            }

            var request = new IncomingRequest(this, requestId, method, @params, new CancellationTokenSource());
            if (!inFlight.TryAdd(requestId, request))
            {
                Post(JsonRpcMessages.Error(requestId, JsonRpcErrorCodes.InvalidRequest, $"A request with id {requestId} is already in flight."));
                return;
            }
            handler.OnRequest(request);
        }
    }

    private void RouteResponse(JsonElement root, bool hasId, RequestId? id)
    {
        var hasResult = root.TryGetProperty("result", out var result);
        var hasError = root.TryGetProperty("error", out var error);
        if (!hasId || (!hasResult && !hasError))
        {
            Post(JsonRpcMessages.Error(id, JsonRpcErrorCodes.InvalidRequest, "A message needs a \"method\" (request or notification) or an \"id\" with \"result\" or \"error\" (response)."));
            return;
        }
        if (id is not { } responseId)
        {
            logger.LogError("Ignored a response whose id is not an integer or a string (the client could not answer one of our requests)");
            return;
        }
        int? code = null;
        string? message = null;
        if (hasError)
        {
            code = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : JsonRpcErrorCodes.UnknownErrorCode;
            message = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        }
        if (!router.TryComplete(responseId, hasResult ? result.Clone() : null, code, message))
            logger.LogWarning("Ignored a response to unknown request {Id}", responseId);
    }

    private void CancelRequest(JsonElement @params)
    {
        if (@params.ValueKind != JsonValueKind.Object || !@params.TryGetProperty("id", out var idElement) || !RequestId.TryRead(idElement, out var id))
        {
            logger.LogWarning("Ignored a $/cancelRequest without a valid id");
            return;
        }
        // Already answered requests are gone from the map: cancelling them is a no-op, as the spec allows.
        if (inFlight.TryGetValue(id, out var request)) request.Cancel(JsonRpcErrorCodes.RequestCancelled);
    }
}
