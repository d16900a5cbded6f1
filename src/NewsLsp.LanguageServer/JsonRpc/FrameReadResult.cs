namespace NewsLsp.LanguageServer.JsonRpc;

public enum FrameKind
{
    /// <summary>A complete message body.</summary>
    Message,
    /// <summary>A header block or body the framer could not accept; it has resynchronised and <see cref="FrameReadResult.Error"/> says why.</summary>
    Rejected,
    /// <summary>The input ended.</summary>
    EndOfStream,
}

/// <summary>One step of the framer: a body, a rejected frame (the stream goes on), or the end of input.</summary>
public readonly record struct FrameReadResult(FrameKind Kind, byte[]? Body, string? Error)
{
    public static FrameReadResult EndOfStream => new(FrameKind.EndOfStream, null, null);
    public static FrameReadResult Rejected(string error) => new(FrameKind.Rejected, null, error);
    public static FrameReadResult Message(byte[] body) => new(FrameKind.Message, body, null);
}
