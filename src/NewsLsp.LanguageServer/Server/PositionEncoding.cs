namespace NewsLsp.LanguageServer.Server;

/// <summary>The unit an LSP <c>Position.character</c> counts in, as negotiated in <c>initialize</c>.</summary>
public enum PositionEncoding
{
    Utf16,
    Utf8,
}
