namespace NewsLsp.Ner;

/// <summary>
/// Multi-token name lists, stored as hashes of lowercased token sequences. Why hashes: lookups allocate nothing,
/// and a table of every entry and every proper prefix lets matching stop at the first token that cannot continue.
/// </summary>
public sealed class Gazetteer
{
    public const int CategoryCount = 6;
    public const int MaxEntryTokens = 8;

    /// <summary>Per-token match labels written by <see cref="Match"/>.</summary>
    public const byte None = 0, Unit = 1, Begin = 2, Inside = 3, Last = 4;

    private const ulong SequenceSeed = 0x5EED_0F_6A2E77EUL;
    private const int PrefixShift = 8;

    // Bits 0..5: the sequence is a whole entry of that category; bits 8..13: a proper prefix of a longer one.
    private readonly SequenceHashTable _table;

    private Gazetteer(SequenceHashTable table) => _table = table;

    public static Gazetteer Empty { get; } = new(SequenceHashTable.WithCapacity(0));

    public int TableSize => _table.Count;

    /// <summary>The per-token key <see cref="Match"/> expects: lowercased, typographic apostrophes folded.</summary>
    public static ulong TokenKey(string token) => FeatureHash.Lower(token);

    /// <summary>Builds a gazetteer from entries already split into tokens (KIND convention).</summary>
    public static Gazetteer Build(IEnumerable<(GazetteerCategory Category, IReadOnlyList<string> Tokens)> entries)
    {
        var keys = new SequenceKeys();
        Span<ulong> tokenHashes = stackalloc ulong[MaxEntryTokens];
        foreach (var (category, tokens) in entries)
        {
            if (tokens.Count == 0 || tokens.Count > MaxEntryTokens) continue;
            for (var i = 0; i < tokens.Count; i++) tokenHashes[i] = FeatureHash.Lower(tokens[i]);
            AddKeys(category, tokenHashes[..tokens.Count], keys);
        }
        return FromKeys(keys);
    }

    /// <summary>
    /// The same as <see cref="Build"/> over lines of space-separated tokens, hashed where they stand. Why: the embedded
    /// lists hold about 300,000 lines, and a string per token and an array per line were a third of loading them.
    /// </summary>
    internal static Gazetteer BuildFromLines(IEnumerable<(GazetteerCategory Category, string Line)> lines)
    {
        var keys = new SequenceKeys();
        Span<ulong> tokenHashes = stackalloc ulong[MaxEntryTokens];
        foreach (var (category, line) in lines)
        {
            var count = 0;
            var rest = line.AsSpan();
            while (true)
            {
                rest = rest.TrimStart(' ');
                if (rest.IsEmpty) break;
                var end = rest.IndexOf(' ');
                var token = end < 0 ? rest : rest[..end];
                if (count == MaxEntryTokens) { count++; break; } // too long: skipped, as Build skips it
                tokenHashes[count++] = FeatureHash.Lower(token);
                rest = end < 0 ? default : rest[end..];
            }
            if (count is 0 or > MaxEntryTokens) continue;
            AddKeys(category, tokenHashes[..count], keys);
        }
        return FromKeys(keys);
    }

    // An entry's keys: every proper prefix flagged as one, the whole sequence as an entry of its category.
    private static void AddKeys(GazetteerCategory category, ReadOnlySpan<ulong> tokenHashes, SequenceKeys keys)
    {
        var bit = 1 << (int)category;
        var hash = SequenceSeed;
        for (var i = 0; i < tokenHashes.Length; i++)
        {
            hash = FeatureHash.Combine(hash, tokenHashes[i]);
            keys.Keys.Add(hash);
            keys.Flags.Add((ushort)(i == tokenHashes.Length - 1 ? bit : bit << PrefixShift));
        }
    }

    // Sorted, so equal keys (shared prefixes, an entry in two categories) are merged side by side: the table gets one
    // slot per distinct key, as many as a dictionary of them would give it, without building the dictionary.
    private static Gazetteer FromKeys(SequenceKeys keys)
    {
        var hashes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(keys.Keys);
        var flags = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(keys.Flags);
        hashes.Sort(flags);
        var distinct = 0;
        for (var i = 0; i < hashes.Length; i++)
        {
            if (distinct > 0 && hashes[distinct - 1] == hashes[i]) flags[distinct - 1] |= flags[i];
            else (hashes[distinct], flags[distinct++]) = (hashes[i], flags[i]);
        }
        var table = SequenceHashTable.WithCapacity(distinct);
        for (var i = 0; i < distinct; i++) table.Add(hashes[i], flags[i]);
        return new Gazetteer(table);
    }

    // Keys and their flags side by side (sorted together as primitives, without a comparison delegate).
    private sealed class SequenceKeys
    {
        public List<ulong> Keys { get; } = [];
        public List<ushort> Flags { get; } = [];
    }

    /// <summary>
    /// Labels every token with its position in the longest left-to-right match of each category.
    /// <paramref name="labels"/> is token-major: labels[token * CategoryCount + category].
    /// </summary>
    public void Match(ReadOnlySpan<ulong> lowerHashes, Span<byte> labels)
    {
        labels.Clear();
        Span<int> coveredUntil = stackalloc int[CategoryCount];
        Span<int> longest = stackalloc int[CategoryCount];
        for (var start = 0; start < lowerHashes.Length; start++)
        {
            longest.Clear();
            var hash = SequenceSeed;
            var limit = Math.Min(MaxEntryTokens, lowerHashes.Length - start);
            for (var length = 1; length <= limit; length++)
            {
                hash = FeatureHash.Combine(hash, lowerHashes[start + length - 1]);
                var flags = _table.Find(hash);
                if (flags == 0) break;
                for (var category = 0; category < CategoryCount; category++)
                {
                    if ((flags & (1 << category)) != 0) longest[category] = length;
                }
                if ((flags >> PrefixShift) == 0) break;
            }
            for (var category = 0; category < CategoryCount; category++)
            {
                var length = longest[category];
                if (length == 0 || start < coveredUntil[category]) continue;
                coveredUntil[category] = start + length;
                for (var k = 0; k < length; k++)
                {
                    var label = length == 1 ? Unit : k == 0 ? Begin : k == length - 1 ? Last : Inside;
                    labels[(start + k) * CategoryCount + category] = label;
                }
            }
        }
    }

    /// <summary>Writes the hashed table (the model file embeds it so a model always sees the lists it was trained with).</summary>
    /// <summary>
    /// Starts loading the table slots <see cref="Match"/> will read first for these tokens (see
    /// SequenceHashTable.Prefetch); a caller with work to do before matching hides the table's cache misses behind it.
    /// </summary>
    internal void Prefetch(ReadOnlySpan<ulong> lowerHashes)
    {
        foreach (var lowerHash in lowerHashes) _table.Prefetch(FeatureHash.Combine(SequenceSeed, lowerHash));
    }

    /// <summary>Every key and its flags, in key order (what the model file stores).</summary>
    internal IEnumerable<KeyValuePair<ulong, ushort>> Entries() => _table.InKeyOrder();

    public void Write(BinaryWriter writer)
    {
        writer.Write(_table.Count);
        foreach (var (key, value) in Entries())
        {
            writer.Write(key);
            writer.Write(value);
        }
    }

    public static Gazetteer Read(BinaryReader reader)
    {
        // Flags 0 would match nothing and continue nothing: the same as an absent key (Read skips them).
        return new Gazetteer(SequenceHashTable.Read(reader, reader.ReadInt32()));
    }
}
