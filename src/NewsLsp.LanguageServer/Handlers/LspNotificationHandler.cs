using NewsLsp.LanguageServer.JsonRpc;

namespace NewsLsp.LanguageServer.Handlers;

/// <summary>Base of every notification handler. Notifications are never answered: failures are logged.</summary>
public abstract class LspNotificationHandler<TParams> : ILspNotificationHandlerInvoker
{
    public abstract string Method { get; }
    public virtual bool MutatesState => true;

    public abstract Task HandleAsync(TParams @params, RequestContext context, CancellationToken cancellationToken);

    Task ILspNotificationHandlerInvoker.InvokeAsync(IncomingNotification notification, RequestContext context) =>
        HandleAsync(LspParams.Read<TParams>(notification.Params, Method), context, CancellationToken.None);
}
