using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Analysis;

/// <summary>A finding in one article, as plain data. Spans are UTF-16 offsets into the article's text.</summary>
public sealed record ArticleDiagnostic(
    DiagnosticDescriptor Descriptor,
    DocumentKey Document,
    TextSpan Span,
    LinePositionSpan Range,
    string Message,
    Severity Severity,
    ImmutableArray<RelatedLocation> Related,
    ImmutableArray<CodeFix> Fixes)
{
    public string Id => Descriptor.Id;
}

/// <summary>Another place, usually in another source, that explains the finding.</summary>
public sealed record RelatedLocation(DocumentKey Document, TextSpan Span, LinePositionSpan Range, string Message);

/// <summary>A quick fix: a title and the edits it makes (possibly in several documents). Applied only by the user.</summary>
public sealed record CodeFix(string Title, ImmutableArray<DocumentEdit> Edits, bool IsPreferred = false);

/// <summary>Replace <see cref="Span"/> of <see cref="Document"/> with <see cref="NewText"/>.</summary>
public sealed record DocumentEdit(DocumentKey Document, TextSpan Span, LinePositionSpan Range, string NewText);
