using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis.Entities;
using NewsLsp.Ide.Classification;
using NewsLsp.LanguageServer.Protocol;
using NewsLsp.LanguageServer.Server;

namespace NewsLsp.LanguageServer.Handlers.Features;

/// <summary>
/// The semantic-token legend and the relative encoding of the specification: per token five integers — line delta,
/// start delta (from the previous token's start when on the same line, else from the line start), length, type
/// index, modifier bits — with columns and lengths in the negotiated position encoding.
/// </summary>
public static class SemanticTokenEncoder
{
    /// <summary>Custom token types (no standard type names people or places); index = position in this list.</summary>
    public static readonly IReadOnlyList<string> TokenTypes = ["person", "place", "organisation", "entity"];

    /// <summary>The standard <c>declaration</c> modifier marks an entity's defining mention.</summary>
    public static readonly IReadOnlyList<string> TokenModifiers = ["declaration"];

    public static SemanticTokensLegend Legend { get; } = new(TokenTypes, TokenModifiers);

    public static int TypeIndex(EntityType type) => type switch
    {
        EntityType.Person => 0,
        EntityType.Location => 1,
        EntityType.Organisation => 2,
        _ => 3,
    };

    public static int[] Encode(SourceText text, IReadOnlyList<ClassifiedEntity> tokens, PositionConverter positions)
    {
        var data = new List<int>(tokens.Count * 5);
        var previousLine = 0;
        var previousStart = 0;
        foreach (var token in tokens.OrderBy(t => t.Range.Start))
        {
            var range = positions.ToRange(text, token.Range);
            if (range.Start.Line != range.End.Line) continue; // mentions are one-line; never emit what the spec forbids
            var deltaLine = range.Start.Line - previousLine;
            var deltaStart = deltaLine == 0 ? range.Start.Character - previousStart : range.Start.Character;
            data.AddRange([deltaLine, deltaStart, range.End.Character - range.Start.Character, TypeIndex(token.Type), token.IsDefinition ? 1 : 0]);
            previousLine = range.Start.Line;
            previousStart = range.Start.Character;
        }
        return [.. data];
    }

    public static ServerCapabilities Merge(ServerCapabilities capabilities, Func<SemanticTokensOptions, SemanticTokensOptions> set) =>
        capabilities with { SemanticTokensProvider = set(capabilities.SemanticTokensProvider ?? new SemanticTokensOptions(Legend)) };
}
