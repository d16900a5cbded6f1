using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Syntax;

/// <summary>
/// A token. <see cref="Start"/> is relative to the start of its block so that a block's tokens can be reused
/// unchanged when an edit elsewhere moves the block.
/// </summary>
public readonly record struct Token(int Start, int Length, TokenKind Kind, QuoteMark Quote = QuoteMark.None)
{
    public int End => Start + Length;
    public TextSpan Span => new(Start, Length);
}
