using System.Collections.Immutable;

namespace NewsLsp.Analysis;

/// <summary>Every built-in analyzer. Adding a rule: write its analyzer, list it here, add docs/rules/NEWSnnn.md.</summary>
internal static class BuiltInRules
{
    public static ImmutableArray<ArticleAnalyzer> ArticleAnalyzers { get; } =
    [
        new UnbalancedQuotesAnalyzer(),
        new MixedQuoteStylesAnalyzer(),
        new BoilerplateAnalyzer(),
        new ImageAltTextAnalyzer(),
        new TruncatedEndingAnalyzer(),
        new RelativeDateAnalyzer(),
        new ArticleFormAnalyzer(),
        new UnattributedQuoteAnalyzer(),
    ];

    public static ImmutableArray<CorpusAnalyzer> CorpusAnalyzers { get; } =
    [
        new QuoteVariantAnalyzer(),
        new NumberConflictAnalyzer(),
        new SingleSourceClaimAnalyzer(),
        new EntitySpellingInArticleAnalyzer(),
        new EntitySpellingInCorpusAnalyzer(),
        new SurnameOnlyFirstMentionAnalyzer(),
    ];
}
