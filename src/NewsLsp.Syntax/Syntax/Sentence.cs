using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Syntax;

/// <summary>A sentence: a run of its block's tokens, <c>[FirstToken, FirstToken + TokenCount)</c>, and its span relative to the block.</summary>
public readonly record struct Sentence(int FirstToken, int TokenCount, TextSpan Span);
