namespace NewsLsp.Analysis;

/// <summary>
/// A fact derived from one article alone (its mentions, quotes, a summary…). Computed at most once per article
/// text and shared by every snapshot that holds that text. Declare each query once, as a static instance.
/// </summary>
public abstract class ArticleQuery<T> where T : class
{
    protected ArticleQuery(string name) => Name = name;

    public string Name { get; }

    /// <summary>Computes the fact. May read the article's syntax and other article queries, nothing else.</summary>
    protected internal abstract T Compute(ArticleState article);

    public override string ToString() => Name;
}

/// <summary>An article query defined by a function, for facts that need no state of their own.</summary>
public sealed class FunctionArticleQuery<T>(string name, Func<ArticleState, T> compute) : ArticleQuery<T>(name) where T : class
{
    protected internal override T Compute(ArticleState article) => compute(article);
}
