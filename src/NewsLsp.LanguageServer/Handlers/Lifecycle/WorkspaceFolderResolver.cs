using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Lifecycle;

/// <summary>The workspace folders of <c>initialize</c>: <c>workspaceFolders</c>, else the deprecated <c>rootUri</c>, else <c>rootPath</c>.</summary>
internal static class WorkspaceFolderResolver
{
    public static IReadOnlyList<WorkspaceFolder> Resolve(InitializeParams @params)
    {
        if (@params.WorkspaceFolders is { Count: > 0 } folders) return folders;
        if (!string.IsNullOrEmpty(@params.RootUri)) return [new WorkspaceFolder(@params.RootUri, NameOf(@params.RootUri))];
        if (!string.IsNullOrEmpty(@params.RootPath))
        {
            var uri = new Uri(Path.GetFullPath(@params.RootPath)).AbsoluteUri;
            return [new WorkspaceFolder(uri, NameOf(uri))];
        }
        return [];
    }

    private static string NameOf(string uri) => uri.TrimEnd('/').Split('/')[^1];
}
