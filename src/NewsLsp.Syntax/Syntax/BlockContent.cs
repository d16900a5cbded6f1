using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Syntax;

/// <summary>
/// What a line says, independent of where it stands: its characters, tokens and sentences, all relative to the line
/// start. A line with the same text in the next version of the article reuses the tokens and sentences (see
/// <see cref="ArticleParser"/>). The characters are a slice of the article's text, not a copy: every word of the
/// corpus is otherwise held twice.
/// </summary>
public sealed class BlockContent
{
    private readonly string _source;
    private readonly int _start;

    public BlockContent(string source, int start, int length, ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences, ImageSyntax? image)
    {
        if ((uint)start > (uint)source.Length || (uint)length > (uint)(source.Length - start)) throw new ArgumentOutOfRangeException(nameof(length));
        _source = source;
        _start = start;
        Length = length;
        Tokens = tokens;
        Sentences = sentences;
        Image = image;
    }

    public int Length { get; }
    public ReadOnlySpan<char> Chars => _source.AsSpan(_start, Length);
    public ImmutableArray<Token> Tokens { get; }
    public ImmutableArray<Sentence> Sentences { get; }

    /// <summary>Set when the line is a Markdown image.</summary>
    public ImageSyntax? Image { get; }

    public string TokenText(Token token) => _source.Substring(_start + token.Start, token.Length);

    /// <summary>The same tokens and sentences over the same characters in another version of the text (which the content must not keep alive).</summary>
    internal BlockContent MovedTo(string source, int start) => new(source, start, Length, Tokens, Sentences, Image);

    /// <summary>A copy of the line's text.</summary>
    public override string ToString() => Chars.ToString();
}

/// <summary>A Markdown image line <c>![alt](url)</c>; spans relative to the line.</summary>
public sealed record ImageSyntax(TextSpan AltSpan, string Alt, TextSpan UrlSpan, string Url);
