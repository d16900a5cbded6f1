using System.Runtime.InteropServices;

namespace NewsLsp.Ner;

/// <summary>
/// How each word is written across the whole document. Why: a capitalised sentence-initial word is ambiguous in
/// Italian ("Roma" vs "Oggi"), but if the article also writes it capitalised mid-sentence it is very likely a name,
/// and if it also writes it in lowercase it is very likely an ordinary word.
/// </summary>
internal sealed class DocumentContext
{
    private readonly Dictionary<ulong, (int CapitalisedMidSentence, int Lowercase)> _counts;

    private DocumentContext(int capacity) => _counts = new(capacity);

    /// <param name="lowerHashes">
    /// <see cref="FeatureHash.Lower"/> of every token, by sentence, when the caller has them (the tagger computes them
    /// once for all its uses); null to compute them here.
    /// </param>
    public static DocumentContext Build(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<ulong[]>? lowerHashes = null)
    {
        // Sized for every token up front: grown from empty, the table was resized a dozen times per article.
        var context = new DocumentContext(TokenCount(sentences));
        context.Count(sentences, lowerHashes);
        return context;
    }

    // Documents up to this many tokens reuse the thread's table; a longer one gets its own, so that one very long
    // document does not leave every later one clearing a table its size.
    private const int ReusedTableTokens = 16_384;

    [ThreadStatic] private static DocumentContext? ThreadContext;

    /// <summary>
    /// The same as <see cref="Build"/>, over a table this thread reuses: valid only until the thread builds the next
    /// one. Why: the tagger reads the context of a document and lets it go, and on every keystroke a new table of a
    /// few thousand entries was allocated for the edited article.
    /// </summary>
    public static DocumentContext BuildTransient(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<ulong[]> lowerHashes)
    {
        var tokens = TokenCount(sentences);
        if (tokens > ReusedTableTokens) return Build(sentences, lowerHashes);
        var context = ThreadContext ??= new DocumentContext(tokens);
        context._counts.Clear();
        context._counts.EnsureCapacity(tokens);
        context.Count(sentences, lowerHashes);
        return context;
    }

    private static int TokenCount(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var tokens = 0;
        for (var s = 0; s < sentences.Count; s++) tokens += sentences[s].Count;
        return tokens;
    }

    private void Count(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<ulong[]>? lowerHashes)
    {
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            for (var i = 0; i < sentence.Count; i++)
            {
                var token = sentence[i];
                if (token.Length == 0 || !char.IsLetter(token[0])) continue;
                var key = lowerHashes is null ? FeatureHash.Lower(token) : lowerHashes[s][i];
                ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, key, out _);
                if (char.IsUpper(token[0]))
                {
                    if (!IsSentenceInitial(sentence, i)) counts.CapitalisedMidSentence++;
                }
                else
                {
                    counts.Lowercase++;
                }
            }
        }
    }

    /// <summary>
    /// Small code for a capitalised token: bit 0 = written capitalised mid-sentence elsewhere (this occurrence
    /// excluded), bit 1 = written lowercase somewhere in the document. 4 for tokens that are not capitalised.
    /// </summary>
    public ulong Signature(ulong lowerHash, bool capitalised, bool sentenceInitial)
    {
        if (!capitalised) return 4;
        var (capitalisedMid, lowercase) = _counts.GetValueOrDefault(lowerHash);
        var elsewhere = capitalisedMid - (sentenceInitial ? 0 : 1);
        return (elsewhere > 0 ? 1UL : 0UL) | (lowercase > 0 ? 2UL : 0UL);
    }

    /// <summary>
    /// The <see cref="Signature"/> of every token of one sentence: all the tagger reads of the document for that
    /// sentence, so a sentence with the same tokens and the same codes tags the same (what the tag cache keys on).
    /// </summary>
    public byte[] Codes(IReadOnlyList<string> sentence, ulong[]? lowerHashes = null)
    {
        var codes = new byte[sentence.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            var text = sentence[i].AsSpan();
            var capitalised = text.Length > 0 && char.IsUpper(text[0]);
            var lower = lowerHashes is null ? FeatureHash.Lower(text) : lowerHashes[i];
            codes[i] = (byte)Signature(lower, capitalised, IsSentenceInitial(sentence, i));
        }
        return codes;
    }

    /// <summary>First token, or after an opening quote, bracket, dash or colon: capitalisation there says little.</summary>
    public static bool IsSentenceInitial(IReadOnlyList<string> sentence, int index) =>
        index == 0 || sentence[index - 1] is "«" or "\"" or "“" or "(" or "-" or "–" or "—" or ":" or "." or "!" or "?" or "'" or "‘";
}
