using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Ide.Navigation;

/// <summary>A mention of the highlighted entity in the current document; <paramref name="IsDefinition"/> marks the defining mention.</summary>
public sealed record EntityHighlight(LinePositionSpan Range, bool IsDefinition);
