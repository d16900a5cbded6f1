using System.Collections.Immutable;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// How <see cref="NumberAlignment"/> joined the number mentions of an event's articles other than one being edited
/// (repeated mentions within a source, mutual best matches across sources). Those matches do not depend on the
/// edited article, so while the user types in it they are reused and only its own mentions are compared again.
/// Valid for the same articles in the same order with the others' numbers unchanged (<see cref="AppliesTo"/>).
/// </summary>
internal sealed class NumberMatches
{
    private readonly EditedEventInputs<NumberMention> _inputs;
    private readonly int[] _joinedTo; // per mention outside the edited article, in order: the position of its group's representative

    private NumberMatches(EditedEventInputs<NumberMention> inputs, int[] joinedTo)
    {
        _inputs = inputs;
        _joinedTo = joinedTo;
    }

    /// <summary>The matches among every article of <paramref name="articles"/> but the <paramref name="edited"/>-th.</summary>
    public static NumberMatches Among(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, int edited,
        List<(int Article, int Ordinal, NumberMention Number)> mentions)
    {
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
        for (var k = 0; k < joinedTo.Count; k++) joinedTo[k] = position[Find(joinedTo[k])];
        return new NumberMatches(new EditedEventInputs<NumberMention>(articles, edited, static f => f.Numbers), [.. joinedTo]);
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
}
