using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Differential;

/// <summary>
/// The client's side of the story: documents as plain strings, with positions computed the way the LSP defines
/// lines (only CR, LF and CRLF end a line) — an implementation independent of Roslyn's <see cref="SourceText"/>.
/// </summary>
public static class Model
{
    /// <summary>Resolves an edit against <paramref name="text"/>: the range a client would send and the text that results.</summary>
    public static (LinePositionSpan Range, int Start, int End) Resolve(string text, EditSpec spec)
    {
        var start = spec.Anchor switch
        {
            Anchor.Start => 0,
            Anchor.End => text.Length,
            Anchor.InsideQuote => Pick(text, spec.Position, IsQuoteAt, 1),
            Anchor.InsideName => Pick(text, spec.Position, IsNameStartAt, 1),
            _ => (int)Math.Round(spec.Position * text.Length),
        };
        start = Math.Clamp(start, 0, text.Length);
        var alignSurrogates = spec.Anchor != Anchor.Raw;
        start = Align(text, start, alignSurrogates);
        var end = Align(text, Math.Min(text.Length, start + spec.Length), alignSurrogates);
        if (end < start) end = start;
        var startPosition = PositionOf(text, start);
        var endPosition = PositionOf(text, end);
        // A character past the line end clamps to the line end (LSP); only meaningful when the end is a line end.
        if (spec.Overshoot > 0 && end == LineEnd(text, end)) endPosition = new LinePosition(endPosition.Line, endPosition.Character + spec.Overshoot);
        return (new LinePositionSpan(startPosition, endPosition), start, end);
    }

    public static string Apply(string text, EditSpec spec)
    {
        var (_, start, end) = Resolve(text, spec);
        return string.Concat(text.AsSpan(0, start), spec.Insert, text.AsSpan(end));
    }

    public static string WithLineEndings(string text, bool crlf)
    {
        var lf = text.Replace("\r\n", "\n").Replace('\r', '\n');
        return crlf ? lf.Replace("\n", "\r\n") : lf;
    }

    /// <summary>Line and UTF-16 character of an offset, with LSP line breaks (CR, LF, CRLF).</summary>
    public static LinePosition PositionOf(string text, int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new LinePosition(line, offset - lineStart);
    }

    private static int LineEnd(string text, int offset)
    {
        var i = offset;
        while (i < text.Length && text[i] != '\n' && text[i] != '\r') i++;
        return i;
    }

    // Never between CR and LF (the protocol cannot address it); optionally never inside a surrogate pair.
    private static int Align(string text, int offset, bool surrogates)
    {
        if (offset > 0 && offset < text.Length && text[offset] == '\n' && text[offset - 1] == '\r') offset--;
        if (surrogates && offset > 0 && offset < text.Length && char.IsLowSurrogate(text[offset]) && char.IsHighSurrogate(text[offset - 1])) offset--;
        return offset;
    }

    private static int Pick(string text, double fraction, Func<string, int, bool> candidate, int delta)
    {
        var positions = new List<int>();
        for (var i = 0; i < text.Length; i++) if (candidate(text, i)) positions.Add(i + delta);
        if (positions.Count == 0) return (int)Math.Round(fraction * text.Length);
        return positions[Math.Min(positions.Count - 1, (int)(fraction * positions.Count))];
    }

    private static bool IsQuoteAt(string text, int i) => text[i] is '“' or '”' or '«' or '»' or '"' or '‘' or '’' or '\'';

    private static bool IsNameStartAt(string text, int i) =>
        char.IsUpper(text[i]) && (i == 0 || !char.IsLetter(text[i - 1])) && i + 1 < text.Length && char.IsLetter(text[i + 1]);
}
