using System.Globalization;

namespace NewsLsp.Text;

/// <summary>
/// Pieces of article text quoted in messages. Cuts fall on grapheme boundaries: never between the two halves of a
/// surrogate pair (a lone surrogate cannot be encoded in UTF-8 and reaches an editor as U+FFFD) nor inside an emoji
/// sequence.
/// </summary>
public static class Excerpts
{
    /// <summary>
    /// <paramref name="text"/> when it has at most <paramref name="maxLength"/> UTF-16 units; else its longest
    /// prefix of whole graphemes that, with the ellipsis, fits in <paramref name="maxLength"/>.
    /// </summary>
    public static string Shorten(string text, int maxLength, string ellipsis = "…")
    {
        if (text.Length <= maxLength) return text;
        var budget = Math.Max(0, maxLength - ellipsis.Length);
        var end = 0;
        while (end < text.Length)
        {
            var next = end + Math.Max(1, StringInfo.GetNextTextElementLength(text, end));
            if (next > budget) break;
            end = next;
        }
        return text[..end] + ellipsis;
    }

    /// <summary>The first grapheme boundary at or after <paramref name="wanted"/>, counting graphemes from <paramref name="from"/>.</summary>
    public static int BoundaryAtOrAfter(string text, int from, int wanted)
    {
        var start = from;
        while (start < wanted && start < text.Length)
            start += Math.Max(1, StringInfo.GetNextTextElementLength(text, start));
        return start;
    }
}
