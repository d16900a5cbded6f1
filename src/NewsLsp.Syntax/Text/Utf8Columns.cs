using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Text;

/// <summary>
/// Converts columns between UTF-16 code units (our native unit) and UTF-8 bytes, for clients that negotiate the
/// utf-8 position encoding. Exact for text outside the BMP: a surrogate pair is 2 UTF-16 units and 4 UTF-8 bytes.
/// </summary>
public static class Utf8Columns
{
    public static int ToUtf16(SourceText text, int line, int utf8Column)
    {
        var lines = LineMap.Of(text);
        if (line < 0 || line >= lines.Count) return utf8Column;
        var span = lines.Span(line);
        int bytes = 0, units = 0;
        while (units < span.Length && bytes < utf8Column)
        {
            var c = text[span.Start + units];
            if (char.IsHighSurrogate(c) && units + 1 < span.Length && char.IsLowSurrogate(text[span.Start + units + 1]))
            {
                bytes += 4; units += 2;
            }
            else
            {
                bytes += Utf8Length(c); units += 1;
            }
        }
        // A column past the end of the line keeps its overshoot so that clamping happens in one place.
        return bytes < utf8Column ? units + (utf8Column - bytes) : units;
    }

    public static int ToUtf8(SourceText text, int line, int utf16Column)
    {
        var lines = LineMap.Of(text);
        if (line < 0 || line >= lines.Count) return utf16Column;
        var span = lines.Span(line);
        var count = Math.Min(utf16Column, span.Length);
        var chars = new char[count];
        text.CopyTo(span.Start, chars, 0, count);
        return Encoding.UTF8.GetByteCount(chars) + (utf16Column - count);
    }

    private static int Utf8Length(char c) => c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
}
