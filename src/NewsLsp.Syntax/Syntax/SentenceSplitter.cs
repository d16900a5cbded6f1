using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Syntax;

/// <summary>
/// Splits a line's tokens into sentences: a terminator (. ! ? … ...) ends a sentence when what follows it,
/// past any closing quotes and brackets, starts a new one (a capital, a digit, an opening quote) or ends the line.
/// </summary>
public static class SentenceSplitter
{
    public static ImmutableArray<Sentence> Split(string text, ImmutableArray<Token> tokens)
    {
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var first = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!IsTerminator(text, tokens[i])) continue;
            if (IsAbbreviationStop(text, tokens, i)) continue;
            var last = i;
            while (last + 1 < tokens.Length && IsTrailer(text, tokens[last + 1])) last++;
            if (last + 1 < tokens.Length && !StartsSentence(text, tokens[last + 1])) continue;
            sentences.Add(Make(tokens, first, last));
            first = last + 1;
            i = last;
        }
        if (first < tokens.Length) sentences.Add(Make(tokens, first, tokens.Length - 1));
        return sentences.ToImmutable();
    }

    private static Sentence Make(ImmutableArray<Token> tokens, int first, int last) =>
        new(first, last - first + 1, TextSpan.FromBounds(tokens[first].Start, tokens[last].End));

    public static bool IsTerminator(ReadOnlySpan<char> text, Token token) =>
        token.Kind == TokenKind.Punctuation && (text[token.Start] is '.' or '!' or '?' or '…');

    private static bool IsAbbreviationStop(string text, ImmutableArray<Token> tokens, int i)
    {
        if (text[tokens[i].Start] != '.' || tokens[i].Length != 1 || i == 0) return false;
        var previous = tokens[i - 1];
        // "S.p.A." and the like: the word touches the stop.
        return previous.Kind == TokenKind.Word && previous.End == tokens[i].Start &&
               Abbreviations.IsAbbreviation(text.AsSpan(previous.Start, previous.Length));
    }

    private static bool IsTrailer(string text, Token token) =>
        (token.Kind == TokenKind.Quote && !QuoteMarks.IsOpening(token.Quote)) ||
        (token.Kind == TokenKind.Punctuation && text[token.Start] is ')' or ']' or '.' or '!' or '?' or '…');

    private static bool StartsSentence(string text, Token token)
    {
        var c = text[token.Start];
        return token.Kind switch
        {
            TokenKind.Word => char.IsUpper(c),
            TokenKind.Number => true,
            TokenKind.Quote => true,
            TokenKind.Punctuation => c is '(' or '-' or '–' or '—' or '[',
            _ => false,
        };
    }
}
