namespace NewsLsp.LanguageServer.Protocol;

public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);

/// <summary>
/// The meta-model's union of a partial change (<c>range</c>, optional <c>rangeLength</c>, <c>text</c>) and
/// a whole-document change (<c>text</c> only): <see cref="Range"/> null means the whole document.
/// </summary>
public sealed record TextDocumentContentChangeEvent(string Text)
{
    public Range? Range { get; init; }
    public int? RangeLength { get; init; }
}

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument)
{
    public string? Text { get; init; }
}
