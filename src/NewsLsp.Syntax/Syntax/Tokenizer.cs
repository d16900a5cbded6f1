using System.Collections.Immutable;

namespace NewsLsp.Syntax;

/// <summary>
/// Splits one line of Italian news text into tokens with exact spans. Follows the KIND convention the NER model
/// was trained on: an elided article keeps its apostrophe and stands alone (<c>dell’</c> <c>Ucraina</c>).
/// </summary>
public static class Tokenizer
{
    // Truncated words that end in an apostrophe without eliding into the next word ("un po' di").
    private static readonly HashSet<string> Truncations = new(StringComparer.OrdinalIgnoreCase)
    {
        "po", "mo", "be", "de", "ca", "to", "va", "fa", "sta", "da", "di",
    };

    // This thread's token buffer, reused by every line: a builder grown from empty for each line made its intermediate
    // arrays garbage on every keystroke. Tokenize does not call itself, so one buffer per thread is enough.
    [ThreadStatic] private static ImmutableArray<Token>.Builder? Scratch;

    public static ImmutableArray<Token> Tokenize(string text)
    {
        var tokens = Scratch ??= ImmutableArray.CreateBuilder<Token>(256);
        tokens.Clear();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (StartsUrl(text, i))
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
                // A URL does not own the punctuation that ends the sentence around it.
                while (i > start + 1 && text[i - 1] is '.' or ',' or ';' or ':' or ')' or '"' or '”' or '»') i--;
                tokens.Add(new Token(start, i - start, TokenKind.Url));
            }
            else if (char.IsLetter(c) || IsCombining(c))
            {
                i = ScanWord(text, i);
                tokens.Add(new Token(start, i - start, TokenKind.Word));
            }
            else if (char.IsDigit(c))
            {
                i = ScanNumber(text, i);
                if (i < text.Length && char.IsLetter(text[i]))
                {
                    // "5G", "3D": a code, not a quantity.
                    i = ScanWord(text, i);
                    tokens.Add(new Token(start, i - start, TokenKind.Word));
                }
                else tokens.Add(new Token(start, i - start, TokenKind.Number));
            }
            else if (QuoteMarks.Classify(c) is var mark && mark != QuoteMark.None)
            {
                tokens.Add(new Token(start, 1, TokenKind.Quote, mark));
                i++;
            }
            else if (c == '’')
            {
                // Not after a letter (that case is handled in ScanWord): a closing single quote.
                tokens.Add(new Token(start, 1, TokenKind.Quote, QuoteMark.TypographicSingleClose));
                i++;
            }
            else if (c == '.' && i + 2 < text.Length && text[i + 1] == '.' && text[i + 2] == '.')
            {
                i += 3;
                tokens.Add(new Token(start, 3, TokenKind.Punctuation));
            }
            else
            {
                i += char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                var kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
                tokens.Add(new Token(start, i - start, kind));
            }
        }
        var result = tokens.ToImmutable();
        if (tokens.Capacity > MaxScratch) Scratch = null; // a huge line's buffer is not kept for the thread's lifetime
        return result;
    }

    private const int MaxScratch = 4096;

    private static int ScanWord(string text, int i)
    {
        var start = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsCombining(text[i]))) i++;
        if (i < text.Length && QuoteMarks.IsApostrophe(text[i]))
        {
            var followedByLetter = i + 1 < text.Length && char.IsLetter(text[i + 1]);
            if (followedByLetter || Truncations.Contains(text.AsSpan(start, i - start).ToString()))
                return i + 1;
        }
        return i;
    }

    private static int ScanNumber(string text, int i)
    {
        while (i < text.Length && char.IsDigit(text[i])) i++;
        // Italian grouping "5.000" and decimals "1,5": a separator counts only between digits.
        while (i + 1 < text.Length && text[i] is '.' or ',' && char.IsDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsDigit(text[i])) i++;
        }
        return i;
    }

    private static bool StartsUrl(string text, int i) =>
        Matches(text, i, "https://") || Matches(text, i, "http://") || Matches(text, i, "www.");

    private static bool Matches(string text, int i, string prefix) =>
        string.CompareOrdinal(text, i, prefix, 0, prefix.Length) == 0;

    private static bool IsCombining(char c) =>
        char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;
}
