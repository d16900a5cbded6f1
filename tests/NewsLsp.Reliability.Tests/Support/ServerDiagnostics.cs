using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;

namespace NewsLsp.Reliability.Tests;

/// <summary>Compares what the server reports with what the engine computes in-process from the client's texts.</summary>
public static class ServerDiagnostics
{
    public static JsonObject Open(string uri, string text, int version) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "plaintext", ["version"] = version, ["text"] = text },
    };

    public static JsonObject Pull(string uri) => new() { ["textDocument"] = new JsonObject { ["uri"] = uri } };

    /// <summary>The diagnostics of a pull response as comparable lines.</summary>
    public static List<string> FromResponse(JsonObject response)
    {
        var result = response["result"] ?? throw new InvalidOperationException("no result: " + response.ToJsonString());
        return [.. result["items"]!.AsArray().Select(d =>
        {
            var r = d!["range"]!;
            return $"{r["start"]!["line"]}:{r["start"]!["character"]}-{r["end"]!["line"]}:{r["end"]!["character"]} {d["code"]} {d["message"]}";
        }).Order(StringComparer.Ordinal)];
    }

    /// <summary>The engine's diagnostics for <paramref name="uri"/> in a workspace holding exactly <paramref name="texts"/>.</summary>
    public static List<string> Expected(IReadOnlyDictionary<string, string> texts, string uri)
    {
        var snapshot = WorkspaceSnapshot.Create();
        foreach (var (key, text) in texts) snapshot = snapshot.WithDocumentText(new DocumentKey(key), SourceText.From(text));
        return [.. snapshot.GetDiagnostics(new DocumentKey(uri)).Select(d =>
            $"{d.Range.Start.Line}:{d.Range.Start.Character}-{d.Range.End.Line}:{d.Range.End.Character} {d.Id} {d.Message}").Order(StringComparer.Ordinal)];
    }
}
