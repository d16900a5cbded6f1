using NewsLsp.Text;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;

namespace NewsLsp.Ide;

/// <summary>A span of one document: UTF-16 offsets and the same span as lines and UTF-16 columns.</summary>
public sealed record DocumentSpan(DocumentKey Document, TextSpan Span, LinePositionSpan Range)
{
    /// <summary>The span in the document's text as of <paramref name="snapshot"/>.</summary>
    public static DocumentSpan In(WorkspaceSnapshot snapshot, DocumentKey document, TextSpan span) =>
        new(document, span, LineMap.Of(snapshot.GetRequiredArticle(document).Text).GetLinePositionSpan(span));
}
