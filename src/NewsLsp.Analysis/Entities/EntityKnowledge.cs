using System.Collections.Immutable;

namespace NewsLsp.Analysis.Entities;

/// <summary>
/// What the user knows better than the linker, as plain data (the edge reads it from
/// <c>newslsp.knowledge.json</c>): entities with their aliases ("Stati Uniti" = "USA" = "America"), names to merge,
/// and names that must never be linked. Compared by value, so reloading an unchanged file recomputes nothing.
/// </summary>
public sealed class EntityKnowledge : IEquatable<EntityKnowledge>
{
    public static readonly EntityKnowledge Empty = new([], [], []);

    public EntityKnowledge(ImmutableArray<KnownEntity> entities, ImmutableArray<ImmutableArray<string>> merge, ImmutableArray<ImmutableArray<string>> split)
    {
        Entities = entities.IsDefault ? [] : entities;
        Merge = merge.IsDefault ? [] : merge;
        Split = split.IsDefault ? [] : split;
    }

    /// <summary>Entities the user declares: every alias is linked to the canonical name, and the type is theirs.</summary>
    public ImmutableArray<KnownEntity> Entities { get; }

    /// <summary>Groups of names that are one entity.</summary>
    public ImmutableArray<ImmutableArray<string>> Merge { get; }

    /// <summary>Groups of names that are distinct entities: no two of them are ever linked.</summary>
    public ImmutableArray<ImmutableArray<string>> Split { get; }

    public bool IsEmpty => Entities.IsEmpty && Merge.IsEmpty && Split.IsEmpty;

    public bool Equals(EntityKnowledge? other) =>
        other is not null &&
        Entities.SequenceEqual(other.Entities) &&
        Merge.Length == other.Merge.Length && Merge.Zip(other.Merge).All(p => p.First.SequenceEqual(p.Second)) &&
        Split.Length == other.Split.Length && Split.Zip(other.Split).All(p => p.First.SequenceEqual(p.Second));

    public override bool Equals(object? obj) => Equals(obj as EntityKnowledge);

    public override int GetHashCode() => HashCode.Combine(Entities.Length, Merge.Length, Split.Length,
        Entities.IsEmpty ? 0 : StringComparer.Ordinal.GetHashCode(Entities[0].Canonical));
}

/// <summary>An entity declared in the knowledge file. <see cref="Type"/> null: keep the type the text suggests.</summary>
public sealed record KnownEntity(string Canonical, EntityType? Type, ImmutableArray<string> Aliases)
{
    public bool Equals(KnownEntity? other) =>
        other is not null && Canonical == other.Canonical && Type == other.Type && Aliases.SequenceEqual(other.Aliases);

    public override int GetHashCode() => HashCode.Combine(Canonical, Type, Aliases.Length);

    public IEnumerable<string> Names => Aliases.Prepend(Canonical);
}
