using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Ide.Hover;

/// <summary>
/// One part of a hover, in Markdown. Sections are shown by ascending <paramref name="Order"/> (ties keep provider
/// registration order); <paramref name="Span"/> is the text the section is about (UTF-16 offsets), used to
/// highlight the hovered range.
/// </summary>
public sealed record HoverSection(int Order, string Markdown, TextSpan? Span);

/// <summary>Conventional orders, so providers written apart interleave predictably.</summary>
public static class HoverOrder
{
    public const int Entity = 100;
    public const int Quote = 200;
    public const int Number = 300;
}
