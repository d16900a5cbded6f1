using System.Text.Json;

namespace NewsLsp.LanguageServer.Protocol;

public sealed record ConfigurationItem
{
    public string? ScopeUri { get; init; }
    public string? Section { get; init; }
}

public sealed record ConfigurationParams(IReadOnlyList<ConfigurationItem> Items);

public sealed record DidChangeConfigurationParams(JsonElement? Settings);

public enum FileChangeType
{
    Created = 1,
    Changed = 2,
    Deleted = 3,
}

public sealed record FileEvent(string Uri, FileChangeType Type);

public sealed record DidChangeWatchedFilesParams(IReadOnlyList<FileEvent> Changes);

public sealed record FileSystemWatcher(string GlobPattern)
{
    /// <summary>WatchKind bit set; null means Create | Change | Delete.</summary>
    public int? Kind { get; init; }
}

public sealed record DidChangeWatchedFilesRegistrationOptions(IReadOnlyList<FileSystemWatcher> Watchers);

/// <summary><c>registerOptions</c> is LSPAny; we only ever register file watchers.</summary>
public sealed record Registration(string Id, string Method)
{
    public DidChangeWatchedFilesRegistrationOptions? RegisterOptions { get; init; }
}

public sealed record RegistrationParams(IReadOnlyList<Registration> Registrations);

public sealed record WorkspaceFoldersChangeEvent(IReadOnlyList<WorkspaceFolder> Added, IReadOnlyList<WorkspaceFolder> Removed);

public sealed record DidChangeWorkspaceFoldersParams(WorkspaceFoldersChangeEvent Event);

public sealed record ApplyWorkspaceEditParams(WorkspaceEdit Edit)
{
    public string? Label { get; init; }
}

public sealed record ApplyWorkspaceEditResult(bool Applied)
{
    public string? FailureReason { get; init; }
}
