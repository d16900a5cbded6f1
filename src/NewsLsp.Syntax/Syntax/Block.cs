using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Syntax;

/// <summary>A line of the article at its place: its kind, absolute start and shared content.</summary>
public sealed record Block(BlockKind Kind, int Start, BlockContent Content)
{
    public TextSpan Span => new(Start, Content.Length);
    public ReadOnlySpan<char> Chars => Content.Chars;

    /// <summary>A copy of the line's text (allocates; analyses read <see cref="Chars"/>).</summary>
    public string Text => Content.ToString();
    public ImmutableArray<Token> Tokens => Content.Tokens;
    public ImmutableArray<Sentence> Sentences => Content.Sentences;

    /// <summary>The token's span in the article.</summary>
    public TextSpan AbsoluteSpan(Token token) => new(Start + token.Start, token.Length);

    public TextSpan AbsoluteSpan(Sentence sentence) => new(Start + sentence.Span.Start, sentence.Span.Length);
}
