using System.Collections.Immutable;

namespace NewsLsp.Analysis.Entities;

/// <summary>An article's mentions joined with the corpus's entities, for analyzers (which must read corpus facts through their context).</summary>
public static class EntityOccurrences
{
    public static ImmutableArray<EntityOccurrence> InArticle(ArticleState article, LinkedEntities linked)
    {
        var mentions = article.Get(ArticleEntityMentions.Query).Mentions;
        var result = ImmutableArray.CreateBuilder<EntityOccurrence>(mentions.Length); // nearly every mention finds its entity
        foreach (var mention in mentions)
        {
            if (linked.Find(mention.Text, mention.Type) is { } entity) result.Add(new EntityOccurrence(article.Key, mention, entity));
        }
        return result.ToImmutable();
    }
}
