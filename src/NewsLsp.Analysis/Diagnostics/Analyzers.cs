using System.Collections.Immutable;

namespace NewsLsp.Analysis;

/// <summary>A rule (or a few closely related rules) that looks at one article alone.</summary>
public abstract class ArticleAnalyzer
{
    public abstract ImmutableArray<DiagnosticDescriptor> Descriptors { get; }
    public abstract void Analyze(ArticleAnalysisContext context);
}

/// <summary>A rule that compares one article with facts about the whole corpus.</summary>
public abstract class CorpusAnalyzer
{
    public abstract ImmutableArray<DiagnosticDescriptor> Descriptors { get; }
    public abstract void Analyze(CorpusAnalysisContext context);
}
