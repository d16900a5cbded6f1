using NewsLsp.LanguageServer.Corpus;
using NewsLsp.LanguageServer.Documents;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Workspace;

/// <summary>
/// <c>workspace/didChangeWatchedFiles</c>: articles created, changed or deleted outside the editor, and
/// newslsp.json edits. Open documents keep the editor's text; the disk version is used again when closed.
/// </summary>
public sealed class DidChangeWatchedFilesHandler(LanguageServerWorkspace workspace, ConfigurationService configuration)
    : LspNotificationHandler<DidChangeWatchedFilesParams>
{
    public override string Method => "workspace/didChangeWatchedFiles";

    public override Task HandleAsync(DidChangeWatchedFilesParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        var folders = context.State.WorkspaceFolders;
        var updated = new List<(string, Microsoft.CodeAnalysis.Text.SourceText)>();
        var deleted = new List<string>();
        var projectFileChanged = false;
        foreach (var change in @params.Changes)
        {
            var uri = LanguageServerWorkspace.KeyOf(change.Uri).Value;
            if (configuration.IsProjectFile(uri))
            {
                projectFileChanged = true;
                continue;
            }
            // Only articles inside the workspace folders are read: a watcher event is no licence to read elsewhere.
            if (!workspace.IsWorkspaceArticle(uri, folders)) continue;
            if (change.Type == FileChangeType.Deleted) deleted.Add(uri);
            else if (workspace.TryRead(uri) is { } text) updated.Add((uri, text));
        }
        if (deleted.Count > 0) workspace.RemoveDiskFiles(deleted);
        if (updated.Count > 0) workspace.SetDiskTexts(updated);
        // Not awaited here: applying the new file is itself queued behind this mutation.
        if (projectFileChanged) _ = configuration.ReloadProjectFileAsync();
        return Task.CompletedTask;
    }
}
