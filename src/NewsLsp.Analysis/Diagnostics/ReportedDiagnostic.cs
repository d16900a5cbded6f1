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

/// <summary>
/// A location in another (or the same) document. <see cref="Anchor"/>, when given, says how to find the place in the
/// document's current text, so a cross-article finding reused after an edit elsewhere still points at the right span;
/// <see cref="Span"/> is where it was when reported.
/// </summary>
public sealed record ReportedLocation(DocumentKey Document, TextSpan Span, string Message, LocationAnchor? Anchor = null)
{
    /// <summary>Shared (<see cref="DiagnosticMessages"/>): the same few messages recur across the workspace's findings.</summary>
    public string Message { get; init; } = DiagnosticMessages.Share(Message);
}

/// <summary>
/// Finds a place in an article's current text from something position-independent (the n-th quote…). Resolved each
/// time diagnostics are produced, against the snapshot's state of the document. Must be a value (record) type.
/// </summary>
public abstract record LocationAnchor
{
    public abstract TextSpan Resolve(ArticleState article);
}

public sealed record ReportedFix(string Title, ImmutableArray<ReportedEdit> Edits, bool IsPreferred = false);

public sealed record ReportedEdit(DocumentKey Document, TextSpan Span, string NewText);
