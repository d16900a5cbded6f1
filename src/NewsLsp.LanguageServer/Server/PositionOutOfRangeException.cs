namespace NewsLsp.LanguageServer.Server;

/// <summary>A position's line lies past the end of the document (characters past a line's end are clamped instead, as the spec says).</summary>
public sealed class PositionOutOfRangeException(string message) : Exception(message);
