using System.Collections.Immutable;
using NewsLsp.Analysis;

namespace NewsLsp.Ide.Rename;

/// <summary>
/// The edits a rename makes (in several documents; none is applied by the engine), or why it cannot be done.
/// Edits of one document never overlap and are in text order.
/// </summary>
public sealed record RenameOutcome(ImmutableArray<DocumentEdit> Edits, string? Error)
{
    public static RenameOutcome Failed(string error) => new([], error);
}
