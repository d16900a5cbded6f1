using NewsLsp.LanguageServer.Documents;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.TextSync;

/// <summary><c>textDocument/didOpen</c>: the editor's text now wins over the file on disk. Also advertises text synchronisation.</summary>
public sealed class DidOpenHandler(LanguageServerWorkspace workspace) : LspNotificationHandler<DidOpenTextDocumentParams>, ICapabilityContributor
{
    public override string Method => "textDocument/didOpen";

    public override Task HandleAsync(DidOpenTextDocumentParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        var document = @params.TextDocument;
        workspace.Open(document.Uri, document.Version, document.Text);
        context.StaleRequests.DocumentChanged(LanguageServerWorkspace.KeyOf(document.Uri).Value);
        return Task.CompletedTask;
    }

    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities with
    {
        TextDocumentSync = new TextDocumentSyncOptions
        {
            OpenClose = true,
            Change = TextDocumentSyncKind.Incremental,
            Save = new SaveOptions { IncludeText = false },
        },
    };
}
