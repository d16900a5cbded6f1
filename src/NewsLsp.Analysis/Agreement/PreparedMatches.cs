namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// Matches made ahead of an article's first keystroke (<see cref="EditPreparation"/>): what the other sources of its
/// event match among themselves, which that keystroke would otherwise compute (the one part of it that grows with the
/// event, quadratically). One per history of agreement indexes, shared along it like the centroid table: the newest
/// few of each kind are kept, and each is taken only where it still holds (<see cref="IEditedEventMatches.AppliesTo"/>),
/// so a stale one costs nothing but its memory. Thread-safe.
/// </summary>
internal sealed class PreparedMatches
{
    /// <summary>How many of each kind are kept: articles opened one after another each prepare their own.</summary>
    public const int Kept = 8;

    private readonly List<IEditedEventMatches> _newest = [];

    public void Add(IEditedEventMatches matches)
    {
        lock (_newest)
        {
            _newest.Insert(0, matches);
            var ofKind = 0;
            for (var k = 0; k < _newest.Count; k++)
            {
                if (_newest[k].GetType() != matches.GetType() || ++ofKind <= Kept) continue;
                _newest.RemoveAt(k);
                break;
            }
        }
    }

    /// <summary>Prepared matches of this kind that hold for <paramref name="articles"/> with the <paramref name="edited"/>-th being edited, or null.</summary>
    public T? Find<T>(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, int edited) where T : class, IEditedEventMatches
    {
        lock (_newest)
        {
            foreach (var matches in _newest)
                if (matches is T ofKind && ofKind.AppliesTo(articles, edited)) return ofKind;
        }
        return null;
    }
}
