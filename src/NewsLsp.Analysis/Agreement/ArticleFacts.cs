using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
    // The content-word stems of sentences seen before, for the articles being edited (SentenceMemo.ForArticle): a
    // keystroke changes one sentence. 2,048 sentences per generation is about fifty articles.
    private static readonly SentenceMemo<ImmutableArray<SignatureWord>> SentenceWords = new(2048);

    public static readonly ArticleQuery<ArticleFacts> Query = new FunctionArticleQuery<ArticleFacts>("agreement-facts", a =>
        new ArticleFacts(ComputeSignature(a.Syntax, SentenceMemo.ForArticle(a, SentenceWords)), a.Get(QuoteExtractor.Query).Quotes, a.Get(NumberExtractor.Query).Numbers));

    private static readonly Func<Block, Sentence, ImmutableArray<SignatureWord>> StemSentence = static (block, sentence) => Stems(block, sentence);

    public static ImmutableArray<string> ComputeSignature(ArticleSyntax syntax) => ComputeSignature(syntax, SentenceWords);

    /// <param name="memo">Where sentences stemmed before are found; null to stem every sentence (what tests compare with).</param>
    internal static ImmutableArray<string> ComputeSignature(ArticleSyntax syntax, SentenceMemo<ImmutableArray<SignatureWord>>? memo)
    {
        // Scratch tables of this thread, cleared and reused: they grew from empty for every article on every keystroke.
        var counts = CountsScratch ??= new Dictionary<string, int>(StringComparer.Ordinal);
        var names = NamesScratch ??= new HashSet<string>(StringComparer.Ordinal);
        counts.Clear();
        names.Clear();
        foreach (var block in syntax.ProseBlocks)
        {
            foreach (var sentence in block.Sentences)
            {
                foreach (var word in memo is null ? Stems(block, sentence) : memo.GetOrCompute(block, sentence, StemSentence))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(counts, word.Stem, out _)++;
                    if (word.IsName) names.Add(word.Stem);
                }
            }
        }
        var kept = KeptScratch ??= new List<string>();
        foreach (var (stem, count) in counts)
        {
            if (count >= 2 || names.Contains(stem)) kept.Add(stem);
        }
        kept.Sort(StringComparer.Ordinal);
        var signature = kept.ToArray(); // the only array made
        kept.Clear();
        counts.Clear(); // the stems are not kept alive by the scratch tables between articles
        names.Clear();
        return ImmutableCollectionsMarshal.AsImmutableArray(signature);
    }

    /// <summary>One sentence's content words, as stems, in order; a capitalised word after the sentence's first is a name.</summary>
    internal static ImmutableArray<SignatureWord> Stems(Block block, Sentence sentence)
    {
        var words = ImmutableArray.CreateBuilder<SignatureWord>(sentence.TokenCount);
        // Words are normalised into this buffer and looked up by characters: only a stem never seen before becomes a
        // string (each word's text and lower-case copy used to be two strings per word of every article).
        Span<char> normalizedBuffer = stackalloc char[64];
        for (var i = sentence.FirstToken; i < sentence.FirstToken + sentence.TokenCount; i++)
        {
            var token = block.Tokens[i];
            if (token.Kind != TokenKind.Word) continue;
            var raw = block.Content.Chars.Slice(token.Start, token.Length);
            var length = ItalianWords.Normalize(raw, normalizedBuffer);
            string stem;
            if (length >= 0)
            {
                var norm = normalizedBuffer[..length];
                if (!ItalianWords.IsContent(norm)) continue;
                stem = ItalianWords.Stem(norm);
            }
            else
            {
                var norm = ItalianWords.Normalize(raw.ToString());
                if (!ItalianWords.IsContent(norm)) continue;
                stem = ItalianWords.Stem(norm);
            }
            words.Add(new SignatureWord(stem, i > sentence.FirstToken && raw.Length > 0 && char.IsUpper(raw[0])));
        }
        return words.Count == 0 ? [] : words.ToImmutable();
    }

    internal readonly record struct SignatureWord(string Stem, bool IsName);

    [ThreadStatic] private static Dictionary<string, int>? CountsScratch;
    [ThreadStatic] private static HashSet<string>? NamesScratch;
    [ThreadStatic] private static List<string>? KeptScratch;
}
