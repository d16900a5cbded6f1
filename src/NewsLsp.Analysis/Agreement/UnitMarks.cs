namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// The <see cref="WordMarks"/> of every unit of one alignment. Marks taken from reused matches
/// (<see cref="QuoteMatches"/>) are shared with them and copied only when a comparison with an edited unit adds to
/// them: copying every unit's marks on each keystroke was linear in the event for the few units an edit reaches.
/// </summary>
internal sealed class UnitMarks(int count)
{
    private readonly WordMarks?[] _marks = new WordMarks?[count];
    private readonly bool[] _shared = new bool[count];

    public WordMarks? this[int unit] => _marks[unit];

    /// <summary>Takes <paramref name="marks"/>, owned by someone else, as the unit's marks until it is written to.</summary>
    public void Share(int unit, WordMarks? marks)
    {
        _marks[unit] = marks;
        _shared[unit] = marks is not null;
    }

    /// <summary>The unit's marks, made or copied so that they can be written to.</summary>
    public WordMarks Writable(int unit, int length)
    {
        if (_shared[unit])
        {
            _marks[unit] = _marks[unit]!.Clone();
            _shared[unit] = false;
        }
        return _marks[unit] ??= new WordMarks(length);
    }

    /// <summary>The marks as they are now; only for marks nothing shares (an alignment made without reuse).</summary>
    public WordMarks?[] Owned() => _marks;
}
