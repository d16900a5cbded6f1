using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// How <see cref="NumberAlignment"/> joined the number mentions of an event's articles other than one being edited
/// (repeated mentions within a source, mutual best matches across sources), and those mentions indexed by kind. Those
/// matches do not depend on the edited article, so while the user types in it they are reused and only its own
/// mentions are compared again, each with the mentions of its kind only (<see cref="BestPerSource"/>).
/// Valid for the same articles in the same order with the others' numbers unchanged (<see cref="AppliesTo"/>).
/// </summary>
internal sealed class NumberMatches : IEditedEventMatches
{
    // An edited article's mentions are a few dozen; a keystroke in a sentence with a figure makes one new mention, so
    // the answers kept are cleared now and then rather than grow with the session.
    private const int MaxRememberedMentions = 256;

    private readonly EditedEventInputs<NumberMention> _inputs;
    private readonly int[] _joinedTo; // per mention outside the edited article, in order: the position of its group's representative
    private readonly int[] _articles; // per mention outside the edited article: its article
    private readonly NumberMention[] _numbers; // per mention outside the edited article
    private readonly Dictionary<(NumberUnit Unit, string? Head), int[]> _byKind; // ascending positions of the mentions of each kind
    private readonly ConcurrentDictionary<NumberMention, int[]> _bestPerSource = new(); // what BestPerSource answered
    private readonly ConcurrentDictionary<EquatableArray<NumberMention>, (int Own, int Position)[]> _mutualBest = new(); // what MutualBestOf answered

    private NumberMatches(EditedEventInputs<NumberMention> inputs, int[] joinedTo, int[] articles, NumberMention[] numbers)
    {
        _inputs = inputs;
        _joinedTo = joinedTo;
        _articles = articles;
        _numbers = numbers;
        var byKind = new Dictionary<(NumberUnit, string?), List<int>>();
        for (var k = 0; k < numbers.Length; k++)
        {
            var kind = NumberAlignment.Kind(numbers[k]);
            if (!byKind.TryGetValue(kind, out var positions)) byKind[kind] = positions = [];
            positions.Add(k);
        }
        _byKind = byKind.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    /// <summary>How many times this thread computed matches (observability for tests: prepared ones are not computed again).</summary>
    [ThreadStatic] internal static int ComputedOnThisThread;

    /// <summary>The matches among every article of <paramref name="articles"/> but the <paramref name="edited"/>-th.</summary>
    public static NumberMatches Among(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, int edited,
        List<(int Article, int Ordinal, NumberMention Number)> mentions)
    {
        ComputedOnThisThread++;
        var parent = Enumerable.Range(0, mentions.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        NumberAlignment.Match(mentions, (x, y) => parent[Find(x)] = Find(y), edited);
        var position = new int[mentions.Count]; // a mention's position among those outside the edited article
        var joinedTo = new List<int>(mentions.Count);
        for (var i = 0; i < mentions.Count; i++)
        {
            if (mentions[i].Article == edited) continue;
            position[i] = joinedTo.Count;
            joinedTo.Add(i);
        }
        var others = joinedTo.ToArray(); // mention indexes, by position
        for (var k = 0; k < joinedTo.Count; k++) joinedTo[k] = position[Find(joinedTo[k])];
        return new NumberMatches(new EditedEventInputs<NumberMention>(articles, edited, static f => f.Numbers), [.. joinedTo],
            [.. others.Select(i => mentions[i].Article)], [.. others.Select(i => mentions[i].Number)]);
    }

    /// <summary>Whether these matches hold for <paramref name="articles"/> with the <paramref name="edited"/>-th being edited.</summary>
    public bool AppliesTo(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, int edited) => _inputs.HoldFor(articles, edited);

    /// <summary>Makes the same joins in a union-find over <paramref name="mentions"/> (the edited article's mentions may differ).</summary>
    public void Apply(List<(int Article, int Ordinal, NumberMention Number)> mentions, int edited, Action<int, int> union)
    {
        var index = new int[_joinedTo.Length]; // position outside the edited article -> mention index now
        var k = 0;
        for (var i = 0; i < mentions.Count; i++) if (mentions[i].Article != edited) index[k++] = i;
        for (k = 0; k < index.Length; k++) if (_joinedTo[k] != k) union(index[k], index[_joinedTo[k]]);
    }

    /// <summary>
    /// The mutual best matches of the edited article's mentions of one kind, <paramref name="numbers"/> in order, with
    /// the other articles' mentions: each as the index of its own mention and the position of the other (among the
    /// mentions outside the edited article). A keystroke changes the mentions of one kind at most, so the other
    /// kinds' answers are reused.
    /// </summary>
    public (int Own, int Position)[] MutualBestOf(ImmutableArray<NumberMention> numbers)
    {
        if (_mutualBest.TryGetValue(numbers, out var known)) return known;
        var matches = new List<(int, int)>();
        for (var own = 0; own < numbers.Length; own++)
            foreach (var position in BestPerSource(numbers[own]))
                if (NumberAlignment.BestAmong(numbers, _numbers[position]) == own) matches.Add((own, position));
        if (_mutualBest.Count >= MaxRememberedMentions) _mutualBest.Clear();
        return _mutualBest[numbers] = [.. matches];
    }

    /// <summary>
    /// For a mention of the edited article: in each other article where some mention scores at least
    /// <see cref="NumberAlignment.MinimumScore"/> with it, the first best-scoring one, as its position among the
    /// mentions outside the edited article (ascending). Only mentions of its kind can score, so only they are compared;
    /// the answer depends on the mention and the others alone, so an unchanged mention is not compared again.
    /// </summary>
    private int[] BestPerSource(NumberMention mention)
    {
        if (_bestPerSource.TryGetValue(mention, out var known)) return known;
        var best = new List<int>();
        if (_byKind.TryGetValue(NumberAlignment.Kind(mention), out var positions))
        {
            for (var i = 0; i < positions.Length;)
            {
                var (article, found, foundScore) = (_articles[positions[i]], -1, 0.0);
                for (; i < positions.Length && _articles[positions[i]] == article; i++)
                {
                    var score = NumberAlignment.Score(mention, _numbers[positions[i]]);
                    if (score >= NumberAlignment.MinimumScore && (found < 0 || score > foundScore)) (found, foundScore) = (positions[i], score);
                }
                if (found >= 0) best.Add(found);
            }
        }
        if (_bestPerSource.Count >= MaxRememberedMentions) _bestPerSource.Clear();
        return _bestPerSource[mention] = [.. best];
    }
}
