using System.Collections.Immutable;

namespace NewsLsp.Analysis.Entities;

/// <summary>
/// One real-world entity of the corpus: a stable id (a slug of the canonical name), its type, the canonical
/// name, every spelling used (most used first), the roles given to it, and why its names were linked.
/// </summary>
public sealed record LinkedEntity(
    string Id,
    EntityType Type,
    string Canonical,
    ImmutableArray<string> Aliases,
    ImmutableArray<string> Roles,
    ImmutableArray<string> LinkReasons)
{
    /// <summary>How many articles use each alias, parallel to <see cref="Aliases"/>.</summary>
    public ImmutableArray<int> AliasArticleCounts { get; init; } = [];

    public int ArticlesUsing(string spelling)
    {
        var i = Aliases.IndexOf(spelling);
        return i >= 0 && i < AliasArticleCounts.Length ? AliasArticleCounts[i] : 0;
    }

    public bool Equals(LinkedEntity? other) =>
        other is not null && Id == other.Id && Type == other.Type && Canonical == other.Canonical &&
        Aliases.SequenceEqual(other.Aliases) && AliasArticleCounts.SequenceEqual(other.AliasArticleCounts) && Roles.SequenceEqual(other.Roles) && LinkReasons.SequenceEqual(other.LinkReasons);

    public override int GetHashCode() => HashCode.Combine(Id, Type, Canonical);
}
