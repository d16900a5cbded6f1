using System.Collections.Immutable;

namespace NewsLsp.Analysis.Entities;

/// <summary>
/// What linking keeps between revisions so that a changed article summary relinks only what it can change: every
/// folded name with its counts (<see cref="LinkNode"/>), the candidate index, the cluster each name is in, and the
/// clusters of each id family. Mutable, and owned by exactly one <see cref="LinkedEntities"/> value at a time: an
/// update takes it from the previous value (which keeps its own immutable data) and hands it to the next.
/// <para>
/// Why this is exact: every rule links only names that are <see cref="LinkCandidates.Neighbours"/>, and what a rule
/// decides depends only on the names it compares and the clusters they are already in. So the clusters of a
/// connected group of neighbours depend on that group alone. An update relinks the groups the changed names were in
/// and are in now, as a whole, in the same order a full computation uses, and renumbers the id families of the
/// clusters it replaced or made.
/// </para>
/// </summary>
internal sealed class LinkingState
{
    private readonly KnowledgeLookup _knowledge;
    private readonly Dictionary<string, LinkNode> _nodes = new(StringComparer.Ordinal);
    private readonly LinkCandidates _candidates;
    private readonly Dictionary<string, LinkCluster> _clusterOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<LinkCluster>> _families = new(StringComparer.Ordinal);
    private readonly Dictionary<LinkCluster, LinkedEntity> _entityOf = new();
    private ImmutableSortedDictionary<string, LinkedEntity> _byId = ImmutableSortedDictionary.Create<string, LinkedEntity>(StringComparer.Ordinal);
    private ImmutableDictionary<(string Key, EntityType Type), LinkedEntity> _byForm = ImmutableDictionary<(string, EntityType), LinkedEntity>.Empty;

    private LinkingState(EntityKnowledge knowledge)
    {
        _knowledge = new KnowledgeLookup(knowledge);
        _candidates = new LinkCandidates(_nodes, _knowledge);
    }

    public static LinkedEntities Compute(IEnumerable<KeyValuePair<DocumentKey, ArticleEntitySummary>> summaries, EntityKnowledge knowledge)
    {
        var state = new LinkingState(knowledge);
        return state.Apply(summaries.Select(p => new SummaryChange<ArticleEntitySummary>(p.Key, null, p.Value)).ToList(), previous: null);
    }

    /// <summary>
    /// Folds the changed summaries in and returns the new value, which now owns this state. <paramref name="previous"/>
    /// is the value this state belonged to (null: a fresh computation).
    /// </summary>
    public LinkedEntities Apply(IReadOnlyList<SummaryChange<ArticleEntitySummary>> changes, LinkedEntities? previous)
    {
        var fresh = previous is null;
        // Only forms an article gained or lost change any count: a summary that changed in one name leaves the other
        // names of the article, and everything linked to them, as they are.
        var edits = changes.Select(c => (c.Key, Lost: Keyed(Forms(c.Before).Except(Forms(c.After))), Gained: Keyed(Forms(c.After).Except(Forms(c.Before))))).ToList();
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, lost, gained) in edits)
        {
            foreach (var (_, key) in lost.Concat(gained)) touched.Add(key);
        }

        // The groups the touched names are in now, before their counts change.
        var before = fresh ? [] : Neighbourhood(touched.Where(_nodes.ContainsKey).Select(k => _nodes[k]));
        var affectedClusters = new HashSet<LinkCluster>(before.Select(n => _clusterOf[n.Key]));

        foreach (var key in touched)
        {
            if (_nodes.TryGetValue(key, out var node)) _candidates.Remove(node);
        }
        foreach (var (article, lost, gained) in edits)
        {
            foreach (var (form, key) in lost) _nodes[key].Remove(article, form);
            foreach (var (form, key) in gained)
            {
                if (!_nodes.TryGetValue(key, out var node)) _nodes[key] = node = new LinkNode(key);
                node.Add(article, form);
            }
        }
        foreach (var key in touched)
        {
            if (!_nodes.TryGetValue(key, out var node)) continue;
            node.Refresh(_knowledge.DeclaredType(key));
            if (node.IsUnused) _nodes.Remove(key);
            else _candidates.Add(node);
        }

        // The groups they are in after the change; they include every group above that still has names.
        var seeds = fresh ? _nodes.Values : touched.Concat(before.Select(n => n.Key)).Where(_nodes.ContainsKey).Select(k => _nodes[k]);
        var region = fresh ? [.. _nodes.Values] : Neighbourhood(seeds);
        foreach (var node in region)
        {
            if (_clusterOf.TryGetValue(node.Key, out var cluster)) affectedClusters.Add(cluster);
        }
        if (!fresh) CheckClosed(affectedClusters, region);
        region.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var made = EntityLinker.Link(region, _candidates, _knowledge);
        var changedArticles = new HashSet<DocumentKey>(changes.Select(c => c.Key));
        return Replace(affectedClusters, made, region.Count, previous, changedArticles);
    }

    private LinkedEntities Replace(HashSet<LinkCluster> old, List<LinkCluster> made, int relinkedNames, LinkedEntities? previous, HashSet<DocumentKey> changedArticles)
    {
        // A relinked cluster equal to the one it replaces keeps the old object, and so its entity object: analyzers
        // that read only their article's entities then keep their findings.
        var oldByFirstName = old.ToDictionary(c => c.MemberKeys[0], StringComparer.Ordinal);
        for (var i = 0; i < made.Count; i++)
        {
            if (oldByFirstName.TryGetValue(made[i].MemberKeys[0], out var same) && same.IsSameAs(made[i]))
            {
                made[i] = same;
                old.Remove(same);
            }
        }
        var byForm = _byForm.ToBuilder();
        var byId = _byId.ToBuilder();
        var families = new HashSet<string>(StringComparer.Ordinal);
        var changedNames = new List<string>();
        foreach (var cluster in old)
        {
            foreach (var key in cluster.MemberKeys)
            {
                if (_clusterOf.GetValueOrDefault(key) == cluster) _clusterOf.Remove(key);
            }
            foreach (var form in cluster.Forms) byForm.Remove(form);
            if (_entityOf.Remove(cluster, out var entity)) byId.Remove(entity.Id);
            _families[cluster.Family].Remove(cluster);
            families.Add(cluster.Family);
            changedNames.AddRange(cluster.MemberKeys);
        }
        foreach (var cluster in made)
        {
            if (_entityOf.ContainsKey(cluster)) continue; // kept as it was
            foreach (var key in cluster.MemberKeys) _clusterOf[key] = cluster;
            if (!_families.TryGetValue(cluster.Family, out var family)) _families[cluster.Family] = family = new SortedSet<LinkCluster>(EntityIds.Order);
            family.Add(cluster);
            families.Add(cluster.Family);
        }
        foreach (var name in families)
        {
            var family = _families[name];
            if (family.Count == 0)
            {
                _families.Remove(name);
                continue;
            }
            // Take the family's ids out first: renumbering may hand one cluster's id to another.
            foreach (var cluster in family)
            {
                if (_entityOf.TryGetValue(cluster, out var entity)) byId.Remove(entity.Id);
            }
            foreach (var (cluster, id) in EntityIds.Number(family))
            {
                if (!_entityOf.TryGetValue(cluster, out var entity) || entity.Id != id)
                {
                    _entityOf[cluster] = entity = cluster.Entity with { Id = id };
                    foreach (var form in cluster.Forms) byForm[form] = entity;
                    changedNames.AddRange(cluster.MemberKeys);
                }
                byId[id] = entity;
            }
        }
        _byForm = byForm.ToImmutable();
        _byId = byId.ToImmutable();
        // Whose mentions now find another entity object: the articles using a name of a replaced or renumbered cluster.
        foreach (var key in changedNames)
        {
            if (_nodes.TryGetValue(key, out var node)) changedArticles.UnionWith(node.Articles);
        }
        return new LinkedEntities(_byId, _byForm, this, relinkedNames, previous, changedArticles);
    }

    // A replaced cluster with a live name outside the region would lose that name's entity: the neighbour relation
    // missed a rule's candidate. Fail loudly rather than answer differently from a full computation.
    private void CheckClosed(HashSet<LinkCluster> replaced, List<LinkNode> region)
    {
        var inRegion = new HashSet<string>(region.Select(n => n.Key), StringComparer.Ordinal);
        foreach (var key in replaced.SelectMany(c => c.MemberKeys))
        {
            if (_nodes.ContainsKey(key) && !inRegion.Contains(key))
                throw new InvalidOperationException($"entity linking: “{key}” was linked outside the region being relinked");
        }
    }

    /// <summary>The seeds and every name connected to them through neighbours.</summary>
    private List<LinkNode> Neighbourhood(IEnumerable<LinkNode> seeds)
    {
        var seen = new HashSet<LinkNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<LinkNode>();
        foreach (var seed in seeds)
        {
            if (seen.Add(seed)) pending.Push(seed);
        }
        while (pending.Count > 0)
        {
            foreach (var next in _candidates.Neighbours(pending.Pop()))
            {
                if (seen.Add(next)) pending.Push(next);
            }
        }
        return [.. seen];
    }

    // Each form with its folded name, computed once; forms whose name folds to nothing name no entity.
    private static List<(SurfaceForm Form, string Key)> Keyed(IEnumerable<SurfaceForm> forms) =>
        [.. forms.Select(f => (f, NameForms.Key(f.Text))).Where(p => p.Item2.Length > 0)];

    private static ImmutableArray<SurfaceForm> Forms(ArticleEntitySummary? summary) => summary?.Forms ?? [];
}
