using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Server;

/// <summary>What the client told us in <c>initialize</c> and what we negotiated; set once, then read by every handler.</summary>
public sealed class ServerState
{
    public ClientCapabilities ClientCapabilities { get; private set; } = new();
    public PositionEncoding PositionEncoding { get; private set; } = PositionEncoding.Utf16;
    public IReadOnlyList<WorkspaceFolder> WorkspaceFolders { get; private set; } = [];
    public ClientInfo? ClientInfo { get; private set; }

    /// <summary>The <c>$/setTrace</c> value: "off", "messages" or "verbose".</summary>
    public string Trace { get; set; } = TraceValue.Off;

    public bool ClientPullsDiagnostics => ClientCapabilities.TextDocument?.Diagnostic is not null;
    public bool ClientSupportsWorkDoneProgress => ClientCapabilities.Window?.WorkDoneProgress == true;
    public bool ClientSupportsConfiguration => ClientCapabilities.Workspace?.Configuration == true;
    public bool ClientSupportsWatchedFilesRegistration => ClientCapabilities.Workspace?.DidChangeWatchedFiles?.DynamicRegistration == true;
    public bool ClientSupportsDiagnosticRefresh => ClientCapabilities.Workspace?.Diagnostics?.RefreshSupport == true;

    /// <summary>The client added or removed workspace folders (<c>workspace/didChangeWorkspaceFolders</c>).</summary>
    internal void ChangeWorkspaceFolders(IReadOnlyList<WorkspaceFolder> added, IReadOnlyList<WorkspaceFolder> removed)
    {
        var removedUris = removed.Select(f => f.Uri).ToHashSet(StringComparer.Ordinal);
        WorkspaceFolders = [.. WorkspaceFolders.Where(f => !removedUris.Contains(f.Uri)),
            .. added.Where(a => !WorkspaceFolders.Any(f => f.Uri == a.Uri) || removedUris.Contains(a.Uri))];
    }

    internal void Initialize(InitializeParams @params, PositionEncoding encoding, IReadOnlyList<WorkspaceFolder> folders)
    {
        ClientCapabilities = @params.Capabilities;
        ClientInfo = @params.ClientInfo;
        PositionEncoding = encoding;
        WorkspaceFolders = folders;
        Trace = @params.Trace ?? TraceValue.Off;
    }
}
