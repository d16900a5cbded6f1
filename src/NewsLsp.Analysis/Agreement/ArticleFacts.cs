using System.Collections.Immutable;
using NewsLsp.Syntax;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// The compact, equatable summary of one article that cross-source agreement reads: its quotes, its numbers and a
/// content signature (stems of the content words it uses at least twice, and of its proper names). An edit that
/// changes none of these (rewording a sentence without quotes, numbers or names, in place) leaves the summary equal,
/// so no other article's agreement is recomputed.
/// </summary>
public sealed record ArticleFacts(EquatableArray<string> Signature, EquatableArray<QuoteMention> Quotes, EquatableArray<NumberMention> Numbers)
{
    public static readonly ArticleQuery<ArticleFacts> Query = new FunctionArticleQuery<ArticleFacts>("agreement-facts", a =>
        new ArticleFacts(ComputeSignature(a.Syntax), a.Get(QuoteExtractor.Query).Quotes, a.Get(NumberExtractor.Query).Numbers));

    public static ImmutableArray<string> ComputeSignature(ArticleSyntax syntax)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in syntax.ProseBlocks)
        {
            foreach (var sentence in block.Sentences)
            {
                for (var i = sentence.FirstToken; i < sentence.FirstToken + sentence.TokenCount; i++)
                {
                    var token = block.Tokens[i];
                    if (token.Kind != TokenKind.Word) continue;
                    var raw = block.Content.TokenText(token);
                    var norm = ItalianWords.Normalize(raw);
                    if (!ItalianWords.IsContent(norm)) continue;
                    var stem = ItalianWords.Stem(norm);
                    counts[stem] = counts.GetValueOrDefault(stem) + 1;
                    if (i > sentence.FirstToken && ItalianWords.IsCapitalized(raw)) names.Add(stem);
                }
            }
        }
        return [.. counts.Where(c => c.Value >= 2 || names.Contains(c.Key)).Select(c => c.Key).Order(StringComparer.Ordinal)];
    }
}
