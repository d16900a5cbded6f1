using NewsLsp.Text;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;

namespace NewsLsp.Ide;

/// <summary>Which entity mention is under the caret: the shared first step of every entity feature.</summary>
public static class EntityLookup
{
    /// <summary>The mention at <paramref name="position"/> (a mention's end counts, so the caret right after a name finds it), or null.</summary>
    public static EntityOccurrence? At(WorkspaceSnapshot snapshot, DocumentKey document, LinePosition position)
    {
        if (snapshot.GetArticle(document) is not { } article) return null;
        if (position.Line >= LineMap.Of(article.Text).Count) return null;
        var offset = LineMap.Of(article.Text).GetOffset(position);
        return EntityIndex.For(snapshot).FindEntityAt(document, offset);
    }

    public static DocumentSpan SpanOf(WorkspaceSnapshot snapshot, EntityOccurrence occurrence) =>
        DocumentSpan.In(snapshot, occurrence.Document, occurrence.Span);
}
