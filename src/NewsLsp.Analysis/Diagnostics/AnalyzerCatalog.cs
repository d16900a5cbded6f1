using System.Collections.Immutable;

namespace NewsLsp.Analysis;

/// <summary>The analyzers a workspace runs. <see cref="Default"/> is every built-in rule.</summary>
public sealed class AnalyzerCatalog(ImmutableArray<ArticleAnalyzer> articleAnalyzers, ImmutableArray<CorpusAnalyzer> corpusAnalyzers)
{
    public static AnalyzerCatalog Default { get; } = new(BuiltInRules.ArticleAnalyzers, BuiltInRules.CorpusAnalyzers);

    public ImmutableArray<ArticleAnalyzer> ArticleAnalyzers { get; } = articleAnalyzers;
    public ImmutableArray<CorpusAnalyzer> CorpusAnalyzers { get; } = corpusAnalyzers;

    /// <summary>Every rule, ordered by id.</summary>
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        articleAnalyzers.SelectMany(a => a.Descriptors).Concat(corpusAnalyzers.SelectMany(a => a.Descriptors))
            .DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

    public DiagnosticDescriptor? Find(string id) =>
        Descriptors.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));
}
