using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// How <see cref="QuoteAlignment"/> joined the quote segments of an event's articles other than one being edited:
/// their units, which of them were joined and matched, and the word marks their comparisons left. None of it depends
/// on the edited article, so while the user types in it this is reused and only its own segments are compared again
/// (with each other, and with the other units that share a content stem with them: <see cref="SameStatementsAs"/>).
/// Valid for the same articles in the same order with the others' quotes unchanged (<see cref="AppliesTo"/>).
/// </summary>
internal sealed class QuoteMatches : IEditedEventMatches
{
    // An edited article has a few dozen segments and a keystroke changes one, so the answers kept are cleared now
    // and then rather than grow with the session.
    private const int MaxRememberedUnits = 256;

    private readonly EditedEventInputs<QuoteMention> _inputs;
    private readonly QuoteUnit[] _units;     // the units outside the edited article, in order
    private readonly int[] _joinedTo;        // per unit of _units: the position of its group's representative
    private readonly bool[] _matched;        // per unit of _units: matched to some other unit
    private readonly WordMarks?[] _marks;    // per unit of _units: what its comparisons among these units marked (never written again)
    private readonly int _before;            // how many of _units are in articles before the edited one
    private readonly Dictionary<string, List<int>> _withStem; // content stem -> ascending positions in _units of the units holding it
    private readonly ConcurrentDictionary<UnitContent, (int Position, WordDiff.Alignment Alignment)[]> _sameStatements = new(); // what SameStatementsAs answered

    private QuoteMatches(EditedEventInputs<QuoteMention> inputs, QuoteUnit[] units, int[] joinedTo, bool[] matched, WordMarks?[] marks)
    {
        _inputs = inputs;
        _units = units;
        _joinedTo = joinedTo;
        _matched = matched;
        _marks = marks;
        while (_before < units.Length && units[_before].Article < inputs.Edited) _before++;
        _withStem = SharedStemPairs.IndexByStem(units);
    }

    /// <summary>How many times this thread computed matches (observability for tests: prepared ones are not computed again).</summary>
    [ThreadStatic] internal static int ComputedOnThisThread;

    /// <summary>How many <see cref="SameStatementsAs"/> answers this thread computed rather than found (observability for tests).</summary>
    [ThreadStatic] internal static int AnsweredOnThisThread;

    /// <summary>The matches among every article of <paramref name="articles"/> but the <paramref name="edited"/>-th.</summary>
    public static QuoteMatches Among(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, int edited)
    {
        ComputedOnThisThread++;
        var units = new List<QuoteUnit>();
        for (var a = 0; a < articles.Count; a++) if (a != edited) QuoteUnit.AddOf(articles, a, units);
        var parent = Enumerable.Range(0, units.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var matched = new HashSet<int>();
        var marks = new UnitMarks(units.Count);
        Action<int, int> union = (p, q) => parent[Find(p)] = Find(q); // one delegate, not one per pair
        SharedStemPairs.ForEach(units, (x, y) => QuoteAlignment.Pair(articles, units, x, y, union, matched, marks));
        var joinedTo = new int[units.Count];
        var isMatched = new bool[units.Count];
        for (var u = 0; u < units.Count; u++)
        {
            joinedTo[u] = Find(u);
            isMatched[u] = matched.Contains(u);
        }
        return new QuoteMatches(new EditedEventInputs<QuoteMention>(articles, edited, static f => f.Quotes), [.. units], joinedTo, isMatched, marks.Owned());
    }

    /// <summary>Whether these matches hold for <paramref name="articles"/> with the <paramref name="edited"/>-th being edited.</summary>
    public bool AppliesTo(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, int edited) => _inputs.HoldFor(articles, edited);

    /// <summary>
    /// Every unit of the event in order: these units with <paramref name="editedUnits"/> (the edited article's, now) in
    /// their place, which starts at <paramref name="from"/>.
    /// </summary>
    public List<QuoteUnit> UnitsWith(List<QuoteUnit> editedUnits, out int from)
    {
        from = _before;
        var units = new List<QuoteUnit>(_units.Length + editedUnits.Count);
        units.AddRange(_units.AsSpan(0, from));
        units.AddRange(editedUnits);
        units.AddRange(_units.AsSpan(from));
        return units;
    }

    /// <summary>
    /// Makes the same joins, matches and marks over the units of <see cref="UnitsWith"/>, whose edited units are
    /// <paramref name="count"/> from <paramref name="from"/>. The marks are shared: comparisons with the edited units copy those they add to.
    /// </summary>
    public void Apply(int from, int count, Action<int, int> union, HashSet<int> matched, UnitMarks marks)
    {
        int IndexOf(int k) => k < from ? k : k + count;
        for (var k = 0; k < _units.Length; k++)
        {
            if (_joinedTo[k] != k) union(IndexOf(k), IndexOf(_joinedTo[k]));
            if (_matched[k]) matched.Add(IndexOf(k));
            marks.Share(IndexOf(k), _marks[k]);
        }
    }

    /// <summary>
    /// The units of the other articles that render the same statement as <paramref name="unit"/> (of the edited
    /// article), as positions in <see cref="UnitsWith"/>'s order without the edited units, ascending, each with the
    /// word alignment of the two (the unit in front on the left). A statement needs a shared content stem, so only the
    /// units holding one of the unit's stems are compared; the answer depends on the unit's words and the others alone,
    /// so a segment the keystroke did not change is not compared again.
    /// </summary>
    public (int Position, WordDiff.Alignment Alignment)[] SameStatementsAs(QuoteUnit unit)
    {
        var content = UnitContent.Of(unit);
        if (_sameStatements.TryGetValue(content, out var known)) return known;
        var candidates = new SortedSet<int>();
        foreach (var stem in unit.Stems)
            if (_withStem.TryGetValue(stem, out var positions)) candidates.UnionWith(positions);
        var found = new List<(int, WordDiff.Alignment)>();
        foreach (var position in candidates)
        {
            var other = _units[position];
            if (!QuoteAlignment.SameStatement(unit, other)) continue;
            found.Add((position, position < _before ? WordDiff.Align(other.Words.AsSpan(), unit.Words.AsSpan()) : WordDiff.Align(unit.Words.AsSpan(), other.Words.AsSpan())));
        }
        AnsweredOnThisThread++;
        if (_sameStatements.Count >= MaxRememberedUnits) _sameStatements.Clear();
        return _sameStatements[content] = [.. found];
    }

    /// <summary>
    /// Answers <see cref="SameStatementsAs"/> ahead for every segment the edited article has now (see
    /// <see cref="EditPreparation"/>): a keystroke changes one of them, and finds the others' answers.
    /// </summary>
    public void AnswerAhead(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles)
    {
        var units = new List<QuoteUnit>();
        QuoteUnit.AddOf(articles, _inputs.Edited, units);
        foreach (var unit in units) SameStatementsAs(unit);
    }

    /// <summary>What the comparisons of a unit with another article's units read: its words (not their offsets) and whether it is a whole quote.</summary>
    private readonly record struct UnitContent(bool IsWholeQuote, EquatableArray<(string Normalized, string Stem, bool IsContent)> Words)
    {
        public static UnitContent Of(QuoteUnit unit) =>
            new(unit.IsWholeQuote, ImmutableArray.CreateRange(unit.Words, w => (w.Normalized, w.Stem, w.IsContent)));
    }
}
