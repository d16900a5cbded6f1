namespace NewsLsp.LanguageServer.JsonRpc;

public sealed record JsonRpcOptions
{
    /// <summary>Largest accepted message body; larger frames are skipped and answered with an error.</summary>
    public int MaxMessageBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>How long a server→client request waits for its answer before it is cancelled.</summary>
    public TimeSpan ServerRequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
