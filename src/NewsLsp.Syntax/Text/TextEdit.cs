using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Text;

/// <summary>An LSP-style edit: a range in (line, UTF-16 character) coordinates and its replacement.</summary>
public readonly record struct TextEdit(LinePositionSpan Range, string NewText);
