using System.Collections.Immutable;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;

namespace NewsLsp.Ide.Symbols;

/// <summary>The outline of an article: its entities grouped by type (people, places, organisations, other).</summary>
public static class DocumentEntitySymbols
{
    public static IReadOnlyList<EntitySymbolGroup> Of(WorkspaceSnapshot snapshot, DocumentKey document)
    {
        if (snapshot.GetArticle(document) is null) return [];
        var index = EntityIndex.For(snapshot);
        return index.MentionsIn(document)
            .GroupBy(m => m.Entity.Id, StringComparer.Ordinal)
            .Select(g =>
            {
                var defining = g.FirstOrDefault(m => m.Mention.IsFullName) ?? g.First();
                return new EntitySymbol(g.First().Entity, EntityLookup.SpanOf(snapshot, defining), g.Count());
            })
            .GroupBy(s => s.Entity.Type)
            .OrderBy(g => g.Key)
            .Select(g => new EntitySymbolGroup(g.Key, [.. g.OrderBy(s => s.Location.Span.Start)]))
            .ToList();
    }
}
