using NewsLsp.Text;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;

namespace NewsLsp.Ide.Navigation;

/// <summary>Document highlights: the mentions of the entity under the caret in the same document.</summary>
public static class EntityHighlights
{
    public static IReadOnlyList<EntityHighlight> In(WorkspaceSnapshot snapshot, DocumentKey document, LinePosition position)
    {
        if (EntityLookup.At(snapshot, document, position) is not { } occurrence) return [];
        var declaration = EntityNavigation.Declaration(snapshot, occurrence);
        var lines = LineMap.Of(snapshot.GetRequiredArticle(document).Text);
        return EntityIndex.For(snapshot).MentionsIn(document)
            .Where(m => m.Entity.Id == occurrence.Entity.Id)
            .Select(m => new EntityHighlight(lines.GetLinePositionSpan(m.Span), declaration is not null && declaration.Document == document && declaration.Span == m.Span))
            .ToList();
    }
}
