namespace NewsLsp.LanguageServer.Protocol;

// The subset of ClientCapabilities the server reads; unknown members are ignored on input.

public sealed record ClientCapabilities
{
    public WorkspaceClientCapabilities? Workspace { get; init; }
    public TextDocumentClientCapabilities? TextDocument { get; init; }
    public WindowClientCapabilities? Window { get; init; }
    public GeneralClientCapabilities? General { get; init; }
}

public sealed record GeneralClientCapabilities
{
    public IReadOnlyList<string>? PositionEncodings { get; init; }
}

public sealed record WindowClientCapabilities
{
    public bool? WorkDoneProgress { get; init; }
}

public sealed record WorkspaceClientCapabilities
{
    public bool? ApplyEdit { get; init; }
    public WorkspaceEditClientCapabilities? WorkspaceEdit { get; init; }
    public DynamicRegistrationCapabilities? DidChangeConfiguration { get; init; }
    public DidChangeWatchedFilesClientCapabilities? DidChangeWatchedFiles { get; init; }
    public bool? WorkspaceFolders { get; init; }
    public bool? Configuration { get; init; }
    public RefreshClientCapabilities? Diagnostics { get; init; }
    public RefreshClientCapabilities? SemanticTokens { get; init; }
    public RefreshClientCapabilities? CodeLens { get; init; }
    public RefreshClientCapabilities? InlayHint { get; init; }
}

public sealed record WorkspaceEditClientCapabilities
{
    public bool? DocumentChanges { get; init; }
}

public sealed record DynamicRegistrationCapabilities
{
    public bool? DynamicRegistration { get; init; }
}

public sealed record DidChangeWatchedFilesClientCapabilities
{
    public bool? DynamicRegistration { get; init; }
    public bool? RelativePatternSupport { get; init; }
}

public sealed record RefreshClientCapabilities
{
    public bool? RefreshSupport { get; init; }
}

public sealed record TextDocumentClientCapabilities
{
    public DynamicRegistrationCapabilities? Synchronization { get; init; }
    public PublishDiagnosticsClientCapabilities? PublishDiagnostics { get; init; }
    /// <summary>Present when the client pulls diagnostics (<c>textDocument/diagnostic</c>).</summary>
    public DiagnosticClientCapabilities? Diagnostic { get; init; }
    public HoverClientCapabilities? Hover { get; init; }
}

public sealed record PublishDiagnosticsClientCapabilities
{
    public bool? RelatedInformation { get; init; }
    public bool? VersionSupport { get; init; }
    public bool? CodeDescriptionSupport { get; init; }
    public bool? DataSupport { get; init; }
}

public sealed record DiagnosticClientCapabilities
{
    public bool? DynamicRegistration { get; init; }
    public bool? RelatedDocumentSupport { get; init; }
}

public sealed record HoverClientCapabilities
{
    public IReadOnlyList<string>? ContentFormat { get; init; }
}
