namespace NewsLsp.Analysis.Agreement;

/// <summary>What an alignment reuses while one article of an event is edited, and when it still holds.</summary>
internal interface IEditedEventMatches
{
    /// <summary>Whether these matches hold for <paramref name="articles"/> with the <paramref name="edited"/>-th being edited.</summary>
    bool AppliesTo(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, int edited);
}
