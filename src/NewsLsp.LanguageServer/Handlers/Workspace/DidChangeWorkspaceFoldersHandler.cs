using NewsLsp.LanguageServer.Corpus;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Workspace;

/// <summary>
/// <c>workspace/didChangeWorkspaceFolders</c>: the corpus follows the folders — articles of an added folder are
/// scanned in, those of a removed folder leave. Advertised as <c>workspace.workspaceFolders</c> with change notifications.
/// </summary>
public sealed class DidChangeWorkspaceFoldersHandler(CorpusLoader corpus) : LspNotificationHandler<DidChangeWorkspaceFoldersParams>, ICapabilityContributor
{
    public override string Method => "workspace/didChangeWorkspaceFolders";

    public override Task HandleAsync(DidChangeWorkspaceFoldersParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        context.State.ChangeWorkspaceFolders(@params.Event.Added ?? [], @params.Event.Removed ?? []);
        corpus.FoldersChanged();
        return Task.CompletedTask;
    }

    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with
        {
            Workspace = (capabilities.Workspace ?? new WorkspaceOptions()) with
            {
                WorkspaceFolders = new WorkspaceFoldersServerCapabilities { Supported = true, ChangeNotifications = true },
            },
        };
}
