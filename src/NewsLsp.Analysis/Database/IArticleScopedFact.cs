namespace NewsLsp.Analysis;

/// <summary>
/// A corpus fact that cross-article analyzers read article by article: an analyzer reading it through
/// <see cref="CorpusAnalysisContext.GetArticleScopedFact"/> looks only at the part about the article it analyses (for
/// entity linking: the entities that article's mentions find). A newer value can then say whose part changed, so the
/// findings of every other article are reused although the value is a new object.
/// </summary>
public interface IArticleScopedFact
{
    /// <summary>
    /// The articles whose part may differ between <paramref name="earlier"/> (a value of the same query) and this
    /// value; null when that is not known, which means every article's part may differ.
    /// </summary>
    IReadOnlySet<DocumentKey>? ArticlesChangedSince(object earlier);
}
