using System.Collections.Immutable;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// What an alignment reused while one article is edited (<see cref="NumberMatches"/>, <see cref="QuoteMatches"/>) was
/// made from: the event's articles in order, which one was edited, and the part of every other article's facts it
/// read. It still holds for the same articles in the same order, the same one edited and the others' parts unchanged.
/// </summary>
internal sealed class EditedEventInputs<T> where T : IEquatable<T>
{
    private readonly ImmutableArray<DocumentKey> _documents;
    private readonly EquatableArray<T>[] _parts; // per article when made; the edited one's is not compared
    private readonly Func<ArticleFacts, EquatableArray<T>> _part;

    public EditedEventInputs(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, int edited, Func<ArticleFacts, EquatableArray<T>> part)
    {
        Edited = edited;
        _documents = [.. articles.Select(a => a.Key)];
        _parts = [.. articles.Select(a => part(a.Facts))];
        _part = part;
    }

    /// <summary>The edited article's index among the event's articles.</summary>
    public int Edited { get; }

    public bool HoldFor(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, int edited)
    {
        if (articles.Count != _documents.Length || edited != Edited) return false;
        for (var a = 0; a < articles.Count; a++)
        {
            if (articles[a].Key != _documents[a]) return false;
            if (a != edited && _part(articles[a].Facts) != _parts[a]) return false;
        }
        return true;
    }
}
