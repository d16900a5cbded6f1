namespace NewsLsp.Analysis.Entities;

/// <summary>
/// Entity ids: the slug of the canonical name, made unique in the order of (canonical name, type) by adding the type
/// code and then a number ("georgia", "georgia-loc", "georgia-loc-2"). Every id an entity can get starts with its
/// slug's first hyphen-separated segment, so entities of different families never compete for an id and each family
/// can be numbered on its own — which is what lets an update renumber only the families it touched.
/// </summary>
internal static class EntityIds
{
    /// <summary>The order ids are handed out in: canonical name, type, then the cluster's first name (for exact ties).</summary>
    public static readonly IComparer<LinkCluster> Order = Comparer<LinkCluster>.Create((a, b) =>
    {
        var byCanonical = string.CompareOrdinal(a.Entity.Canonical, b.Entity.Canonical);
        if (byCanonical != 0) return byCanonical;
        var byType = a.Entity.Type.CompareTo(b.Entity.Type);
        return byType != 0 ? byType : string.CompareOrdinal(a.MemberKeys[0], b.MemberKeys[0]);
    });

    public static string SlugOf(string canonical)
    {
        var slug = NameForms.Slug(canonical);
        return slug.Length == 0 ? "entity" : slug;
    }

    public static string FamilyOf(string slug)
    {
        var hyphen = slug.IndexOf('-');
        return hyphen < 0 ? slug : slug[..hyphen];
    }

    /// <summary>Ids for one family's clusters, given in <see cref="Order"/>.</summary>
    public static IEnumerable<(LinkCluster Cluster, string Id)> Number(IEnumerable<LinkCluster> family)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cluster in family) yield return (cluster, Unique(cluster.Slug, cluster.Entity.Type, used));
    }

    private static string Unique(string slug, EntityType type, HashSet<string> used)
    {
        if (used.Add(slug)) return slug;
        var typed = slug + "-" + EntityTypes.Code(type).ToLowerInvariant();
        if (used.Add(typed)) return typed;
        for (var n = 2; ; n++)
        {
            if (used.Add(typed + "-" + n)) return typed + "-" + n;
        }
    }
}
