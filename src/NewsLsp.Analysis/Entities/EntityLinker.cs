using System.Collections.Immutable;

namespace NewsLsp.Analysis.Entities;

/// <summary>
/// Groups the corpus's names into entities. Every link has a reason that can be shown to a user, in this order:
/// <list type="number">
/// <item>the knowledge file (declared aliases and merges);</item>
/// <item>the same name spelled differently: case and diacritics ("NATO"/"Nato"), romanisation ("Zelensky"/"Zelenskyy",
/// "Kiev"/"Kyiv") — word by word, see <see cref="NameForms.SameWord"/>;</item>
/// <item>a person's given-name variant: same surname, same number of words, same initial ("Mike"/"Michael Waltz");</item>
/// <item>a surname (or trailing part) of exactly one full name of a person ("Zelensky" → "Volodymyr Zelensky");</item>
/// <item>the first word of exactly one longer organisation or other name ("Truth" → "Truth Social");</item>
/// <item>an acronym of exactly one longer name's initials ("ZNPP" → "Zaporizhzhia Nuclear Power Plant").</item>
/// </list>
/// Names of different types are never linked by similarity, and the knowledge file's "split" groups are never
/// linked at all, so "Russia", "Mosca" and "Cremlino" stay three entities.
/// </summary>
internal static class EntityLinker
{
    /// <summary>
    /// Links the names of <paramref name="region"/>, ordered by key, into clusters. The region must be closed under
    /// <see cref="LinkCandidates.Neighbours"/> (a union of whole neighbourhoods): then the rules see exactly what they
    /// would see over the whole corpus, in the same order, and decide the same.
    /// </summary>
    public static List<LinkCluster> Link(IReadOnlyList<LinkNode> region, LinkCandidates candidates, KnowledgeLookup knowledge)
    {
        var position = new Dictionary<LinkNode, int>(region.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < region.Count; i++) position[region[i]] = i;
        var sets = new LinkSets(region, knowledge);

        LinkByKnowledge(region, knowledge, sets);
        LinkSpellingVariants(region, sets);
        LinkGivenNameVariants(region, sets);
        LinkSurnames(region, candidates, position, sets);
        LinkShortForms(region, candidates, position, sets);
        LinkAcronyms(region, candidates, position, sets);

        return Build(region, sets, knowledge);
    }

    private static void LinkByKnowledge(IReadOnlyList<LinkNode> nodes, KnowledgeLookup knowledge, LinkSets sets)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++) index[nodes[i].Key] = i;
        void LinkAll(IEnumerable<string> names, string reason)
        {
            var present = names.Select(NameForms.Key).Where(index.ContainsKey).Select(k => index[k]).Distinct().ToList();
            for (var i = 1; i < present.Count; i++) sets.Union(present[0], present[i], reason);
        }
        foreach (var known in knowledge.Knowledge.Entities) LinkAll(known.Names, $"declared in the knowledge file as aliases of “{known.Canonical}”");
        foreach (var group in knowledge.Knowledge.Merge) LinkAll(group, "merged in the knowledge file");
    }

    private static void LinkSpellingVariants(IReadOnlyList<LinkNode> nodes, LinkSets sets)
    {
        foreach (var bucket in nodes.Select((n, i) => (n, i)).GroupBy(p => (p.n.Type, LinkCandidates.Outline(p.n))))
        {
            var members = bucket.ToList();
            for (var a = 0; a < members.Count; a++)
            {
                for (var b = a + 1; b < members.Count; b++)
                {
                    if (NameForms.SameName(members[a].n.Key, members[b].n.Key))
                        sets.Union(members[a].i, members[b].i, $"“{members[a].n.Spelling}” and “{members[b].n.Spelling}” are spellings of one name");
                }
            }
        }
    }

    private static void LinkGivenNameVariants(IReadOnlyList<LinkNode> nodes, LinkSets sets)
    {
        var people = nodes.Select((n, i) => (n, i)).Where(p => p.n.Type == EntityType.Person && p.n.Words.Count >= 2);
        foreach (var bucket in people.GroupBy(p => (p.n.Words.Count, NameForms.Skeleton(p.n.Words[^1]))))
        {
            var members = bucket.ToList();
            for (var a = 0; a < members.Count; a++)
            {
                for (var b = a + 1; b < members.Count; b++)
                {
                    var (x, y) = (members[a].n, members[b].n);
                    if (LinkCandidates.AreGivenNameVariants(x, y))
                        sets.Union(members[a].i, members[b].i, $"“{x.Spelling}” and “{y.Spelling}”: same surname, given names with the same initial");
                }
            }
        }
    }

    private static void LinkSurnames(IReadOnlyList<LinkNode> nodes, LinkCandidates candidates, Dictionary<LinkNode, int> position, LinkSets sets)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node.Type != EntityType.Person) continue;
            var target = UniqueCluster(InOrder(candidates.FullNamesEndingWith(node), position), node, nodes, sets);
            if (target is { } t) sets.Union(i, t, $"“{node.Spelling}” is the surname of “{nodes[t].Spelling}”");
        }
    }

    private static void LinkShortForms(IReadOnlyList<LinkNode> nodes, LinkCandidates candidates, Dictionary<LinkNode, int> position, LinkSets sets)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node.Words.Count != 1 || node.Type is not (EntityType.Organisation or EntityType.Misc) || node.Key.Length < 3) continue;
            var target = UniqueCluster(InOrder(candidates.LongerNamesStartingWith(node), position), node, nodes, sets);
            if (target is { } t) sets.Union(i, t, $"“{node.Spelling}” is the short form of “{nodes[t].Spelling}”");
        }
    }

    private static void LinkAcronyms(IReadOnlyList<LinkNode> nodes, LinkCandidates candidates, Dictionary<LinkNode, int> position, LinkSets sets)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Acronym is not { } acronym || nodes[i].Type == EntityType.Person) continue;
            var target = UniqueCluster(InOrder(candidates.NamesWithInitials(nodes[i], acronym), position), nodes[i], nodes, sets);
            if (target is { } t) sets.Union(i, t, $"“{acronym}” is the acronym of “{nodes[t].Spelling}”");
        }
    }

    // Candidates as positions in the region, in key order (the order the rules have always considered them in).
    private static List<int> InOrder(IEnumerable<LinkNode> found, Dictionary<LinkNode, int> position)
    {
        var result = new List<int>();
        foreach (var node in found)
        {
            if (!position.TryGetValue(node, out var i))
                throw new InvalidOperationException($"“{node.Key}” is a link candidate outside the region being linked");
            result.Add(i);
        }
        result.Sort();
        return result;
    }

    /// <summary>
    /// The one entity among the candidates' clusters; when there are several, the one whose names share the most
    /// articles with <paramref name="node"/>, if that is a strict maximum. Otherwise nothing: better two entities
    /// than a wrong link.
    /// </summary>
    private static int? UniqueCluster(List<int> candidates, LinkNode node, IReadOnlyList<LinkNode> nodes, LinkSets sets)
    {
        var clusters = candidates.GroupBy(sets.Find).ToList();
        if (clusters.Count == 0) return null;
        if (clusters.Count == 1) return clusters[0].First();
        var ranked = clusters
            .Select(c => (Member: c.First(), Shared: c.Sum(j => nodes[j].SharedArticles(node))))
            .OrderByDescending(c => c.Shared).ToList();
        return ranked[0].Shared > ranked[1].Shared ? ranked[0].Member : null;
    }

    private static List<LinkCluster> Build(IReadOnlyList<LinkNode> nodes, LinkSets sets, KnowledgeLookup knowledge)
    {
        var clusters = new List<LinkCluster>();
        foreach (var cluster in Enumerable.Range(0, nodes.Count).GroupBy(sets.Find))
        {
            var members = cluster.Select(i => nodes[i]).ToList();
            var type = members.GroupBy(m => m.Type).OrderByDescending(g => g.Sum(m => m.Articles.Count)).ThenBy(g => g.Key).First().Key;
            var canonical = members.Select(m => knowledge.DeclaredCanonical(m.Key)).OfType<string>().FirstOrDefault()
                            ?? ChooseCanonical(members, type);
            var spellings = members.SelectMany(m => m.Spellings)
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).DistinctBy(p => p.Key).ToList();
            var aliases = spellings.Select(p => p.Key).ToImmutableArray();
            var roles = members.SelectMany(m => m.Roles).GroupBy(p => p.Key, StringComparer.Ordinal)
                .OrderByDescending(g => g.Sum(p => p.Value)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToImmutableArray();
            var reasons = cluster.SelectMany(sets.ReasonsOf).Distinct().ToImmutableArray();
            var entity = new LinkedEntity("", type, canonical, aliases, roles, reasons) { AliasArticleCounts = [.. spellings.Select(p => p.Value)] };
            var forms = members.SelectMany(m => m.TypeVotes.Keys.Append(m.Type).Distinct().Select(t => (m.Key, t))).ToImmutableArray();
            clusters.Add(new LinkCluster(entity, [.. members.Select(m => m.Key)], forms));
        }
        return clusters;
    }

    // The name most articles use; for a person, a full name if there is one. Ties: the shorter, plainer spelling.
    private static string ChooseCanonical(List<LinkNode> members, EntityType type)
    {
        var candidates = type == EntityType.Person && members.Any(m => m.Words.Count >= 2)
            ? members.Where(m => m.Words.Count >= 2)
            : members;
        return candidates
            .OrderByDescending(m => m.Articles.Count).ThenBy(m => m.Key.Length).ThenBy(m => m.Key, StringComparer.Ordinal)
            .First().Spelling;
    }
}
