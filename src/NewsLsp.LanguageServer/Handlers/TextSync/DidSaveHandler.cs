using Microsoft.Extensions.Logging;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.TextSync;

/// <summary>
/// <c>textDocument/didSave</c>: the editor's text is already current, so saving changes nothing in the
/// analysis; handled so that it is not reported as an unknown notification.
/// </summary>
public sealed class DidSaveHandler : LspNotificationHandler<DidSaveTextDocumentParams>
{
    public override string Method => "textDocument/didSave";

    public override Task HandleAsync(DidSaveTextDocumentParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        context.Logger.LogDebug("Saved {Uri}", @params.TextDocument.Uri);
        return Task.CompletedTask;
    }
}
