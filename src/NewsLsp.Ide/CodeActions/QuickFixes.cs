using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;

namespace NewsLsp.Ide.CodeActions;

/// <summary>Quick fixes for a range: every fix of every diagnostic of the document (after configuration and suppressions) whose range touches it.</summary>
public static class QuickFixes
{
    public static IReadOnlyList<QuickFix> For(WorkspaceSnapshot snapshot, DocumentKey document, LinePositionSpan range)
    {
        if (snapshot.GetArticle(document) is null) return [];
        return snapshot.GetDiagnostics(document)
            .Where(d => Touches(d.Range, range))
            .SelectMany(d => d.Fixes.Select(f => new QuickFix(d, f)))
            .ToList();
    }

    /// <summary>Whether two ranges overlap or touch (an empty range at a diagnostic's edge counts: that is where the caret is).</summary>
    public static bool Touches(LinePositionSpan a, LinePositionSpan b) => a.Start <= b.End && b.Start <= a.End;
}
