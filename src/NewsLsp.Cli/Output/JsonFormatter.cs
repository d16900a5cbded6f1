using System.Text.Json;
using System.Text.Json.Serialization;
using NewsLsp.Analysis;

namespace NewsLsp.Cli;

/// <summary>
/// The documented JSON contract: <c>{"version":1,"diagnostics":[{"path","range","severity","code","message","related":[…]}]}</c>
/// with 0-based LSP ranges in UTF-16 code units and paths as given on the command line.
/// </summary>
internal static class JsonFormatter
{
    public static void Write(LintReport report, Stream output)
    {
        var document = new JsonLintOutput(1, [.. report.Diagnostics.Select(d => new JsonDiagnostic(
            d.Document.Value, JsonRange.From(d.Range), Severities.Name(d.Severity), d.Id, d.Message,
            [.. d.Related.Select(r => new JsonRelated(r.Document.Value, JsonRange.From(r.Range), r.Message))]))]);
        JsonSerializer.Serialize(output, document, CliJson.Context.JsonLintOutput);
        output.WriteByte((byte)'\n');
    }
}

internal sealed record JsonLintOutput(int Version, IReadOnlyList<JsonDiagnostic> Diagnostics);

internal sealed record JsonDiagnostic(string Path, JsonRange Range, string Severity, string Code, string Message, IReadOnlyList<JsonRelated> Related);

internal sealed record JsonRelated(string Path, JsonRange Range, string Message);

internal sealed record JsonRange(JsonPosition Start, JsonPosition End)
{
    public static JsonRange From(Microsoft.CodeAnalysis.Text.LinePositionSpan span) =>
        new(new JsonPosition(span.Start.Line, span.Start.Character), new JsonPosition(span.End.Line, span.End.Character));
}

internal sealed record JsonPosition(int Line, int Character);

/// <summary>Readable output: apostrophes and accented letters stay as they are (the output is UTF-8 JSON, not HTML).</summary>
internal static class CliJson
{
    public static readonly CliJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(JsonLintOutput))]
[JsonSerializable(typeof(SarifLog))]
[JsonSerializable(typeof(JsonEntitiesOutput))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
