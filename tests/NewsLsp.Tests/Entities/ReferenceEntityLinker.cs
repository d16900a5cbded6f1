using System.Collections.Immutable;

using NewsLsp.Analysis.Entities;

namespace NewsLsp.Tests.Entities;

/// <summary>
/// The all-pairs linker that <c>LinkingState</c> replaced, kept verbatim as the reference the incremental linker must
/// equal: every rule scans every name, in key order, over the whole corpus at once.
/// </summary>
internal static class ReferenceEntityLinker
{
    public static Linked Link(IEnumerable<ArticleEntitySummary> articles, EntityKnowledge knowledge)
    {
        var nodes = CollectNodes(articles, knowledge);
        var sets = new ReferenceLinkSets(nodes, knowledge);

        LinkByKnowledge(nodes, knowledge, sets);
        LinkSpellingVariants(nodes, sets);
        LinkGivenNameVariants(nodes, sets);
        LinkSurnames(nodes, sets);
        LinkShortForms(nodes, sets);
        LinkAcronyms(nodes, sets);

        return Build(nodes, sets, knowledge);
    }

    /// <summary>The entities, ordered by id, and the entity each (folded name, type) finds.</summary>
    internal sealed record Linked(ImmutableArray<LinkedEntity> Entities, ImmutableDictionary<(string Key, EntityType Type), LinkedEntity> ByForm);

    /// <summary>One folded name across the corpus: its spellings, type votes, roles and the articles using it.</summary>
    internal sealed class Node(string key)
    {
        public string Key { get; } = key;
        public IReadOnlyList<string> Words { get; } = key.Split(' ');
        public Dictionary<string, int> Spellings { get; } = new(StringComparer.Ordinal);
        public Dictionary<EntityType, int> TypeVotes { get; } = new();
        public Dictionary<string, int> Roles { get; } = new(StringComparer.Ordinal);
        public HashSet<int> Articles { get; } = new();
        public EntityType Type { get; set; }

        public string Spelling => Spellings.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
        public IReadOnlyList<string> SpellingWords => NameForms.Words(Spelling);
    }

    private static List<Node> CollectNodes(IEnumerable<ArticleEntitySummary> articles, EntityKnowledge knowledge)
    {
        var byKey = new Dictionary<string, Node>(StringComparer.Ordinal);
        var article = 0;
        foreach (var summary in articles)
        {
            foreach (var form in summary.Forms)
            {
                var key = NameForms.Key(form.Text);
                if (key.Length == 0) continue;
                if (!byKey.TryGetValue(key, out var node)) byKey[key] = node = new Node(key);
                node.Spellings[form.Text] = node.Spellings.GetValueOrDefault(form.Text) + 1;
                node.TypeVotes[form.Type] = node.TypeVotes.GetValueOrDefault(form.Type) + 1;
                foreach (var role in form.Roles) node.Roles[role] = node.Roles.GetValueOrDefault(role) + 1;
                node.Articles.Add(article);
            }
            article++;
        }
        var declaredTypes = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        foreach (var known in knowledge.Entities)
        {
            if (known.Type is not { } type) continue;
            foreach (var name in known.Names) declaredTypes[NameForms.Key(name)] = type;
        }
        // The model may type one name differently in different sentences; the name keeps the type it has most often.
        foreach (var node in byKey.Values)
        {
            node.Type = declaredTypes.TryGetValue(node.Key, out var declared)
                ? declared
                : node.TypeVotes.OrderByDescending(p => p.Value).ThenBy(p => p.Key).First().Key;
        }
        return [.. byKey.Values.OrderBy(n => n.Key, StringComparer.Ordinal)];
    }

    private static void LinkByKnowledge(List<Node> nodes, EntityKnowledge knowledge, ReferenceLinkSets sets)
    {
        var index = nodes.Select((n, i) => (n.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        void LinkAll(IEnumerable<string> names, string reason)
        {
            var present = names.Select(NameForms.Key).Where(index.ContainsKey).Select(k => index[k]).Distinct().ToList();
            for (var i = 1; i < present.Count; i++) sets.Union(present[0], present[i], reason);
        }
        foreach (var known in knowledge.Entities) LinkAll(known.Names, $"declared in the knowledge file as aliases of “{known.Canonical}”");
        foreach (var group in knowledge.Merge) LinkAll(group, "merged in the knowledge file");
    }

    private static void LinkSpellingVariants(List<Node> nodes, ReferenceLinkSets sets)
    {
        foreach (var bucket in nodes.Select((n, i) => (n, i)).GroupBy(p => (p.n.Type, string.Join(' ', p.n.Words.Select(NameForms.Skeleton)))))
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

    private static void LinkGivenNameVariants(List<Node> nodes, ReferenceLinkSets sets)
    {
        var people = nodes.Select((n, i) => (n, i)).Where(p => p.n.Type == EntityType.Person && p.n.Words.Count >= 2).ToList();
        foreach (var bucket in people.GroupBy(p => (p.n.Words.Count, NameForms.Skeleton(p.n.Words[^1]))))
        {
            var members = bucket.ToList();
            for (var a = 0; a < members.Count; a++)
            {
                for (var b = a + 1; b < members.Count; b++)
                {
                    var (x, y) = (members[a].n, members[b].n);
                    if (x.Words[0][0] != y.Words[0][0] || x.Words[^1].Length < 4) continue;
                    var sameAfterGivenName = true;
                    for (var w = 1; w < x.Words.Count; w++) sameAfterGivenName &= NameForms.SameWord(x.Words[w], y.Words[w]);
                    if (sameAfterGivenName)
                        sets.Union(members[a].i, members[b].i, $"“{x.Spelling}” and “{y.Spelling}”: same surname, given names with the same initial");
                }
            }
        }
    }

    private static void LinkSurnames(List<Node> nodes, ReferenceLinkSets sets)
    {
        var fullNames = nodes.Select((n, i) => (n, i)).Where(p => p.n.Type == EntityType.Person && p.n.Words.Count >= 2).ToList();
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node.Type != EntityType.Person) continue;
            var candidates = fullNames
                .Where(f => f.n.Words.Count > node.Words.Count && EndsWith(f.n.Words, node.Words))
                .Select(f => f.i).ToList();
            var target = UniqueCluster(candidates, node, nodes, sets);
            if (target is { } t) sets.Union(i, t, $"“{node.Spelling}” is the surname of “{nodes[t].Spelling}”");
        }
    }

    private static void LinkShortForms(List<Node> nodes, ReferenceLinkSets sets)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node.Words.Count != 1 || node.Type is not (EntityType.Organisation or EntityType.Misc) || node.Key.Length < 3) continue;
            var candidates = Enumerable.Range(0, nodes.Count)
                .Where(j => nodes[j].Type == node.Type && nodes[j].Words.Count >= 2 && NameForms.SameWord(nodes[j].Words[0], node.Words[0]))
                .ToList();
            var target = UniqueCluster(candidates, node, nodes, sets);
            if (target is { } t) sets.Union(i, t, $"“{node.Spelling}” is the short form of “{nodes[t].Spelling}”");
        }
    }

    private static void LinkAcronyms(List<Node> nodes, ReferenceLinkSets sets)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            var acronym = nodes[i].Spellings.Keys.FirstOrDefault(IsAcronym);
            if (acronym is null || nodes[i].Type == EntityType.Person) continue;
            var candidates = Enumerable.Range(0, nodes.Count)
                .Where(j => j != i && nodes[j].Type != EntityType.Person && Initials(nodes[j].SpellingWords) is { Length: >= 2 } initials &&
                            string.Equals(initials, acronym, StringComparison.OrdinalIgnoreCase))
                .ToList();
            var target = UniqueCluster(candidates, nodes[i], nodes, sets);
            if (target is { } t) sets.Union(i, t, $"“{acronym}” is the acronym of “{nodes[t].Spelling}”");
        }
    }

    /// <summary>
    /// The one entity among the candidates' clusters; when there are several, the one whose names share the most
    /// articles with <paramref name="node"/>, if that is a strict maximum. Otherwise nothing: better two entities
    /// than a wrong link.
    /// </summary>
    private static int? UniqueCluster(List<int> candidates, Node node, List<Node> nodes, ReferenceLinkSets sets)
    {
        var clusters = candidates.GroupBy(sets.Find).ToList();
        if (clusters.Count == 0) return null;
        if (clusters.Count == 1) return clusters[0].First();
        var ranked = clusters
            .Select(c => (Member: c.First(), Shared: c.Sum(j => nodes[j].Articles.Count(node.Articles.Contains))))
            .OrderByDescending(c => c.Shared).ToList();
        return ranked[0].Shared > ranked[1].Shared ? ranked[0].Member : null;
    }

    private static bool EndsWith(IReadOnlyList<string> words, IReadOnlyList<string> suffix)
    {
        for (var k = 1; k <= suffix.Count; k++)
        {
            if (!NameForms.SameWord(words[^k], suffix[^k])) return false;
        }
        return true;
    }

    private static bool IsAcronym(string spelling) =>
        spelling.Length is >= 2 and <= 6 && spelling.All(char.IsUpper);

    private static string Initials(IReadOnlyList<string> words) =>
        words.Count < 2 ? "" : new string(words.Where(NameForms.StartsUpper).Select(w => w[0]).ToArray());

    private static Linked Build(List<Node> nodes, ReferenceLinkSets sets, EntityKnowledge knowledge)
    {
        var declaredCanonical = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var known in knowledge.Entities)
        {
            foreach (var name in known.Names) declaredCanonical.TryAdd(NameForms.Key(name), known.Canonical);
        }

        var entities = new List<(LinkedEntity Entity, List<Node> Members)>();
        foreach (var cluster in Enumerable.Range(0, nodes.Count).GroupBy(sets.Find))
        {
            var members = cluster.Select(i => nodes[i]).ToList();
            var type = members.GroupBy(m => m.Type).OrderByDescending(g => g.Sum(m => m.Articles.Count)).ThenBy(g => g.Key).First().Key;
            var canonical = members.Select(m => declaredCanonical.GetValueOrDefault(m.Key)).OfType<string>().FirstOrDefault()
                            ?? ChooseCanonical(members, type);
            var spellings = members.SelectMany(m => m.Spellings)
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).DistinctBy(p => p.Key).ToList();
            var aliases = spellings.Select(p => p.Key).ToImmutableArray();
            var roles = members.SelectMany(m => m.Roles).GroupBy(p => p.Key, StringComparer.Ordinal)
                .OrderByDescending(g => g.Sum(p => p.Value)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToImmutableArray();
            var reasons = cluster.SelectMany(sets.ReasonsOf).Distinct().ToImmutableArray();
            entities.Add((new LinkedEntity("", type, canonical, aliases, roles, reasons) { AliasArticleCounts = [.. spellings.Select(p => p.Value)] }, members));
        }

        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var byForm = ImmutableDictionary.CreateBuilder<(string, EntityType), LinkedEntity>();
        var result = ImmutableArray.CreateBuilder<LinkedEntity>();
        foreach (var (entity, members) in entities.OrderBy(e => e.Entity.Canonical, StringComparer.Ordinal).ThenBy(e => e.Entity.Type))
        {
            var id = UniqueId(NameForms.Slug(entity.Canonical), entity.Type, usedIds);
            var withId = entity with { Id = id };
            result.Add(withId);
            foreach (var member in members)
            {
                byForm[(member.Key, member.Type)] = withId;
                foreach (var type in member.TypeVotes.Keys) byForm[(member.Key, type)] = withId;
            }
        }
        return new Linked([.. result.OrderBy(e => e.Id, StringComparer.Ordinal)], byForm.ToImmutable());
    }

    // The name most articles use; for a person, a full name if there is one. Ties: the shorter, plainer spelling.
    private static string ChooseCanonical(List<Node> members, EntityType type)
    {
        var candidates = type == EntityType.Person && members.Any(m => m.Words.Count >= 2)
            ? members.Where(m => m.Words.Count >= 2)
            : members;
        return candidates
            .OrderByDescending(m => m.Articles.Count).ThenBy(m => m.Key.Length).ThenBy(m => m.Key, StringComparer.Ordinal)
            .First().Spelling;
    }

    private static string UniqueId(string slug, EntityType type, HashSet<string> used)
    {
        if (slug.Length == 0) slug = "entity";
        if (used.Add(slug)) return slug;
        var typed = slug + "-" + EntityTypes.Code(type).ToLowerInvariant();
        if (used.Add(typed)) return typed;
        for (var n = 2; ; n++)
        {
            if (used.Add(typed + "-" + n)) return typed + "-" + n;
        }
    }
}

/// <summary>The union-find of the reference linker, as it was.</summary>
internal sealed class ReferenceLinkSets
{
    private readonly int[] _parent;
    private readonly List<string>[] _reasons;
    // Per root: split group → which member of that group the set contains.
    private readonly Dictionary<int, int>[] _splitMembers;

    public ReferenceLinkSets(IReadOnlyList<ReferenceEntityLinker.Node> nodes, EntityKnowledge knowledge)
    {
        _parent = Enumerable.Range(0, nodes.Count).ToArray();
        _reasons = nodes.Select(_ => new List<string>()).ToArray();
        _splitMembers = nodes.Select(_ => new Dictionary<int, int>()).ToArray();
        for (var g = 0; g < knowledge.Split.Length; g++)
        {
            var keys = knowledge.Split[g].Select(NameForms.Key).ToList();
            for (var i = 0; i < nodes.Count; i++)
            {
                var member = keys.IndexOf(nodes[i].Key);
                if (member >= 0) _splitMembers[i][g] = member;
            }
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
