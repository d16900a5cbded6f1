using NewsLsp.Ide.Rename;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Features;

/// <summary><c>textDocument/prepareRename</c>: the mention under the caret and its text as the placeholder; null where there is no entity (the editor says it cannot rename there).</summary>
public sealed class PrepareRenameHandler : LspRequestHandler<TextDocumentPositionParams, PrepareRenameResult>, ICapabilityContributor
{
    public override string Method => "textDocument/prepareRename";

    public override Task<PrepareRenameResult?> HandleAsync(TextDocumentPositionParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        if (FeatureContext.Locate(context, @params.TextDocument.Uri, @params.Position) is not var (key, article, position)) return Task.FromResult<PrepareRenameResult?>(null);
        if (EntityRenamer.Prepare(context.Snapshot, key, position) is not { } target) return Task.FromResult<PrepareRenameResult?>(null);
        return Task.FromResult<PrepareRenameResult?>(new PrepareRenameResult(context.Positions.ToRange(article.Text, target.Mention.Range), target.Text));
    }

    /// <summary><c>prepareProvider</c> may only be announced to clients that declare <c>rename.prepareSupport</c>.</summary>
    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientCapabilities client) =>
        client.TextDocument?.Rename?.PrepareSupport == true
            ? capabilities with { RenameProvider = (capabilities.RenameProvider ?? new RenameOptions()) with { PrepareProvider = true } }
            : capabilities;
}
