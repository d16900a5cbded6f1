using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Ide.Rename;

/// <summary>The words of a name with their spans relative to the name's start (words are separated by white space; hyphenated words stay whole).</summary>
public static class NameWords
{
    public static IReadOnlyList<(string Word, TextSpan Span)> Split(string name)
    {
        var words = new List<(string, TextSpan)>();
        var i = 0;
        while (i < name.Length)
        {
            while (i < name.Length && char.IsWhiteSpace(name[i])) i++;
            var start = i;
            while (i < name.Length && !char.IsWhiteSpace(name[i])) i++;
            if (i > start) words.Add((name[start..i], TextSpan.FromBounds(start, i)));
        }
        return words;
    }
}
