using System.Collections.Immutable;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// How <see cref="QuoteAlignment"/> joined the quote segments of an event's articles other than one being edited:
/// their units, which of them were joined and matched, and the word marks their comparisons left. None of it depends
/// on the edited article, so while the user types in it this is reused and only its own segments are compared again
/// (with each other and with every other unit). Valid for the same articles in the same order with the others' quotes
/// unchanged (<see cref="AppliesTo"/>).
/// </summary>
internal sealed class QuoteMatches
{
    private readonly EditedEventInputs<QuoteMention> _inputs;
    private readonly QuoteUnit[] _units;     // the units outside the edited article, in order
    private readonly int[] _joinedTo;        // per unit of _units: the position of its group's representative
    private readonly bool[] _matched;        // per unit of _units: matched to some other unit
    private readonly WordMarks?[] _marks;    // per unit of _units: what its comparisons among these units marked

    private QuoteMatches(EditedEventInputs<QuoteMention> inputs, QuoteUnit[] units, int[] joinedTo, bool[] matched, WordMarks?[] marks)
    {
        _inputs = inputs;
        _units = units;
        _joinedTo = joinedTo;
        _matched = matched;
        _marks = marks;
    }

    /// <summary>The matches among every article of <paramref name="articles"/> but the <paramref name="edited"/>-th.</summary>
    public static QuoteMatches Among(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, int edited)
    {
        var units = new List<QuoteUnit>();
        for (var a = 0; a < articles.Count; a++) if (a != edited) QuoteUnit.AddOf(articles, a, units);
        var parent = Enumerable.Range(0, units.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var matched = new HashSet<int>();
        var marks = new WordMarks?[units.Count];
        Action<int, int> union = (p, q) => parent[Find(p)] = Find(q); // one delegate, not one per pair
        for (var x = 0; x < units.Count; x++)
        for (var y = x + 1; y < units.Count; y++)
            QuoteAlignment.Pair(articles, units, x, y, union, matched, marks);
        var joinedTo = new int[units.Count];
        var isMatched = new bool[units.Count];
        for (var u = 0; u < units.Count; u++)
        {
            joinedTo[u] = Find(u);
            isMatched[u] = matched.Contains(u);
        }
        return new QuoteMatches(new EditedEventInputs<QuoteMention>(articles, edited, static f => f.Quotes), [.. units], joinedTo, isMatched, marks);
    }

    /// <summary>Whether these matches hold for <paramref name="articles"/> with the <paramref name="edited"/>-th being edited.</summary>
    public bool AppliesTo(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, int edited) => _inputs.HoldFor(articles, edited);

    /// <summary>
    /// Every unit of the event in order: these units with <paramref name="editedUnits"/> (the edited article's, now) in
    /// their place, which starts at <paramref name="from"/>.
    /// </summary>
    public List<QuoteUnit> UnitsWith(List<QuoteUnit> editedUnits, out int from)
    {
        from = 0;
        while (from < _units.Length && _units[from].Article < _inputs.Edited) from++;
        var units = new List<QuoteUnit>(_units.Length + editedUnits.Count);
        units.AddRange(_units.AsSpan(0, from));
        units.AddRange(editedUnits);
        units.AddRange(_units.AsSpan(from));
        return units;
    }

    /// <summary>
    /// Makes the same joins, matches and marks over the units of <see cref="UnitsWith"/>, whose edited units are
    /// <paramref name="count"/> from <paramref name="from"/>. The marks are copies: comparisons with the edited units add to them.
    /// </summary>
    public void Apply(int from, int count, Action<int, int> union, HashSet<int> matched, WordMarks?[] marks)
    {
        int IndexOf(int k) => k < from ? k : k + count;
        for (var k = 0; k < _units.Length; k++)
        {
            if (_joinedTo[k] != k) union(IndexOf(k), IndexOf(_joinedTo[k]));
            if (_matched[k]) matched.Add(IndexOf(k));
            marks[IndexOf(k)] = _marks[k]?.Clone();
        }
    }
}
