using NewsLsp.Text;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;

namespace NewsLsp.Ide.Classification;

/// <summary>Semantic colouring: every entity mention of a document, typed by its linked entity, in text order.</summary>
public static class EntityClassifier
{
    /// <summary>The mentions of the document, or those intersecting <paramref name="range"/> when given.</summary>
    public static IReadOnlyList<ClassifiedEntity> Classify(WorkspaceSnapshot snapshot, DocumentKey document, LinePositionSpan? range = null)
    {
        if (snapshot.GetArticle(document) is not { } article) return [];
        var lines = LineMap.Of(article.Text);
        TextSpan? window = range is { } r ? lines.GetTextSpan(r) : null;
        var index = EntityIndex.For(snapshot);
        var result = new List<ClassifiedEntity>();
        foreach (var mention in index.MentionsIn(document))
        {
            if (window is { } w && (mention.Span.End <= w.Start || mention.Span.Start >= w.End)) continue;
            var definition = index.Introduction(mention.Entity.Id, document);
            var isDefinition = definition is not null && definition.Document == document && definition.Span == mention.Span;
            result.Add(new ClassifiedEntity(lines.GetLinePositionSpan(mention.Span), mention.Entity.Type, isDefinition));
        }
        return result;
    }
}
