using NewsLsp.Analysis;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Features;

/// <summary>
/// Turns engine edits (possibly in several documents) into a <see cref="WorkspaceEdit"/> for the client to apply;
/// the server itself never writes a file. Clients that declare <c>workspace.workspaceEdit.documentChanges</c> get
/// versioned <c>documentChanges</c> (the editor's version for open documents, null for files on disk); others get
/// plain <c>changes</c>. Edits of a document are in text order and never overlap.
/// </summary>
internal static class WorkspaceEditFactory
{
    public static WorkspaceEdit Create(RequestContext context, IEnumerable<DocumentEdit> edits)
    {
        var byDocument = edits
            .GroupBy(e => e.Document)
            .OrderBy(g => g.Key)
            .Select(g => (Document: g.Key, Edits: (IReadOnlyList<TextEdit>)g.OrderBy(e => e.Span.Start)
                .Select(e => new TextEdit(FeatureContext.ToRange(context, e.Document, e.Range), e.NewText))
                .ToList()))
            .ToList();
        if (context.State.ClientCapabilities.Workspace?.WorkspaceEdit?.DocumentChanges == true)
        {
            return new WorkspaceEdit
            {
                DocumentChanges = byDocument.Select(d => new TextDocumentEdit(
                    new OptionalVersionedTextDocumentIdentifier(context.Workspace.ClientUri(d.Document),
                        context.Workspace.IsOpen(d.Document.Value) ? context.Snapshot.GetRequiredArticle(d.Document).Version : null),
                    d.Edits)).ToList(),
            };
        }
        return new WorkspaceEdit { Changes = byDocument.ToDictionary(d => context.Workspace.ClientUri(d.Document), d => d.Edits, StringComparer.Ordinal) };
    }
}
