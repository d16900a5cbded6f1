using NewsLsp.Analysis.Entities;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Features;

/// <summary>
/// How entity types show in editors that only know programming-language kinds. One mapping for symbols and
/// completion, so an entity has the same icon everywhere: person → Constant, place → Module, organisation → Class,
/// other → EnumMember; type groups in the outline are Packages.
/// </summary>
internal static class EntityKinds
{
    public static SymbolKind Symbol(EntityType type) => type switch
    {
        EntityType.Person => SymbolKind.Constant,
        EntityType.Location => SymbolKind.Module,
        EntityType.Organisation => SymbolKind.Class,
        _ => SymbolKind.EnumMember,
    };

    public static CompletionItemKind Completion(EntityType type) => type switch
    {
        EntityType.Person => CompletionItemKind.Constant,
        EntityType.Location => CompletionItemKind.Module,
        EntityType.Organisation => CompletionItemKind.Class,
        _ => CompletionItemKind.EnumMember,
    };
}
