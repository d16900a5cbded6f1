using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Analysis;

/// <summary>
/// What an analyzer reports, before configuration: no severity and no line/column yet. Kept apart from
/// <see cref="ArticleDiagnostic"/> so that changing severities never re-runs an analyzer.
/// </summary>
public sealed record ReportedDiagnostic(
    DiagnosticDescriptor Descriptor,
    TextSpan Span,
    string Message,
    ImmutableArray<ReportedLocation> Related,
    ImmutableArray<ReportedFix> Fixes);

public sealed record ReportedLocation(DocumentKey Document, TextSpan Span, string Message);

public sealed record ReportedFix(string Title, ImmutableArray<ReportedEdit> Edits, bool IsPreferred = false);

public sealed record ReportedEdit(DocumentKey Document, TextSpan Span, string NewText);
