using System.Collections.Immutable;

namespace NewsLsp.Analysis.Entities;

/// <summary>
/// The input of cross-article linking for one article: which names it uses, typed, with the roles it gives them.
/// No positions and no counts, so an edit that adds, moves or rewrites text without changing a name leaves the
/// summary equal and the corpus linking is reused as it is (early cutoff).
/// </summary>
public sealed class ArticleEntitySummary : IEquatable<ArticleEntitySummary>
{
    public static readonly ArticleQuery<ArticleEntitySummary> Query =
        new FunctionArticleQuery<ArticleEntitySummary>("entity-summary", article => Summarise(article.Get(ArticleEntityMentions.Query)));

    public ArticleEntitySummary(ImmutableArray<SurfaceForm> forms) => Forms = forms;

    /// <summary>Distinct (spelling, type) pairs, ordered ordinally.</summary>
    public ImmutableArray<SurfaceForm> Forms { get; }

    public static ArticleEntitySummary Summarise(ArticleEntityMentions mentions)
    {
        var forms = mentions.Mentions
            .GroupBy(m => (m.Text, m.Type))
            .Select(g => new SurfaceForm(g.Key.Text, g.Key.Type,
                [.. g.Select(m => m.Role).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
            .OrderBy(f => f.Text, StringComparer.Ordinal).ThenBy(f => f.Type)
            .ToImmutableArray();
        return new ArticleEntitySummary(forms);
    }

    public bool Equals(ArticleEntitySummary? other) => other is not null && Forms.SequenceEqual(other.Forms);
    public override bool Equals(object? obj) => Equals(obj as ArticleEntitySummary);
    public override int GetHashCode() => Forms.Length;
}

/// <summary>One spelling of a name as one article uses it, and the roles given to it there.</summary>
public sealed record SurfaceForm(string Text, EntityType Type, ImmutableArray<string> Roles)
{
    public bool Equals(SurfaceForm? other) =>
        other is not null && Text == other.Text && Type == other.Type && Roles.SequenceEqual(other.Roles);

    public override int GetHashCode() => HashCode.Combine(Text, Type);
}
