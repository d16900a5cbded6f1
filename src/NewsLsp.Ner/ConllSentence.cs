namespace NewsLsp.Ner;

/// <summary>One sentence of a CoNLL-style file: tokens and, when the file has a second column, their tags.</summary>
public sealed record ConllSentence(IReadOnlyList<string> Tokens, IReadOnlyList<string> Tags);
