using NewsLsp.Text;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;

namespace NewsLsp.Ide.Hover;

/// <summary>
/// Where the hover is asked: a document of a snapshot and a position in UTF-16 columns (with its offset).
/// <paramref name="LinkTarget"/> turns a document into the address a Markdown link should point at (the edge knows
/// URIs; by default the key itself).
/// </summary>
public sealed record HoverRequest(WorkspaceSnapshot Snapshot, DocumentKey Document, LinePosition Position, int Offset, Func<DocumentKey, string> LinkTarget)
{
    public static HoverRequest? Create(WorkspaceSnapshot snapshot, DocumentKey document, LinePosition position, Func<DocumentKey, string>? linkTarget = null)
    {
        if (snapshot.GetArticle(document) is not { } article || position.Line >= LineMap.Of(article.Text).Count) return null;
        return new HoverRequest(snapshot, document, position, LineMap.Of(article.Text).GetOffset(position), linkTarget ?? (key => key.Value));
    }
}
