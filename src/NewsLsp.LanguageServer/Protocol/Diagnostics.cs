using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsLsp.LanguageServer.Protocol;

public enum DiagnosticSeverity
{
    Error = 1,
    Warning = 2,
    Information = 3,
    Hint = 4,
}

public enum DiagnosticTag
{
    Unnecessary = 1,
    Deprecated = 2,
}

public sealed record CodeDescription(string Href);

public sealed record DiagnosticRelatedInformation(Location Location, string Message);

public sealed record Diagnostic(Range Range, string Message)
{
    public DiagnosticSeverity? Severity { get; init; }
    public IntegerOrString? Code { get; init; }
    public CodeDescription? CodeDescription { get; init; }
    public string? Source { get; init; }
    public IReadOnlyList<DiagnosticTag>? Tags { get; init; }
    public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }
    public JsonElement? Data { get; init; }
}

public sealed record PublishDiagnosticsParams(string Uri, IReadOnlyList<Diagnostic> Diagnostics)
{
    public int? Version { get; init; }
}

public sealed record DocumentDiagnosticParams(TextDocumentIdentifier TextDocument)
{
    public string? Identifier { get; init; }
    public string? PreviousResultId { get; init; }
    public IntegerOrString? WorkDoneToken { get; init; }
    public IntegerOrString? PartialResultToken { get; init; }
}

public static class DocumentDiagnosticReportKind
{
    public const string Full = "full";
    public const string Unchanged = "unchanged";
}

/// <summary>
/// The meta-model's <c>RelatedFullDocumentDiagnosticReport | RelatedUnchangedDocumentDiagnosticReport</c>:
/// <c>kind</c> "full" carries <see cref="Items"/>; "unchanged" carries only the <see cref="ResultId"/>.
/// </summary>
public sealed record DocumentDiagnosticReport(string Kind)
{
    public string? ResultId { get; init; }
    public IReadOnlyList<Diagnostic>? Items { get; init; }
    public Dictionary<string, DocumentDiagnosticReport>? RelatedDocuments { get; init; }
}

public sealed record PreviousResultId(string Uri, string Value);

public sealed record WorkspaceDiagnosticParams(IReadOnlyList<PreviousResultId> PreviousResultIds)
{
    public string? Identifier { get; init; }
    public IntegerOrString? WorkDoneToken { get; init; }
    public IntegerOrString? PartialResultToken { get; init; }
}

/// <summary><c>WorkspaceFullDocumentDiagnosticReport | WorkspaceUnchangedDocumentDiagnosticReport</c>; <c>version</c> is required and may be null.</summary>
public sealed record WorkspaceDocumentDiagnosticReport(
    string Kind,
    string Uri,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Version)
{
    public string? ResultId { get; init; }
    public IReadOnlyList<Diagnostic>? Items { get; init; }
}

public sealed record WorkspaceDiagnosticReport(IReadOnlyList<WorkspaceDocumentDiagnosticReport> Items);
