using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsLsp.LanguageServer.Protocol;

// initialize / initialized / shutdown / exit, $/setTrace, $/logTrace.

public sealed record InitializeParams
{
    public int? ProcessId { get; init; }
    public ClientInfo? ClientInfo { get; init; }
    public string? Locale { get; init; }
    public string? RootPath { get; init; }
    public string? RootUri { get; init; }
    public ClientCapabilities Capabilities { get; init; } = new();
    public JsonElement? InitializationOptions { get; init; }
    public string? Trace { get; init; }
    public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }
}

public sealed record ClientInfo(string Name)
{
    public string? Version { get; init; }
}

public sealed record ServerInfo(string Name)
{
    public string? Version { get; init; }
}

public sealed record InitializeResult(ServerCapabilities Capabilities)
{
    public ServerInfo? ServerInfo { get; init; }
}

public sealed record InitializedParams;

public sealed record SetTraceParams(string Value);

public sealed record LogTraceParams(string Message)
{
    public string? Verbose { get; init; }
}

public static class TraceValue
{
    public const string Off = "off";
    public const string Messages = "messages";
    public const string Verbose = "verbose";
}

public static class PositionEncodingKind
{
    public const string Utf8 = "utf-8";
    public const string Utf16 = "utf-16";
    public const string Utf32 = "utf-32";
}

/// <summary>An LSP request or notification with no params (shutdown, exit) deserialises to this.</summary>
public sealed record NoParams;
