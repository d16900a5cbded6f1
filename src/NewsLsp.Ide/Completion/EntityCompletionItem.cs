using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis.Entities;

namespace NewsLsp.Ide.Completion;

/// <summary>
/// A known name to insert: <paramref name="Text"/> (the canonical name or a spelling), its entity, the range of
/// typed text it replaces (UTF-16 columns), and how many articles use this spelling (for ranking).
/// </summary>
public sealed record EntityCompletionItem(string Text, LinkedEntity Entity, LinePositionSpan Replace, int ArticleCount)
{
    public bool IsCanonical => Text == Entity.Canonical;
}
