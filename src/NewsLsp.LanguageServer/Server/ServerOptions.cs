using Microsoft.Extensions.Logging;

namespace NewsLsp.LanguageServer.Server;

/// <summary>Knobs of <c>newslsp serve</c>; every one has a sensible default.</summary>
public sealed record ServerOptions
{
    /// <summary>Largest accepted JSON-RPC message body.</summary>
    public int MaxMessageBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>Largest article text the server accepts (opened, changed or read from disk), in UTF-16 code units.</summary>
    public int MaxDocumentChars { get; init; } = 4 * 1024 * 1024;

    /// <summary>Quiet time after the last edit before pushed diagnostics are published.</summary>
    public TimeSpan DiagnosticsDebounce { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a server→client request (configuration, registration, progress) may take.</summary>
    public TimeSpan ServerRequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Least severe log level sent anywhere (stderr and <c>window/logMessage</c>).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Whether logs also go to stderr (tests turn this off to keep output quiet).</summary>
    public bool LogToStandardError { get; init; } = true;
}
