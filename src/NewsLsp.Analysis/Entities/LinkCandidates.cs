namespace NewsLsp.Analysis.Entities;

/// <summary>
/// The corpus's names indexed by the signals linking compares, so each rule finds its candidates in a bucket instead of
/// scanning every name, and so <see cref="Neighbours"/> can say which names one name could ever be linked with.
/// Every rule of <see cref="EntityLinker"/> links only names that are neighbours here: that is what lets an update
/// relink only the neighbourhood of the names an article touched.
/// </summary>
internal sealed class LinkCandidates
{
    private readonly KnowledgeLookup _knowledge;
    private readonly Dictionary<string, LinkNode> _nodes;
    private readonly Dictionary<LinkNode, IndexKeys> _indexedUnder = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(EntityType, string), HashSet<LinkNode>> _bySpellingOutline = new();
    private readonly Dictionary<string, HashSet<LinkNode>> _peopleByLastWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<LinkNode>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<LinkNode>> _byInitials = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<LinkNode>> _byAcronym = new(StringComparer.Ordinal);

    // What a node was indexed under, so it can be taken out after its counts (and so its type or spelling) changed.
    private sealed record IndexKeys(EntityType Type, string Outline, string FirstWord, string? LastWord, string? Initials, string? Acronym);

    public LinkCandidates(Dictionary<string, LinkNode> nodes, KnowledgeLookup knowledge)
    {
        _nodes = nodes;
        _knowledge = knowledge;
    }

    /// <summary>The outline of every word of a name: names that are spellings of one another share it.</summary>
    public static string Outline(LinkNode node) => string.Join(' ', node.Words.Select(NameForms.Skeleton));

    public void Add(LinkNode node)
    {
        var keys = new IndexKeys(
            node.Type,
            Outline(node),
            NameForms.Skeleton(node.Words[0]),
            node.Type == EntityType.Person ? NameForms.Skeleton(node.Words[^1]) : null,
            node.Type != EntityType.Person && node.Initials.Length >= 2 ? node.Initials.ToUpperInvariant() : null,
            node.Type != EntityType.Person && node.Acronym is { } acronym ? acronym.ToUpperInvariant() : null);
        _indexedUnder[node] = keys;
        Put(_bySpellingOutline, (keys.Type, keys.Outline), node);
        Put(_byFirstWord, keys.FirstWord, node);
        if (keys.LastWord is { } last) Put(_peopleByLastWord, last, node);
        if (keys.Initials is { } initials) Put(_byInitials, initials, node);
        if (keys.Acronym is { } acronymKey) Put(_byAcronym, acronymKey, node);
    }

    public void Remove(LinkNode node)
    {
        if (!_indexedUnder.Remove(node, out var keys)) return;
        Take(_bySpellingOutline, (keys.Type, keys.Outline), node);
        Take(_byFirstWord, keys.FirstWord, node);
        if (keys.LastWord is { } last) Take(_peopleByLastWord, last, node);
        if (keys.Initials is { } initials) Take(_byInitials, initials, node);
        if (keys.Acronym is { } acronym) Take(_byAcronym, acronym, node);
    }

    /// <summary>Names of the same type with the same outline word by word (rule 2's buckets).</summary>
    public IEnumerable<LinkNode> SameOutline(LinkNode node) => Get(_bySpellingOutline, (node.Type, Outline(node)));

    /// <summary>Full names of people of which <paramref name="node"/> is the surname or trailing part (rule 4).</summary>
    public IEnumerable<LinkNode> FullNamesEndingWith(LinkNode node) =>
        node.Type != EntityType.Person ? [] :
        Get(_peopleByLastWord, NameForms.Skeleton(node.Words[^1])).Where(f => IsSurnameOf(node, f));

    /// <summary>Longer names of the same type starting with the one word of <paramref name="node"/> (rule 5).</summary>
    public IEnumerable<LinkNode> LongerNamesStartingWith(LinkNode node) =>
        Get(_byFirstWord, NameForms.Skeleton(node.Words[0])).Where(f => IsShortFormOf(node, f));

    /// <summary>Names whose initials are the acronym <paramref name="node"/> is spelled as (rule 6).</summary>
    public IEnumerable<LinkNode> NamesWithInitials(LinkNode node, string acronym) =>
        Get(_byInitials, acronym.ToUpperInvariant()).Where(f => IsAcronymOf(node, acronym, f));

    /// <summary>Every name some rule could link <paramref name="node"/> with, directly (in either role).</summary>
    public IEnumerable<LinkNode> Neighbours(LinkNode node)
    {
        foreach (var key in _knowledge.LinkedNames(node.Key))
        {
            if (_nodes.TryGetValue(key, out var other)) yield return other;
        }
        foreach (var other in SameOutline(node))
        {
            if (other != node && (NameForms.SameName(node.Key, other.Key) || AreGivenNameVariants(node, other))) yield return other;
        }
        if (node.Type == EntityType.Person)
        {
            foreach (var other in Get(_peopleByLastWord, NameForms.Skeleton(node.Words[^1])))
            {
                if (IsSurnameOf(node, other) || IsSurnameOf(other, node) || AreGivenNameVariants(node, other)) yield return other;
            }
        }
        foreach (var other in Get(_byFirstWord, NameForms.Skeleton(node.Words[0])))
        {
            if (IsShortFormOf(node, other) || IsShortFormOf(other, node)) yield return other;
        }
        if (node.Type == EntityType.Person) yield break;
        if (node.Acronym is { } acronym)
        {
            foreach (var other in NamesWithInitials(node, acronym)) yield return other;
        }
        if (node.Initials.Length >= 2)
        {
            foreach (var other in Get(_byAcronym, node.Initials.ToUpperInvariant()))
            {
                if (other.Acronym is { } otherAcronym && IsAcronymOf(other, otherAcronym, node)) yield return other;
            }
        }
    }

    /// <summary>Rule 3: same number of words, same surname, given names with the same initial (the ordinally first name decides the length guard).</summary>
    public static bool AreGivenNameVariants(LinkNode a, LinkNode b)
    {
        if (a == b || a.Type != EntityType.Person || b.Type != EntityType.Person || a.Words.Count < 2 || a.Words.Count != b.Words.Count) return false;
        var (x, y) = string.CompareOrdinal(a.Key, b.Key) < 0 ? (a, b) : (b, a);
        if (NameForms.Skeleton(x.Words[^1]) != NameForms.Skeleton(y.Words[^1])) return false;
        if (x.Words[0][0] != y.Words[0][0] || x.Words[^1].Length < 4) return false;
        for (var w = 1; w < x.Words.Count; w++)
        {
            if (!NameForms.SameWord(x.Words[w], y.Words[w])) return false;
        }
        return true;
    }

    private static bool IsSurnameOf(LinkNode surname, LinkNode full)
    {
        if (surname.Type != EntityType.Person || full.Type != EntityType.Person || full.Words.Count < 2 || full.Words.Count <= surname.Words.Count) return false;
        for (var k = 1; k <= surname.Words.Count; k++)
        {
            if (!NameForms.SameWord(full.Words[^k], surname.Words[^k])) return false;
        }
        return true;
    }

    private static bool IsShortFormOf(LinkNode shortForm, LinkNode full) =>
        shortForm.Words.Count == 1 && shortForm.Type is EntityType.Organisation or EntityType.Misc && shortForm.Key.Length >= 3 &&
        full.Type == shortForm.Type && full.Words.Count >= 2 && NameForms.SameWord(full.Words[0], shortForm.Words[0]);

    private static bool IsAcronymOf(LinkNode node, string acronym, LinkNode full) =>
        full != node && node.Type != EntityType.Person && full.Type != EntityType.Person && full.Initials.Length >= 2 &&
        string.Equals(full.Initials, acronym, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<LinkNode> Get<TKey>(Dictionary<TKey, HashSet<LinkNode>> index, TKey key) where TKey : notnull =>
        index.TryGetValue(key, out var set) ? set : [];

    private static void Put<TKey>(Dictionary<TKey, HashSet<LinkNode>> index, TKey key, LinkNode node) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var set)) index[key] = set = new HashSet<LinkNode>(ReferenceEqualityComparer.Instance);
        set.Add(node);
    }

    private static void Take<TKey>(Dictionary<TKey, HashSet<LinkNode>> index, TKey key, LinkNode node) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var set)) return;
        set.Remove(node);
        if (set.Count == 0) index.Remove(key);
    }
}
