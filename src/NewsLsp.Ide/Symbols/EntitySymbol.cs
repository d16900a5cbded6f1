using NewsLsp.Analysis.Entities;

namespace NewsLsp.Ide.Symbols;

/// <summary>An entity as an outline entry of one article: located at its defining mention there, with how often the article mentions it.</summary>
public sealed record EntitySymbol(LinkedEntity Entity, DocumentSpan Location, int MentionCount);
