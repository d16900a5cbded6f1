using System.Text.Json;
using System.Text.Json.Serialization;
using NewsLsp.Analysis;
using NewsLsp.ProjectSystem;

namespace NewsLsp.Cli;

/// <summary>SARIF 2.1.0 with every rule (and its help URI) and one result per diagnostic; columns in UTF-16 code units.</summary>
internal static class SarifFormatter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(LintReport report, Stream output)
    {
        var rules = report.Catalog.Descriptors;
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var driver = new SarifDriver("NewsLsp", typeof(SarifFormatter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            [.. rules.Select(r => new SarifRule(r.Id, Name(r.Title), new SarifText(r.Title), HelpUri(r),
                new SarifConfiguration(Level(r.DefaultSeverity), r.IsEnabledByDefault)))]);
        var results = report.Diagnostics.Select(d => new SarifResult(d.Id, index[d.Id], Level(d.Severity), new SarifText(d.Message),
            [new SarifLocation(null, Physical(d.Document.Value, d.Range), null)],
            d.Related.IsEmpty ? null : [.. d.Related.Select((r, i) => new SarifLocation(i, Physical(r.Document.Value, r.Range), new SarifText(r.Message)))]));
        var log = new SarifLog(SchemaUri, "2.1.0", [new SarifRun(new SarifTool(driver), [.. results], "utf16CodeUnits")]);
        JsonSerializer.Serialize(output, log, CliJson.Context.SarifLog);
        output.WriteByte((byte)'\n');
    }

    private static SarifPhysicalLocation Physical(string path, Microsoft.CodeAnalysis.Text.LinePositionSpan range) => new(
        new SarifArtifactLocation(ToUriReference(path)),
        new SarifRegion(range.Start.Line + 1, range.Start.Character + 1, range.End.Line + 1, range.End.Character + 1));

    // SARIF artifact locations are URI references: relative paths with forward slashes, each segment escaped.
    private static string ToUriReference(string path)
    {
        if (Path.IsPathRooted(path)) return new Uri(Path.GetFullPath(path)).AbsoluteUri;
        return string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }

    private static string HelpUri(DiagnosticDescriptor descriptor) => RuleHelp.Link(descriptor);

    private static string Name(string title) => string.Concat(title.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(w => char.ToUpperInvariant(w[0]) + w[1..]).Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())));

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Information or Severity.Hint => "note",
        _ => "none",
    };
}

internal sealed record SarifLog([property: JsonPropertyName("$schema")] string Schema, string Version, IReadOnlyList<SarifRun> Runs);
internal sealed record SarifRun(SarifTool Tool, IReadOnlyList<SarifResult> Results, string ColumnKind);
internal sealed record SarifTool(SarifDriver Driver);
internal sealed record SarifDriver(string Name, string SemanticVersion, IReadOnlyList<SarifRule> Rules);
internal sealed record SarifRule(string Id, string Name, SarifText ShortDescription, string HelpUri, SarifConfiguration DefaultConfiguration);
internal sealed record SarifConfiguration(string Level, bool Enabled);
internal sealed record SarifText(string Text);

internal sealed record SarifResult(string RuleId, int RuleIndex, string Level, SarifText Message,
    IReadOnlyList<SarifLocation> Locations,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SarifLocation>? RelatedLocations);

internal sealed record SarifLocation(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Id,
    SarifPhysicalLocation PhysicalLocation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SarifText? Message);

internal sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion Region);
internal sealed record SarifArtifactLocation(string Uri);
internal sealed record SarifRegion(int StartLine, int StartColumn, int EndLine, int EndColumn);
