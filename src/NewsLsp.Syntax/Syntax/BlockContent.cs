using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Syntax;

/// <summary>
/// What a line says, independent of where it stands: its text, tokens and sentences, all relative to the line
/// start. Two lines with the same text share one content, which is how an edit reuses untouched paragraphs.
/// </summary>
public sealed class BlockContent
{
    public BlockContent(string text, ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences, ImageSyntax? image)
    {
        Text = text;
        Tokens = tokens;
        Sentences = sentences;
        Image = image;
    }

    public string Text { get; }
    public ImmutableArray<Token> Tokens { get; }
    public ImmutableArray<Sentence> Sentences { get; }

    /// <summary>Set when the line is a Markdown image.</summary>
    public ImageSyntax? Image { get; }

    public string TokenText(Token token) => Text.Substring(token.Start, token.Length);
}

/// <summary>A Markdown image line <c>![alt](url)</c>; spans relative to the line.</summary>
public sealed record ImageSyntax(TextSpan AltSpan, string Alt, TextSpan UrlSpan, string Url);
