using System.Buffers;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Text;

/// <summary>
/// The lines of a text as the Language Server Protocol defines them: only CR, LF and CRLF end a line.
/// Roslyn's <see cref="SourceText.Lines"/> also breaks lines at U+0085, U+2028 and U+2029, so a client and the
/// server would disagree on every position after such a character; the whole engine uses this map instead.
/// Computed once per text and cached.
/// </summary>
public sealed class LineMap
{
    private static readonly ConditionalWeakTable<SourceText, LineMap> Cache = new();

    private readonly SourceText _text;
    private readonly int[] _starts;

    private LineMap(SourceText text)
    {
        _text = text;
        var starts = new List<int> { 0 };
        var length = text.Length;
        // Pooled: a new text per keystroke made this scan buffer a sizeable share of a session's allocations.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Clamp(length, 1, 8192));
        var previousCr = false;
        for (var chunk = 0; chunk < length; chunk += buffer.Length)
        {
            var count = Math.Min(buffer.Length, length - chunk);
            text.CopyTo(chunk, buffer, 0, count);
            for (var i = 0; i < count; i++)
            {
                var c = buffer[i];
                if (c == '\n')
                {
                    // CRLF: the line started after the CR already moves past the LF.
                    if (previousCr) starts[^1] = chunk + i + 1;
                    else starts.Add(chunk + i + 1);
                }
                else if (c == '\r') starts.Add(chunk + i + 1);
                previousCr = c == '\r';
            }
        }
        ArrayPool<char>.Shared.Return(buffer);
        _starts = [.. starts];
    }

    public static LineMap Of(SourceText text) => Cache.GetValue(text, static t => new LineMap(t));

    public int Count => _starts.Length;

    /// <summary>Offset of the first character of the line.</summary>
    public int Start(int line) => _starts[line];

    /// <summary>Offset just past the line's last character, before its line break.</summary>
    public int End(int line)
    {
        var end = line + 1 < _starts.Length ? _starts[line + 1] : _text.Length;
        if (line + 1 < _starts.Length)
        {
            if (end > _starts[line] && _text[end - 1] == '\n') end--;
            if (end > _starts[line] && _text[end - 1] == '\r') end--;
        }
        return end;
    }

    /// <summary>The line's span without its line break.</summary>
    public TextSpan Span(int line) => TextSpan.FromBounds(Start(line), End(line));

    /// <summary>The line's span with its line break.</summary>
    public TextSpan SpanIncludingLineBreak(int line) =>
        TextSpan.FromBounds(Start(line), line + 1 < _starts.Length ? _starts[line + 1] : _text.Length);

    /// <summary>The line containing <paramref name="offset"/> (clamped into the text).</summary>
    public int LineOf(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        var index = Array.BinarySearch(_starts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>Line and UTF-16 character of an offset (clamped into the text). Inside a CRLF counts as the line end.</summary>
    public LinePosition GetLinePosition(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        var line = LineOf(offset);
        return new LinePosition(line, Math.Min(offset, End(line)) - _starts[line]);
    }

    /// <summary>The offset of a position; the line must exist, a character past the line end clamps to it.</summary>
    public int GetOffset(LinePosition position)
    {
        var start = _starts[position.Line];
        return start + Math.Clamp(position.Character, 0, End(position.Line) - start);
    }

    public TextSpan GetTextSpan(LinePositionSpan span) => TextSpan.FromBounds(GetOffset(span.Start), Math.Max(GetOffset(span.Start), GetOffset(span.End)));

    public LinePositionSpan GetLinePositionSpan(TextSpan span) => new(GetLinePosition(span.Start), GetLinePosition(span.End));
}
