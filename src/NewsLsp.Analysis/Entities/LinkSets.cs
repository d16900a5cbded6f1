namespace NewsLsp.Analysis.Entities;

/// <summary>
/// Union-find over the linker's names, with the reason of every link and the knowledge file's "split" groups as
/// cannot-link constraints: a union that would put two names of one split group in one entity is refused.
/// </summary>
internal sealed class LinkSets
{
    private readonly int[] _parent;
    private readonly List<string>[] _reasons;
    // Per root: split group → which member of that group the set contains.
    private readonly Dictionary<int, int>[] _splitMembers;

    public LinkSets(IReadOnlyList<LinkNode> nodes, KnowledgeLookup knowledge)
    {
        _parent = Enumerable.Range(0, nodes.Count).ToArray();
        _reasons = nodes.Select(_ => new List<string>()).ToArray();
        _splitMembers = new Dictionary<int, int>[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            _splitMembers[i] = [];
            foreach (var (group, member) in knowledge.SplitMemberships(nodes[i].Key)) _splitMembers[i][group] = member;
        }
    }

    public int Find(int i)
    {
        while (_parent[i] != i) i = _parent[i] = _parent[_parent[i]];
        return i;
    }

    /// <summary>Links the sets of <paramref name="a"/> and <paramref name="b"/> unless a split group forbids it.</summary>
    public bool Union(int a, int b, string reason)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb) return true;
        foreach (var (group, member) in _splitMembers[rb])
        {
            if (_splitMembers[ra].TryGetValue(group, out var other) && other != member) return false;
        }
        _parent[rb] = ra;
        foreach (var pair in _splitMembers[rb]) _splitMembers[ra][pair.Key] = pair.Value;
        _reasons[ra].AddRange(_reasons[rb]);
        _reasons[ra].Add(reason);
        return true;
    }

    public IEnumerable<string> ReasonsOf(int i) => Find(i) == i ? _reasons[i] : [];
}
