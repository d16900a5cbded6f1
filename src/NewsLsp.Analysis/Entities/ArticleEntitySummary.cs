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
        // Sorted by (text, type), so each form's mentions are one run; then the run's distinct roles. Loops, not
        // GroupBy/Distinct/Order: this runs for the edited article on every keystroke.
        var sorted = mentions.Mentions.ToArray();
        Array.Sort(sorted, CompareForm);
        var forms = ImmutableArray.CreateBuilder<SurfaceForm>();
        var roles = new List<string>();
        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && CompareForm(sorted[start], sorted[end]) == 0) end++;
            roles.Clear();
            for (var i = start; i < end; i++)
            {
                if (sorted[i].Role is { } role) roles.Add(role);
            }
            forms.Add(new SurfaceForm(sorted[start].Text, sorted[start].Type, DistinctOrdered(roles)));
            start = end;
        }
        return new ArticleEntitySummary(forms.DrainToImmutable());
    }

    private static int CompareForm(EntityMention a, EntityMention b)
    {
        var byText = string.CompareOrdinal(a.Text, b.Text);
        return byText != 0 ? byText : a.Type.CompareTo(b.Type);
    }

    private static ImmutableArray<string> DistinctOrdered(List<string> roles)
    {
        if (roles.Count == 0) return [];
        roles.Sort(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<string>(roles.Count);
        foreach (var role in roles)
        {
            if (result.Count == 0 || result[^1] != role) result.Add(role);
        }
        return result.DrainToImmutable();
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
