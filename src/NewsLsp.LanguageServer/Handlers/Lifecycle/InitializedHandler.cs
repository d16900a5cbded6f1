using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Lifecycle;

/// <summary>
/// <c>initialized</c>: the client is ready for server→client requests, so start-up work that needs them
/// (corpus scan with progress, watcher registration, configuration pull) starts here.
/// </summary>
public sealed class InitializedHandler(IEnumerable<IInitializedListener> listeners) : LspNotificationHandler<InitializedParams>
{
    public override string Method => "initialized";

    public override async Task HandleAsync(InitializedParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        foreach (var listener in listeners)
            await listener.OnInitializedAsync(context).ConfigureAwait(false);
    }
}

/// <summary>Start-up work run after <c>initialized</c>. Must return quickly: long work belongs on a background task.</summary>
public interface IInitializedListener
{
    Task OnInitializedAsync(RequestContext context);
}
