using System.Text;
using NewsLsp.Ner;

namespace NewsLsp.Bench.Corpus;

/// <summary>A span of tokens tagged as one entity (PER, LOC or ORG) in a KIND sentence.</summary>
internal sealed record EntitySpan(string Type, int Start, int Length);

/// <summary>One sentence of real Wikinews text with its gold entity spans.</summary>
internal sealed record SourceSentence(string[] Tokens, EntitySpan[] Entities);

/// <summary>A real article: a title sentence and body sentences, about <see cref="KindArticles.TargetBytes"/> of text.</summary>
internal sealed record BaseArticle(SourceSentence Title, IReadOnlyList<SourceSentence> Body);

/// <summary>
/// Reassembles the KIND Wikinews sentences (data/kind/WN_*.tsv) into articles: each KIND article starts with its
/// title (a sentence without final punctuation, see <see cref="ArticleSplitter"/>); short ones borrow the body of the
/// articles that follow until they reach about 5 KB, so every base article has the size of a real news piece.
/// </summary>
internal static class KindArticles
{
    public const int TargetBytes = 5 * 1024;

    public static IReadOnlyList<BaseArticle> Load(string repoRoot)
    {
        var sentences = new List<ConllSentence>();
        foreach (var file in new[] { "WN_train.tsv", "WN_dev.tsv" })
            sentences.AddRange(ConllReader.ReadFile(Path.Combine(repoRoot, "data", "kind", file)));
        var kindArticles = ArticleSplitter.Split(sentences)
            .Where(a => a.Count >= 2)
            .Select(a => a.Select(ToSource).ToList())
            .ToList();

        var result = new List<BaseArticle>();
        var i = 0;
        while (i < kindArticles.Count)
        {
            var title = kindArticles[i][0];
            var body = new List<SourceSentence>(kindArticles[i].Skip(1));
            i++;
            // Borrow whole bodies of the next articles until the text is about the target size.
            while (i < kindArticles.Count && Bytes(body) < TargetBytes * 0.8)
            {
                body.AddRange(kindArticles[i].Skip(1));
                i++;
            }
            result.Add(new BaseArticle(title, body));
        }
        return result;
    }

    private static int Bytes(List<SourceSentence> body) => body.Sum(s => Encoding.UTF8.GetByteCount(Detokeniser.Join(s.Tokens)) + 1);

    private static SourceSentence ToSource(ConllSentence sentence)
    {
        var entities = new List<EntitySpan>();
        for (var t = 0; t < sentence.Tags.Count; t++)
        {
            var tag = sentence.Tags[t];
            if (!tag.StartsWith("B-", StringComparison.Ordinal)) continue;
            var type = tag[2..];
            var end = t + 1;
            while (end < sentence.Tags.Count && sentence.Tags[end] == "I-" + type) end++;
            entities.Add(new EntitySpan(type, t, end - t));
        }
        return new SourceSentence([.. sentence.Tokens], [.. entities]);
    }
}

/// <summary>Joins KIND tokens into ordinary typeset text.</summary>
internal static class Detokeniser
{
    private static readonly HashSet<string> AttachLeft = [",", ".", ";", ":", "!", "?", ")", "]", "}", "»", "”", "...", "…", "%", "’"];
    private static readonly HashSet<string> AttachRight = ["(", "[", "{", "«", "“", "‘"];

    /// <summary>
    /// No space before closing punctuation or after opening brackets and quotes; an elided word (<c>dell'</c>)
    /// glues to the next; straight double quotes alternate between opening and closing.
    /// </summary>
    public static string Join(IReadOnlyList<string> tokens)
    {
        var sb = new StringBuilder();
        var glueNext = true;
        var straightOpen = false;
        foreach (var token in tokens)
        {
            bool attachLeft, attachRight;
            if (token == "\"")
            {
                attachLeft = straightOpen;
                attachRight = !straightOpen;
                straightOpen = !straightOpen;
            }
            else
            {
                attachLeft = AttachLeft.Contains(token);
                attachRight = AttachRight.Contains(token) || IsElision(token);
            }
            if (!glueNext && !attachLeft) sb.Append(' ');
            sb.Append(token);
            glueNext = attachRight;
        }
        return sb.ToString();
    }

    private static bool IsElision(string token) =>
        token.Length >= 2 && token[^1] is '\'' or '’' && char.IsLetter(token[^2]);
}
