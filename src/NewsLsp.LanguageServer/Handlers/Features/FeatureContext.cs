using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Ide;
using NewsLsp.LanguageServer.Documents;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Features;

/// <summary>The conversions every language-feature handler makes: client position → engine position, engine span → client location.</summary>
internal static class FeatureContext
{
    /// <summary>The document and the position in UTF-16 columns, or null when the server does not know the document.</summary>
    /// <exception cref="Server.PositionOutOfRangeException">The line is outside the document (answered InvalidParams).</exception>
    public static (DocumentKey Key, ArticleState Article, LinePosition Position)? Locate(RequestContext context, string uri, Position position)
    {
        var key = LanguageServerWorkspace.KeyOf(uri);
        if (context.Snapshot.GetArticle(key) is not { } article) return null;
        return (key, article, context.Positions.ToLinePosition(article.Text, position));
    }

    /// <summary>A location in the client's URI spelling and position encoding.</summary>
    public static Location ToLocation(RequestContext context, DocumentSpan span) =>
        new(context.Workspace.ClientUri(span.Document), ToRange(context, span.Document, span.Range));

    public static Range ToRange(RequestContext context, DocumentKey document, LinePositionSpan range) =>
        context.Positions.ToRange(context.Snapshot.GetRequiredArticle(document).Text, range);
}
