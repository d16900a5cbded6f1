using NewsLsp.Ide.Navigation;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Features;

/// <summary><c>textDocument/documentHighlight</c>: the mentions of the entity under the caret in this document; the defining mention is a Write, the others Reads.</summary>
public sealed class DocumentHighlightHandler : LspRequestHandler<TextDocumentPositionParams, DocumentHighlight[]>, ICapabilityContributor
{
    public override string Method => "textDocument/documentHighlight";

    public override Task<DocumentHighlight[]?> HandleAsync(TextDocumentPositionParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        if (FeatureContext.Locate(context, @params.TextDocument.Uri, @params.Position) is not var (key, article, position)) return Task.FromResult<DocumentHighlight[]?>(null);
        var highlights = EntityHighlights.In(context.Snapshot, key, position);
        return Task.FromResult<DocumentHighlight[]?>([.. highlights.Select(h => new DocumentHighlight(context.Positions.ToRange(article.Text, h.Range))
        {
            Kind = h.IsDefinition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
        })]);
    }

    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities with { DocumentHighlightProvider = true };
}
