using NewsLsp.Ide.Navigation;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Features;

/// <summary><c>textDocument/references</c>: every mention of the entity in every article of the workspace, open or not; <c>context.includeDeclaration</c> decides whether the defining mention is one of them.</summary>
public sealed class ReferencesHandler : LspRequestHandler<ReferenceParams, Location[]>, ICapabilityContributor
{
    public override string Method => "textDocument/references";

    public override Task<Location[]?> HandleAsync(ReferenceParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        if (FeatureContext.Locate(context, @params.TextDocument.Uri, @params.Position) is not var (key, _, position)) return Task.FromResult<Location[]?>(null);
        var references = EntityNavigation.References(context.Snapshot, key, position, @params.Context.IncludeDeclaration);
        return Task.FromResult<Location[]?>([.. references.Select(r => FeatureContext.ToLocation(context, r))]);
    }

    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities with { ReferencesProvider = true };
}
