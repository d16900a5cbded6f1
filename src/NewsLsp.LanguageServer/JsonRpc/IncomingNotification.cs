using System.Text.Json;

namespace NewsLsp.LanguageServer.JsonRpc;

/// <summary>A notification from the client: no id, no answer.</summary>
public sealed record IncomingNotification(string Method, JsonElement Params);
