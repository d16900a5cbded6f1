using NewsLsp.LanguageServer.Documents;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.TextSync;

/// <summary>
/// <c>textDocument/didChange</c>, incremental or full. Unknown documents, versions that do not increase and
/// changes naming a line past the end are logged and leave the document as it was.
/// </summary>
public sealed class DidChangeHandler(LanguageServerWorkspace workspace) : LspNotificationHandler<DidChangeTextDocumentParams>
{
    public override string Method => "textDocument/didChange";

    public override Task HandleAsync(DidChangeTextDocumentParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        var document = @params.TextDocument;
        workspace.Change(document.Uri, document.Version, @params.ContentChanges, context.Positions);
        // Reads still computing on the old text are answered ContentModified so the client asks again.
        context.StaleRequests.DocumentChanged(LanguageServerWorkspace.KeyOf(document.Uri).Value);
        return Task.CompletedTask;
    }
}
