using NewsLsp.LanguageServer.JsonRpc;

namespace NewsLsp.LanguageServer.Handlers;

/// <summary>One LSP method. Implement it through <see cref="LspRequestHandler{TParams,TResult}"/> or <see cref="LspNotificationHandler{TParams}"/>.</summary>
public interface ILspHandler
{
    string Method { get; }

    /// <summary>
    /// True when the method changes server state (text sync, configuration, watched files): such messages run
    /// one at a time in arrival order. False for reads, which run concurrently on the snapshot current when they arrived.
    /// </summary>
    bool MutatesState { get; }
}

internal interface ILspRequestHandlerInvoker : ILspHandler
{
    /// <summary>Whether a later edit to the request's document answers it with ContentModified.</summary>
    bool CancelOnDocumentChange { get; }
    Task InvokeAsync(IncomingRequest request, RequestContext context);
}

internal interface ILspNotificationHandlerInvoker : ILspHandler
{
    Task InvokeAsync(IncomingNotification notification, RequestContext context);
}
