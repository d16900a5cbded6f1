namespace NewsLsp.Ner;

/// <summary>
/// What a first tagging pass found elsewhere in the same document, per word. Why: an article names a person in
/// full once ("Francisco Aguilar") and then by surname, or in a title where capitalisation says nothing; the second
/// pass sees "this word was tagged PER elsewhere in the article" as a feature and can stay consistent.
/// Codes: 0 = no memory (first pass), 1 = never tagged as an entity elsewhere,
/// 2 + 2 × type + (seen at least twice ? 1 : 0) for the type it was most often tagged with elsewhere.
/// </summary>
internal static class DocumentMemory
{
    public const byte Unavailable = 0;
    private const byte NotAnEntityElsewhere = 1;

    /// <summary>Memory codes for every token of every sentence, from first-pass tags (NerTags indices).</summary>
    /// <param name="lowerHashes"><see cref="FeatureHash.Lower"/> of every token when the caller has them; null to compute them.</param>
    public static byte[][] Build(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<int[]> firstPassTags, IReadOnlyList<ulong[]>? lowerHashes = null)
    {
        // This thread's table, emptied: the counts do not outlive this call, and a table per document was garbage on
        // every keystroke.
        var counts = CountsScratch ??= new Dictionary<ulong, (int Per, int Loc, int Org)>();
        counts.Clear();
        var hashes = new ulong[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s];
            hashes[s] = lowerHashes?[s] ?? new ulong[tokens.Count];
            for (var i = 0; i < tokens.Count; i++)
            {
                var hash = lowerHashes is null ? hashes[s][i] = FeatureHash.Lower(tokens[i]) : hashes[s][i];
                var type = NerTags.TypeOf(firstPassTags[s][i]);
                if (type < 0 || !IsNameLike(tokens[i])) continue;
                counts[hash] = Add(counts.GetValueOrDefault(hash), type, 1);
            }
        }

        var codes = new byte[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            codes[s] = new byte[sentences[s].Count];
            for (var i = 0; i < codes[s].Length; i++)
            {
                var entry = counts.GetValueOrDefault(hashes[s][i]);
                var ownType = NerTags.TypeOf(firstPassTags[s][i]);
                if (ownType >= 0 && IsNameLike(sentences[s][i])) entry = Add(entry, ownType, -1);
                codes[s][i] = Code(entry);
            }
        }
        if (counts.Count > 4096) CountsScratch = null; // a very long document does not leave its table to every later one
        return codes;
    }

    [ThreadStatic] private static Dictionary<ulong, (int Per, int Loc, int Org)>? CountsScratch;

    private static byte Code((int Per, int Loc, int Org) entry)
    {
        var (per, loc, org) = entry;
        var best = Math.Max(per, Math.Max(loc, org));
        if (best <= 0) return NotAnEntityElsewhere;
        var type = per == best ? 0 : loc == best ? 1 : 2;
        return (byte)(2 + 2 * type + (best >= 2 ? 1 : 0));
    }

    private static (int, int, int) Add((int Per, int Loc, int Org) entry, int type, int delta) => type switch
    {
        0 => (entry.Per + delta, entry.Loc, entry.Org),
        1 => (entry.Per, entry.Loc + delta, entry.Org),
        _ => (entry.Per, entry.Loc, entry.Org + delta),
    };

    // Only words that can carry a name on their own: articles and prepositions inside names would spread noise.
    private static bool IsNameLike(string token) => token.Length > 1 && char.IsUpper(token[0]);
}
