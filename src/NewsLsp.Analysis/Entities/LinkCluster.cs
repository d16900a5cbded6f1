using System.Collections.Immutable;

namespace NewsLsp.Analysis.Entities;

/// <summary>
/// One entity as the linker built it, before its id is chosen: the entity (id empty), its names (folded, in key
/// order) and every (name, type) that finds it. Ids are given afterwards, family by family (<see cref="EntityIds"/>).
/// </summary>
internal sealed record LinkCluster(LinkedEntity Entity, ImmutableArray<string> MemberKeys, ImmutableArray<(string Key, EntityType Type)> Forms)
{
    /// <summary>The slug the id starts from.</summary>
    public string Slug { get; } = EntityIds.SlugOf(Entity.Canonical);

    /// <summary>Entities whose ids could collide share a family; see <see cref="EntityIds.FamilyOf"/>.</summary>
    public string Family => EntityIds.FamilyOf(Slug);

    /// <summary>The same names, forms and entity (ids aside, which are given later).</summary>
    public bool IsSameAs(LinkCluster other) =>
        Entity.Equals(other.Entity) && MemberKeys.SequenceEqual(other.MemberKeys, StringComparer.Ordinal) && Forms.SequenceEqual(other.Forms);

    // Identity, not value: two clusters are never the same object twice, and ordering needs no ties.
    public bool Equals(LinkCluster? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
