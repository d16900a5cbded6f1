using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis.Entities;

namespace NewsLsp.Ide.Classification;

/// <summary>A mention to colour: its range (one line; UTF-16 columns), its entity's type, and whether it is the entity's defining mention.</summary>
public sealed record ClassifiedEntity(LinePositionSpan Range, EntityType Type, bool IsDefinition);
