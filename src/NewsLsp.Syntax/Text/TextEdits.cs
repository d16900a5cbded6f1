using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Text;

/// <summary>Applies LSP-style edits to an immutable text, in order, each against the result of the previous one.</summary>
public static class TextEdits
{
    /// <summary>
    /// Applies <paramref name="edits"/> in order. A character past the end of its line clamps to the line end
    /// (as the LSP specification says); a line past the end of the document throws
    /// <see cref="TextEditOutOfRangeException"/> and nothing is applied.
    /// </summary>
    public static SourceText Apply(SourceText text, IReadOnlyList<TextEdit> edits)
    {
        foreach (var edit in edits)
        {
            var start = ToOffset(text, edit.Range.Start);
            var end = ToOffset(text, edit.Range.End);
            if (end < start)
                throw new TextEditOutOfRangeException($"edit range ends before it starts: {Describe(edit.Range)}");
            text = text.WithChanges(new TextChange(TextSpan.FromBounds(start, end), edit.NewText));
        }
        return text;
    }

    /// <summary>The offset of a position, clamping the character to its line; throws for a line past the end.</summary>
    public static int ToOffset(SourceText text, LinePosition position)
    {
        if (position.Line < 0 || position.Character < 0)
            throw new TextEditOutOfRangeException($"negative position {position.Line}:{position.Character}");
        var lines = LineMap.Of(text);
        if (position.Line >= lines.Count)
        {
            // The position just past the last line is the end of the document when the text ends with a line break.
            if (position.Line == lines.Count && position.Character == 0) return text.Length;
            throw new TextEditOutOfRangeException(
                $"line {position.Line} is past the end of the document ({lines.Count} lines)");
        }
        var start = lines.Start(position.Line);
        return start + Math.Min(position.Character, lines.End(position.Line) - start);
    }

    /// <summary>The line/UTF-16 character of an offset, with LSP lines (see <see cref="LineMap"/>).</summary>
    public static LinePosition ToPosition(SourceText text, int offset) => LineMap.Of(text).GetLinePosition(offset);

    private static string Describe(LinePositionSpan span) =>
        $"{span.Start.Line}:{span.Start.Character}-{span.End.Line}:{span.End.Character}";
}
