using System.Text.Json.Nodes;
using static NewsLsp.LanguageServer.Tests.Infrastructure.Json;

namespace NewsLsp.LanguageServer.Tests.Infrastructure;

/// <summary>Text-sync helpers over an <see cref="LspTestClient"/>.</summary>
public static class DocumentSession
{
    public static Task OpenAsync(this LspTestClient client, string uri, string text, int version = 1) =>
        client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "plaintext", ["version"] = version, ["text"] = text },
        });

    public static Task ChangeAsync(this LspTestClient client, string uri, int version, params JsonObject[] changes) =>
        client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray([.. changes]),
        });

    public static JsonObject Edit(int l1, int c1, int l2, int c2, string text) => new() { ["range"] = Range(l1, c1, l2, c2), ["text"] = text };

    public static JsonObject Full(string text) => new() { ["text"] = text };

    public static Task CloseAsync(this LspTestClient client, string uri) =>
        client.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = TextDocument(uri) });

    /// <summary>The server's (version, text) of a document, or null when it does not know it.</summary>
    public static async Task<(int Version, string Text)?> TextAsync(this LspTestClient client, string uri)
    {
        var response = await client.RequestAsync("test/text", new JsonObject { ["textDocument"] = TextDocument(uri), ["position"] = Pos(0, 0) });
        var value = (string?)response["result"]?["contents"]?["value"];
        if (value is null) return null;
        var bar = value.IndexOf('|');
        return (int.Parse(value[..bar]), value[(bar + 1)..]);
    }

    public static async Task<JsonObject> PullAsync(this LspTestClient client, string uri, string? previousResultId = null)
    {
        var @params = new JsonObject { ["textDocument"] = TextDocument(uri) };
        if (previousResultId is not null) @params["previousResultId"] = previousResultId;
        var response = await client.RequestAsync("textDocument/diagnostic", @params);
        return response["result"]!.AsObject();
    }

    public static IEnumerable<string> Codes(JsonNode? diagnostics) =>
        diagnostics!.AsArray().Select(d => (string)d!["code"]!);

    public static JsonObject PullCapabilities(bool refresh = true)
    {
        var capabilities = Obj("""{"textDocument":{"diagnostic":{"dynamicRegistration":false,"relatedDocumentSupport":false}},"workspace":{"diagnostics":{}}}""");
        capabilities["workspace"]!["diagnostics"]!["refreshSupport"] = refresh;
        return capabilities;
    }
}
