using System.Text.Json.Nodes;

namespace NewsLsp.LanguageServer.Tests.Infrastructure;

public static class Json
{
    public static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    public static int? ErrorCode(JsonObject response) => (int?)response["error"]?["code"];

    public static JsonObject TextDocument(string uri) => new() { ["uri"] = uri };

    public static JsonObject Pos(int line, int character) => new() { ["line"] = line, ["character"] = character };

    public static JsonObject Range(int l1, int c1, int l2, int c2) => new() { ["start"] = Pos(l1, c1), ["end"] = Pos(l2, c2) };
}
