using NewsLsp.Analysis.Entities;

namespace NewsLsp.Ide.Rename;

/// <summary>What a rename at the caret would rename: the mention (its span and text) and its entity.</summary>
public sealed record RenameTarget(DocumentSpan Mention, string Text, LinkedEntity Entity);
