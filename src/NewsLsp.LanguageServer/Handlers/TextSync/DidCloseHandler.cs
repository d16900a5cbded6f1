using NewsLsp.LanguageServer.Documents;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.TextSync;

/// <summary><c>textDocument/didClose</c>: the article falls back to its text on disk (or leaves the workspace if it has none there).</summary>
public sealed class DidCloseHandler(LanguageServerWorkspace workspace) : LspNotificationHandler<DidCloseTextDocumentParams>
{
    public override string Method => "textDocument/didClose";

    public override Task HandleAsync(DidCloseTextDocumentParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        workspace.Close(@params.TextDocument.Uri, context.State.WorkspaceFolders);
        context.StaleRequests.DocumentChanged(LanguageServerWorkspace.KeyOf(@params.TextDocument.Uri).Value);
        return Task.CompletedTask;
    }
}
