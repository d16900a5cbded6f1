using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Ide.Hover;

/// <summary>The composed hover: Markdown and the range it is about (UTF-16 columns), when known.</summary>
public sealed record HoverResult(string Markdown, LinePositionSpan? Range);
