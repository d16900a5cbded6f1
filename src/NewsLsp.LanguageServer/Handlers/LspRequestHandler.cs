using NewsLsp.LanguageServer.JsonRpc;

namespace NewsLsp.LanguageServer.Handlers;

/// <summary>
/// Base of every request handler: the dispatcher deserialises <typeparamref name="TParams"/>, calls
/// <see cref="HandleAsync"/> and serialises the result (null → <c>"result": null</c>). Throw
/// <see cref="JsonRpcException"/> for a specific error code; any other exception answers InternalError.
/// </summary>
public abstract class LspRequestHandler<TParams, TResult> : ILspRequestHandlerInvoker
{
    public abstract string Method { get; }
    public virtual bool MutatesState => false;
    public virtual bool CancelOnDocumentChange => !MutatesState;

    public abstract Task<TResult?> HandleAsync(TParams @params, RequestContext context, CancellationToken cancellationToken);

    async Task ILspRequestHandlerInvoker.InvokeAsync(IncomingRequest request, RequestContext context)
    {
        var @params = LspParams.Read<TParams>(request.Params, Method);
        var result = await HandleAsync(@params, context, request.CancellationToken).ConfigureAwait(false);
        request.Respond(result, LspParams.TypeInfo<TResult>());
    }
}
