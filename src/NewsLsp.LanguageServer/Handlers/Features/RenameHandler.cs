using NewsLsp.Ide.Rename;
using NewsLsp.LanguageServer.JsonRpc;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Features;

/// <summary>
/// <c>textDocument/rename</c>: renames the entity under the caret in every article (see <see cref="EntityRenamer"/>
/// for which words of which mention change). The answer is a <see cref="WorkspaceEdit"/> for the editor to apply;
/// the server writes nothing. An invalid new name is a RequestFailed error naming the problem.
/// </summary>
public sealed class RenameHandler : LspRequestHandler<RenameParams, WorkspaceEdit>, ICapabilityContributor
{
    public override string Method => "textDocument/rename";

    public override Task<WorkspaceEdit?> HandleAsync(RenameParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        if (FeatureContext.Locate(context, @params.TextDocument.Uri, @params.Position) is not var (key, _, position)) return Task.FromResult<WorkspaceEdit?>(null);
        if (EntityRenamer.Rename(context.Snapshot, key, position, @params.NewName) is not { } outcome) return Task.FromResult<WorkspaceEdit?>(null);
        if (outcome.Error is { } error) throw new JsonRpcException(JsonRpcErrorCodes.RequestFailed, error);
        return Task.FromResult<WorkspaceEdit?>(WorkspaceEditFactory.Create(context, outcome.Edits));
    }

    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { RenameProvider = capabilities.RenameProvider ?? new RenameOptions() };
}
