using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;

namespace NewsLsp.Ide.Symbols;

/// <summary>An entity found by a workspace symbol search, located at its introduction in the corpus.</summary>
public sealed record WorkspaceEntitySymbol(LinkedEntity Entity, DocumentSpan Introduction);

/// <summary>
/// Workspace symbol search over entity names. The query matches an entity when it is a substring of its canonical
/// name or of one of its spellings, ignoring case and diacritics (an empty query matches everything). Entities whose
/// name starts with the query come first, then by canonical name.
/// </summary>
public static class WorkspaceEntitySymbols
{
    public static IReadOnlyList<WorkspaceEntitySymbol> Search(WorkspaceSnapshot snapshot, string query, CancellationToken cancellationToken)
    {
        var index = EntityIndex.For(snapshot);
        var folded = NameForms.Fold(query.Trim());
        var found = new List<(WorkspaceEntitySymbol Symbol, bool Prefix)>();
        foreach (var entity in index.Entities.Entities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var names = entity.Aliases.Prepend(entity.Canonical).Select(NameForms.Fold).ToList();
            if (folded.Length > 0 && !names.Any(n => n.Contains(folded, StringComparison.Ordinal))) continue;
            if (index.Introduction(entity.Id) is not { } introduction) continue;
            var prefix = folded.Length == 0 || names.Any(n => n.StartsWith(folded, StringComparison.Ordinal));
            found.Add((new WorkspaceEntitySymbol(entity, EntityLookup.SpanOf(snapshot, introduction)), prefix));
        }
        return found.OrderByDescending(f => f.Prefix).ThenBy(f => f.Symbol.Entity.Canonical, StringComparer.Ordinal).Select(f => f.Symbol).ToList();
    }
}
