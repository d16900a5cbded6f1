using NewsLsp.Ide.Navigation;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Features;

/// <summary><c>textDocument/definition</c>: from any entity mention to its defining mention (first full name in this article, else in the corpus).</summary>
public sealed class DefinitionHandler : LspRequestHandler<TextDocumentPositionParams, Location>, ICapabilityContributor
{
    public override string Method => "textDocument/definition";

    public override Task<Location?> HandleAsync(TextDocumentPositionParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        if (FeatureContext.Locate(context, @params.TextDocument.Uri, @params.Position) is not var (key, _, position)) return Task.FromResult<Location?>(null);
        var definition = EntityNavigation.Definition(context.Snapshot, key, position);
        return Task.FromResult(definition is null ? null : FeatureContext.ToLocation(context, definition));
    }

    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities with { DefinitionProvider = true };
}
