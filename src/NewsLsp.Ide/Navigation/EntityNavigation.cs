using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;

namespace NewsLsp.Ide.Navigation;

/// <summary>Go to definition and find references for entity mentions.</summary>
public static class EntityNavigation
{
    /// <summary>
    /// The defining mention of the entity under the caret: its first full-name mention in this article, else the first
    /// full-name mention in the corpus (documents in key order), else its first mention.
    /// </summary>
    public static DocumentSpan? Definition(WorkspaceSnapshot snapshot, DocumentKey document, LinePosition position)
    {
        if (EntityLookup.At(snapshot, document, position) is not { } occurrence) return null;
        return Declaration(snapshot, occurrence) is { } declaration ? EntityLookup.SpanOf(snapshot, declaration) : null;
    }

    /// <summary>
    /// Every mention of the entity under the caret in every article of the snapshot (open or not), by document then
    /// position. Without <paramref name="includeDeclaration"/> the defining mention (see <see cref="Definition"/>) is left out.
    /// </summary>
    public static IReadOnlyList<DocumentSpan> References(WorkspaceSnapshot snapshot, DocumentKey document, LinePosition position, bool includeDeclaration)
    {
        if (EntityLookup.At(snapshot, document, position) is not { } occurrence) return [];
        var declaration = includeDeclaration ? null : Declaration(snapshot, occurrence);
        return EntityIndex.For(snapshot).MentionsOf(occurrence.Entity.Id)
            .Where(m => declaration is null || m.Document != declaration.Document || m.Span != declaration.Span)
            .Select(m => EntityLookup.SpanOf(snapshot, m))
            .ToList();
    }

    /// <summary>The defining mention of an occurrence's entity, from the occurrence's article.</summary>
    public static EntityOccurrence? Declaration(WorkspaceSnapshot snapshot, EntityOccurrence occurrence) =>
        EntityIndex.For(snapshot).Introduction(occurrence.Entity.Id, occurrence.Document);
}
