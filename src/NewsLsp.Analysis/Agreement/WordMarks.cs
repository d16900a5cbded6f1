namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// What the word alignments of one <see cref="QuoteUnit"/> with others found: its words inside some overlap window
/// left unmatched, and its words matched. Each alignment only sets marks, so the marks of several are the same in any order.
/// </summary>
internal sealed class WordMarks
{
    public readonly bool[] Unmatched;
    public readonly bool[] Matched;

    public WordMarks(int length) : this(new bool[length], new bool[length]) { }

    private WordMarks(bool[] unmatched, bool[] matched)
    {
        Unmatched = unmatched;
        Matched = matched;
    }

    public WordMarks Clone() => new((bool[])Unmatched.Clone(), (bool[])Matched.Clone());
}
