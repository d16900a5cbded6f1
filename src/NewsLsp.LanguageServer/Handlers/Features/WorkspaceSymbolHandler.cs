using NewsLsp.Analysis.Entities;
using NewsLsp.Ide.Symbols;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Features;

/// <summary><c>workspace/symbol</c>: entities whose canonical name or a spelling contains the query (ignoring case and diacritics), located at their introduction in the corpus; the container is the type.</summary>
public sealed class WorkspaceSymbolHandler : LspRequestHandler<WorkspaceSymbolParams, WorkspaceSymbol[]>, ICapabilityContributor
{
    public override string Method => "workspace/symbol";

    public override Task<WorkspaceSymbol[]?> HandleAsync(WorkspaceSymbolParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        var found = WorkspaceEntitySymbols.Search(context.Snapshot, @params.Query, cancellationToken);
        return Task.FromResult<WorkspaceSymbol[]?>([.. found.Select(s =>
            new WorkspaceSymbol(s.Entity.Canonical, EntityKinds.Symbol(s.Entity.Type), FeatureContext.ToLocation(context, s.Introduction))
            {
                ContainerName = EntityTypes.DisplayName(s.Entity.Type),
            })]);
    }

    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities with { WorkspaceSymbolProvider = true };
}
