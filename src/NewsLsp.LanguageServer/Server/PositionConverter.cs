using System.Buffers;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.LanguageServer.Protocol;
using NewsLsp.Text;

namespace NewsLsp.LanguageServer.Server;

/// <summary>
/// Converts between LSP positions in the negotiated encoding and Roslyn's UTF-16 <see cref="LinePosition"/>,
/// reading the actual line text (LSP lines: CR, LF, CRLF — see <see cref="LineMap"/>), so characters outside the BMP (2 UTF-16 units, 4 UTF-8 bytes) are exact.
/// </summary>
public sealed class PositionConverter(PositionEncoding encoding)
{
    public PositionEncoding Encoding { get; } = encoding;

    /// <exception cref="PositionOutOfRangeException">The line is negative or past the last line.</exception>
    public LinePosition ToLinePosition(SourceText text, Position position)
    {
        var lines = LineMap.Of(text);
        if (position.Line < 0 || position.Line >= lines.Count)
            throw new PositionOutOfRangeException($"Line {position.Line} is outside the document, which has {lines.Count} line(s).");
        if (position.Character < 0)
            throw new PositionOutOfRangeException($"Character {position.Character} is negative.");
        return new LinePosition(position.Line, ToUtf16Offset(text, lines.Span(position.Line), position.Character));
    }

    public Position ToPosition(SourceText text, LinePosition position)
    {
        if (Encoding == PositionEncoding.Utf16) return new Position(position.Line, position.Character);
        var line = LineMap.Of(text).Span(position.Line);
        var utf16 = Math.Min(position.Character, line.Length);
        // Through a pooled buffer, like ToUtf16Offset: every diagnostic sent to a UTF-8 client converts two positions.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(utf16, 1));
        try
        {
            text.CopyTo(line.Start, buffer, 0, utf16);
            return new Position(position.Line, System.Text.Encoding.UTF8.GetByteCount(buffer.AsSpan(0, utf16)));
        }
        finally { ArrayPool<char>.Shared.Return(buffer); }
    }

    public LinePositionSpan ToLinePositionSpan(SourceText text, Range range)
    {
        var start = ToLinePosition(text, range.Start);
        var end = ToLinePosition(text, range.End);
        // A reversed range is a client bug; treat it as the range between the two points rather than failing the edit.
        return end < start ? new LinePositionSpan(end, start) : new LinePositionSpan(start, end);
    }

    public Range ToRange(SourceText text, LinePositionSpan span) => new(ToPosition(text, span.Start), ToPosition(text, span.End));

    /// <summary>Maps a character offset in this encoding to a UTF-16 offset within one line, clamping past the end and snapping back from inside a character.</summary>
    /// <remarks>The line is read in place (UTF-16) or through a pooled buffer (UTF-8), not copied into a string: every edit converts two positions.</remarks>
    private int ToUtf16Offset(SourceText text, TextSpan line, int character)
    {
        if (Encoding == PositionEncoding.Utf16)
        {
            var clamped = Math.Min(character, line.Length);
            // Never split a surrogate pair.
            if (clamped > 0 && clamped < line.Length && char.IsLowSurrogate(text[line.Start + clamped]) && char.IsHighSurrogate(text[line.Start + clamped - 1])) clamped--;
            return clamped;
        }

        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(line.Length, 1));
        try
        {
            text.CopyTo(line.Start, buffer, 0, line.Length);
            var chars = buffer.AsSpan(0, line.Length);
            var bytes = 0;
            var index = 0;
            while (index < chars.Length)
            {
                // A lone surrogate decodes as U+FFFD (3 UTF-8 bytes), matching how it is encoded on the wire.
                Rune.DecodeFromUtf16(chars[index..], out var rune, out var consumed);
                var next = bytes + rune.Utf8SequenceLength;
                if (next > character) break;
                bytes = next;
                index += consumed;
            }
            return index;
        }
        finally { ArrayPool<char>.Shared.Return(buffer); }
    }
}
