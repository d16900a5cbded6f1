using NewsLsp.Analysis;

namespace NewsLsp.Ide.CodeActions;

/// <summary>A fix the engine offers for one of its diagnostics (its edits may touch several documents).</summary>
public sealed record QuickFix(ArticleDiagnostic Diagnostic, CodeFix Fix);
