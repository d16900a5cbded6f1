namespace NewsLsp.Ner;

/// <summary>
/// Recovers article boundaries in KIND files, which have none: each Wikinews article starts with its title, a
/// sentence without final punctuation. Why bother: document-level features must see one article at a time, in
/// training exactly as when the language server tags a single article. Section headings also lack final
/// punctuation, so some articles are split in two; that only shortens the context.
/// </summary>
public static class ArticleSplitter
{
    public static IReadOnlyList<IReadOnlyList<ConllSentence>> Split(IReadOnlyList<ConllSentence> sentences)
    {
        var articles = new List<IReadOnlyList<ConllSentence>>();
        var current = new List<ConllSentence>();
        var previousWasTitle = false;
        foreach (var sentence in sentences)
        {
            var looksLikeTitle = !EndsLikeSentence(sentence.Tokens);
            if (looksLikeTitle && !previousWasTitle && current.Count > 0)
            {
                articles.Add(current);
                current = [];
            }
            current.Add(sentence);
            previousWasTitle = looksLikeTitle;
        }
        if (current.Count > 0) articles.Add(current);
        return articles;
    }

    private static bool EndsLikeSentence(IReadOnlyList<string> tokens) =>
        tokens.Count > 0 && tokens[^1] is "." or "!" or "?" or "»" or "\"" or "”" or ")" or ":" or ";" or "..." or "…";
}
