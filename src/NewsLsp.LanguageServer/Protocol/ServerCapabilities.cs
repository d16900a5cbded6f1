namespace NewsLsp.LanguageServer.Protocol;

/// <summary>
/// What the server advertises. Every member is optional and omitted when null: a capability is set
/// only by the code that implements it (see <c>Server/CapabilitiesBuilder</c>).
/// </summary>
public sealed record ServerCapabilities
{
    public string? PositionEncoding { get; init; }
    public TextDocumentSyncOptions? TextDocumentSync { get; init; }
    public CompletionOptions? CompletionProvider { get; init; }
    public bool? HoverProvider { get; init; }
    public bool? DefinitionProvider { get; init; }
    public bool? ReferencesProvider { get; init; }
    public bool? DocumentHighlightProvider { get; init; }
    public bool? DocumentSymbolProvider { get; init; }
    public CodeActionOptions? CodeActionProvider { get; init; }
    public CodeLensOptions? CodeLensProvider { get; init; }
    public bool? WorkspaceSymbolProvider { get; init; }
    public RenameOptions? RenameProvider { get; init; }
    public SemanticTokensOptions? SemanticTokensProvider { get; init; }
    public bool? InlayHintProvider { get; init; }
    public DiagnosticOptions? DiagnosticProvider { get; init; }
    public WorkspaceOptions? Workspace { get; init; }
}

public static class TextDocumentSyncKind
{
    public const int None = 0;
    public const int Full = 1;
    public const int Incremental = 2;
}

public sealed record TextDocumentSyncOptions
{
    public bool? OpenClose { get; init; }
    public int? Change { get; init; }
    public SaveOptions? Save { get; init; }
}

public sealed record SaveOptions
{
    public bool? IncludeText { get; init; }
}

public sealed record DiagnosticOptions(bool InterFileDependencies, bool WorkspaceDiagnostics)
{
    public string? Identifier { get; init; }
}

public sealed record CompletionOptions
{
    public IReadOnlyList<string>? TriggerCharacters { get; init; }
    public bool? ResolveProvider { get; init; }
}

public sealed record CodeActionOptions
{
    public IReadOnlyList<string>? CodeActionKinds { get; init; }
    public bool? ResolveProvider { get; init; }
}

public sealed record CodeLensOptions
{
    public bool? ResolveProvider { get; init; }
}

public sealed record RenameOptions
{
    public bool? PrepareProvider { get; init; }
}

public sealed record SemanticTokensOptions(SemanticTokensLegend Legend)
{
    public bool? Range { get; init; }
    public bool? Full { get; init; }
}

public sealed record WorkspaceOptions
{
    public WorkspaceFoldersServerCapabilities? WorkspaceFolders { get; init; }
}

public sealed record WorkspaceFoldersServerCapabilities
{
    public bool? Supported { get; init; }
    public bool? ChangeNotifications { get; init; }
}
