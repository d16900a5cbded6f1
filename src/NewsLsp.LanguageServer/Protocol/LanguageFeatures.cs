using System.Text.Json;

namespace NewsLsp.LanguageServer.Protocol;

// Structures for the language features later handlers implement (hover, navigation, rename, symbols, …).
// Unions are narrowed to the one branch the server emits (e.g. Hover.contents is always MarkupContent).

public sealed record Hover(MarkupContent Contents)
{
    public Range? Range { get; init; }
}

public sealed record ReferenceContext(bool IncludeDeclaration);

public sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext Context);

public enum DocumentHighlightKind
{
    Text = 1,
    Read = 2,
    Write = 3,
}

public sealed record DocumentHighlight(Range Range)
{
    public DocumentHighlightKind? Kind { get; init; }
}

public sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName);

/// <summary>The <c>{ range, placeholder }</c> branch of PrepareRenameResult.</summary>
public sealed record PrepareRenameResult(Range Range, string Placeholder);

public enum SymbolKind
{
    File = 1, Module = 2, Namespace = 3, Package = 4, Class = 5, Method = 6, Property = 7, Field = 8, Constructor = 9,
    Enum = 10, Interface = 11, Function = 12, Variable = 13, Constant = 14, String = 15, Number = 16, Boolean = 17,
    Array = 18, Object = 19, Key = 20, Null = 21, EnumMember = 22, Struct = 23, Event = 24, Operator = 25, TypeParameter = 26,
}

public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

public sealed record DocumentSymbol(string Name, SymbolKind Kind, Range Range, Range SelectionRange)
{
    public string? Detail { get; init; }
    public IReadOnlyList<DocumentSymbol>? Children { get; init; }
}

public sealed record WorkspaceSymbolParams(string Query);

public sealed record WorkspaceSymbol(string Name, SymbolKind Kind, Location Location)
{
    public string? ContainerName { get; init; }
}

public sealed record CodeActionContext(IReadOnlyList<Diagnostic> Diagnostics)
{
    public IReadOnlyList<string>? Only { get; init; }
    public int? TriggerKind { get; init; }
}

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

public static class CodeActionKind
{
    public const string QuickFix = "quickfix";
    public const string Refactor = "refactor";
    public const string Source = "source";
}

public sealed record CodeAction(string Title)
{
    public string? Kind { get; init; }
    public IReadOnlyList<Diagnostic>? Diagnostics { get; init; }
    public bool? IsPreferred { get; init; }
    public WorkspaceEdit? Edit { get; init; }
    public Command? Command { get; init; }
    public JsonElement? Data { get; init; }
}

public sealed record CodeLensParams(TextDocumentIdentifier TextDocument);

public sealed record CodeLens(Range Range)
{
    public Command? Command { get; init; }
    public JsonElement? Data { get; init; }
}

public sealed record InlayHintParams(TextDocumentIdentifier TextDocument, Range Range);

public enum InlayHintKind
{
    Type = 1,
    Parameter = 2,
}

/// <summary>The string branch of <c>label</c>.</summary>
public sealed record InlayHint(Position Position, string Label)
{
    public InlayHintKind? Kind { get; init; }
    public MarkupContent? Tooltip { get; init; }
    public bool? PaddingLeft { get; init; }
    public bool? PaddingRight { get; init; }
}

public sealed record SemanticTokensLegend(IReadOnlyList<string> TokenTypes, IReadOnlyList<string> TokenModifiers);

public sealed record SemanticTokensParams(TextDocumentIdentifier TextDocument);

public sealed record SemanticTokensRangeParams(TextDocumentIdentifier TextDocument, Range Range);

public sealed record SemanticTokens(IReadOnlyList<int> Data)
{
    public string? ResultId { get; init; }
}

public sealed record CompletionParams(TextDocumentIdentifier TextDocument, Position Position);

public enum CompletionItemKind
{
    Text = 1, Method = 2, Function = 3, Constructor = 4, Field = 5, Variable = 6, Class = 7, Interface = 8, Module = 9,
    Property = 10, Unit = 11, Value = 12, Enum = 13, Keyword = 14, Snippet = 15, Color = 16, File = 17, Reference = 18,
    Folder = 19, EnumMember = 20, Constant = 21, Struct = 22, Event = 23, Operator = 24, TypeParameter = 25,
}

public sealed record CompletionItem(string Label)
{
    public CompletionItemKind? Kind { get; init; }
    public string? Detail { get; init; }
    public MarkupContent? Documentation { get; init; }
    public string? SortText { get; init; }
    public string? FilterText { get; init; }
    public TextEdit? TextEdit { get; init; }
}

public sealed record CompletionList(bool IsIncomplete, IReadOnlyList<CompletionItem> Items);
