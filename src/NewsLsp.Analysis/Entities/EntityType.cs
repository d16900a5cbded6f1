namespace NewsLsp.Analysis.Entities;

/// <summary>What kind of real-world thing an entity is. The codes (PER, LOC, ORG, MISC) are the public contract.</summary>
public enum EntityType
{
    Person,
    Location,
    Organisation,
    /// <summary>A named thing of another kind: a platform, a weapon system, an event, a document.</summary>
    Misc,
}

public static class EntityTypes
{
    public static string Code(EntityType type) => type switch
    {
        EntityType.Person => "PER",
        EntityType.Location => "LOC",
        EntityType.Organisation => "ORG",
        _ => "MISC",
    };

    public static EntityType? FromCode(string? code) => code?.ToUpperInvariant() switch
    {
        "PER" => EntityType.Person,
        "LOC" => EntityType.Location,
        "ORG" => EntityType.Organisation,
        "MISC" => EntityType.Misc,
        _ => null,
    };

    /// <summary>How an editor or a person reads the type.</summary>
    public static string DisplayName(EntityType type) => type switch
    {
        EntityType.Person => "person",
        EntityType.Location => "place",
        EntityType.Organisation => "organisation",
        _ => "other",
    };
}
