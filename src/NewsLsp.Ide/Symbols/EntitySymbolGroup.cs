using System.Collections.Immutable;
using NewsLsp.Analysis.Entities;

namespace NewsLsp.Ide.Symbols;

/// <summary>The entities of one type in an article (people, places, organisations, other), in order of first mention.</summary>
public sealed record EntitySymbolGroup(EntityType Type, ImmutableArray<EntitySymbol> Symbols)
{
    /// <summary>"People", "Places", "Organisations", "Other names".</summary>
    public string Title => Type switch
    {
        EntityType.Person => "People",
        EntityType.Location => "Places",
        EntityType.Organisation => "Organisations",
        _ => "Other names",
    };
}
