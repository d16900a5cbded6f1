using System.Buffers;

namespace NewsLsp.Ner;

/// <summary>
/// Turns a sentence into a fixed number of hashed feature buckets per token (tag-independent observation features).
/// Why a fixed count: scoring and training become flat loops over an int array with no per-token allocation.
/// Templates: word identity and case, ±2 word window, shapes, affixes, position, word/shape conjunctions
/// (which is how "presidente", "ministro", "signor" before a name are learned), gazetteer matches,
/// document-level capitalisation evidence, a bag of the words within ±5 conjoined with the token's capitalisation
/// (so "partita", "gol", "batte", "contro" near a capitalised country name are learned as team evidence, not
/// listed), person-name list matches and the word classes (<see cref="WordClusters"/>) of the token and its
/// neighbours (so a name or title the labelled data never showed borrows the evidence of its class).
/// </summary>
internal sealed class FeatureExtractor
{
    public const int FeaturesPerToken = 66;

    /// <summary>Half-width of the bag-of-words context window.</summary>
    private const int Window = 5;

    private const int Padding = Window;
    private static readonly ulong BeginHash = FeatureHash.Exact("<s>");
    private static readonly ulong EndHash = FeatureHash.Exact("</s>");

    /// <summary>Word-class granularities read per token (a cluster file with fewer levels repeats its coarsest).</summary>
    private const int ClassLevels = 4;

    /// <summary>The class value of a word the clusters do not know.</summary>
    private const ulong NoClass = 0xFFFF_FFFF;

    private readonly Gazetteer _gazetteer;
    private readonly WordClusters _clusters;
    private readonly int _bucketShift;

    public FeatureExtractor(Gazetteer gazetteer, WordClusters clusters, int bucketBits)
    {
        _gazetteer = gazetteer;
        _clusters = clusters;
        _bucketShift = 64 - bucketBits;
    }

    internal struct TokenInfo
    {
        public ulong Lower, Exact, LongShape, ShortShape, Gazetteers;
        public ulong Prefix1, Prefix2, Prefix3, Prefix4, Suffix1, Suffix2, Suffix3, Suffix4;
        public ulong Flags, Document, Memory, Names;
        public ulong Class0, Class1, Class2, Class3;
    }

    /// <summary>
    /// Fills <paramref name="buckets"/> (tokens × <see cref="FeaturesPerToken"/>) for one sentence.
    /// <paramref name="documentCodes"/> holds <see cref="DocumentContext.Codes"/> of the sentence (what the rest of the
    /// document says about each token), <paramref name="memory"/> <see cref="DocumentMemory"/> codes per token, or is
    /// empty on a first pass. Nothing else of the document is read.
    /// </summary>
    public void Extract(IReadOnlyList<string> tokens, ReadOnlySpan<byte> documentCodes, ReadOnlySpan<byte> memory, Span<int> buckets) =>
        Extract(tokens, documentCodes, memory, [], buckets, new TokenInfo[tokens.Count + 2 * Padding]);

    /// <summary>
    /// What a first pass keeps of a sentence so that the memory pass recomputes only the features that read the
    /// memory codes (3 of <see cref="FeaturesPerToken"/>): the token observations and the buckets.
    /// Its arrays are rented: a cold run tags hundreds of thousands of sentences, and fresh zeroed arrays for each
    /// (about 360 bytes per token) were a steady stream of allocation and clearing. Extraction writes every element
    /// it reads, so a rented array's old contents never show. <see cref="Release"/> when the document is tagged.
    /// </summary>
    internal sealed class Sentence
    {
        internal Sentence(int tokenCount)
        {
            TokenCount = tokenCount;
            Info = ArrayPool<TokenInfo>.Shared.Rent(tokenCount + 2 * Padding);
            Buckets = ArrayPool<int>.Shared.Rent(tokenCount * FeaturesPerToken);
        }

        internal int TokenCount { get; }

        /// <summary>Token observations; longer than needed (rented): only the first <see cref="TokenCount"/> + 2 × padding count.</summary>
        internal TokenInfo[] Info { get; }

        /// <summary>Rented, so longer than needed: <see cref="BucketSpan"/> is the sentence's.</summary>
        internal int[] Buckets { get; }

        internal ReadOnlySpan<int> BucketSpan => Buckets.AsSpan(0, TokenCount * FeaturesPerToken);

        /// <summary>Gives the arrays back to the pool; the sentence must not be used afterwards.</summary>
        internal void Release()
        {
            ArrayPool<TokenInfo>.Shared.Return(Info);
            ArrayPool<int>.Shared.Return(Buckets);
        }
    }

    /// <summary>First-pass features of a sentence (no memory codes), kept for <see cref="WithMemory"/>.</summary>
    /// <param name="lowerHashes"><see cref="FeatureHash.Lower"/> of each token, already computed by the caller.</param>
    internal Sentence ExtractFirstPass(IReadOnlyList<string> tokens, ReadOnlySpan<byte> documentCodes, ReadOnlySpan<ulong> lowerHashes)
    {
        var sentence = new Sentence(tokens.Count);
        Extract(tokens, documentCodes, [], lowerHashes, sentence.Buckets.AsSpan(0, tokens.Count * FeaturesPerToken), sentence.Info);
        return sentence;
    }

    /// <summary>
    /// Rewrites <paramref name="sentence"/> in place into the buckets <see cref="Extract(IReadOnlyList{string}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{int})"/>
    /// gives for the same tokens and codes with <paramref name="memory"/>: only the memory templates change.
    /// </summary>
    internal void WithMemory(Sentence sentence, ReadOnlySpan<byte> memory)
    {
        var info = sentence.Info;
        var n = sentence.TokenCount;
        for (var i = 0; i < n; i++) info[i + Padding].Memory = memory[i];
        for (var i = 0; i < n; i++) MemoryFeatures(info, i + Padding, sentence.Buckets.AsSpan(i * FeaturesPerToken + MemoryFeatureIndex, MemoryFeatureCount));
    }

    /// <summary>Index of the first memory feature within a token's features.</summary>
    internal const int MemoryFeatureIndex = 40;

    /// <summary>How many features, from <see cref="MemoryFeatureIndex"/> on, read the memory codes.</summary>
    internal const int MemoryFeatureCount = 3;

    // knownLowerHashes: FeatureHash.Lower of each token when the caller has them, or empty.
    private void Extract(IReadOnlyList<string> tokens, ReadOnlySpan<byte> documentCodes, ReadOnlySpan<byte> memory, ReadOnlySpan<ulong> knownLowerHashes,
        Span<int> buckets, TokenInfo[] info)
    {
        var n = tokens.Count;
        for (var p = 0; p < Padding; p++)
        {
            info[p] = Boundary(BeginHash);
            info[n + Padding + p] = Boundary(EndHash);
        }

        // The table slots the word classes and the gazetteer will read, loading while the tokens are examined.
        foreach (var lowerHash in knownLowerHashes) _clusters.Prefetch(lowerHash);
        _gazetteer.Prefetch(knownLowerHashes);
        Span<ulong> lowerHashes = n <= 256 ? stackalloc ulong[n] : new ulong[n];
        Span<ulong> prefixes = stackalloc ulong[4];
        Span<int> classes = stackalloc int[ClassLevels];
        for (var i = 0; i < n; i++)
        {
            var text = tokens[i].AsSpan();
            ref var t = ref info[i + Padding];
            t.Lower = knownLowerHashes.IsEmpty ? FeatureHash.Lower(text) : knownLowerHashes[i];
            lowerHashes[i] = t.Lower;
            t.Exact = FeatureHash.Exact(text);
            t.LongShape = WordShape.Long(text);
            t.ShortShape = WordShape.Short(text);
            FeatureHash.LowerPrefixes(text, prefixes);
            t.Prefix1 = prefixes[0];
            t.Prefix2 = prefixes[1];
            t.Prefix3 = prefixes[2];
            t.Prefix4 = prefixes[3];
            t.Suffix1 = FeatureHash.LowerSuffix(text, 1, t.Lower);
            t.Suffix2 = FeatureHash.LowerSuffix(text, 2, t.Lower);
            t.Suffix3 = FeatureHash.LowerSuffix(text, 3, t.Lower);
            t.Suffix4 = FeatureHash.LowerSuffix(text, 4, t.Lower);
            var capitalised = text.Length > 0 && char.IsUpper(text[0]);
            var initial = DocumentContext.IsSentenceInitial(tokens, i);
            t.Flags = (capitalised ? 1UL : 0) | (initial ? 2UL : 0) | (IsAllCaps(text) ? 4UL : 0)
                      | (HasDigit(text) ? 8UL : 0) | ((ulong)Math.Min(text.Length, 12) << 4);
            _clusters.FindLevels(t.Lower, classes);
            t.Class0 = ClassValue(classes[0]);
            t.Class1 = ClassValue(classes[1]);
            t.Class2 = ClassValue(classes[2]);
            t.Class3 = ClassValue(classes[3]);
            t.Document = documentCodes[i];
            t.Memory = memory.IsEmpty ? DocumentMemory.Unavailable : memory[i];
        }

        var labelCount = n * Gazetteer.CategoryCount;
        Span<byte> labels = labelCount <= 1024 ? stackalloc byte[labelCount] : new byte[labelCount];
        _gazetteer.Match(lowerHashes, labels);
        for (var i = 0; i < n; i++)
        {
            ulong signature = 0;
            for (var c = 0; c < (int)GazetteerCategory.GivenName; c++) signature = signature * 5 + labels[i * Gazetteer.CategoryCount + c];
            info[i + Padding].Gazetteers = signature;
            // Name lists get their own features: folded into the place/organisation signature they would split it.
            info[i + Padding].Names = labels[i * Gazetteer.CategoryCount + (int)GazetteerCategory.GivenName] * 5UL
                                      + labels[i * Gazetteer.CategoryCount + (int)GazetteerCategory.Surname];
        }

        for (var i = 0; i < n; i++)
        {
            var f = buckets.Slice(i * FeaturesPerToken, FeaturesPerToken);
            var c = i + Padding;
            ref readonly var m2 = ref info[c - 2];
            ref readonly var m1 = ref info[c - 1];
            ref readonly var w = ref info[c];
            ref readonly var p1 = ref info[c + 1];
            ref readonly var p2 = ref info[c + 2];
            var capital = w.Flags & 1;
            var position = (ulong)Math.Min(i, 3);
            var k = 0;
            f[k++] = Bucket(FeatureHash.Combine(1, 0));
            f[k++] = Bucket(FeatureHash.Combine(2, w.Lower));
            f[k++] = Bucket(FeatureHash.Combine(3, w.Exact));
            f[k++] = Bucket(FeatureHash.Combine(4, m1.Lower));
            f[k++] = Bucket(FeatureHash.Combine(5, p1.Lower));
            f[k++] = Bucket(FeatureHash.Combine(6, m2.Lower));
            f[k++] = Bucket(FeatureHash.Combine(7, p2.Lower));
            f[k++] = Bucket(FeatureHash.Combine(8, w.LongShape));
            f[k++] = Bucket(FeatureHash.Combine(9, m1.LongShape));
            f[k++] = Bucket(FeatureHash.Combine(10, p1.LongShape));
            f[k++] = Bucket(FeatureHash.Combine(11, m2.ShortShape));
            f[k++] = Bucket(FeatureHash.Combine(12, p2.ShortShape));
            f[k++] = Bucket(FeatureHash.Combine(13, w.Prefix1));
            f[k++] = Bucket(FeatureHash.Combine(13, w.Prefix2));
            f[k++] = Bucket(FeatureHash.Combine(13, w.Prefix3));
            f[k++] = Bucket(FeatureHash.Combine(13, w.Prefix4));
            f[k++] = Bucket(FeatureHash.Combine(14, w.Suffix1));
            f[k++] = Bucket(FeatureHash.Combine(14, w.Suffix2));
            f[k++] = Bucket(FeatureHash.Combine(14, w.Suffix3));
            f[k++] = Bucket(FeatureHash.Combine(14, w.Suffix4));
            f[k++] = Bucket(FeatureHash.Combine(15, w.Flags, position));
            f[k++] = Bucket(FeatureHash.Combine(16, m1.Lower, w.ShortShape));
            f[k++] = Bucket(FeatureHash.Combine(17, w.ShortShape, p1.Lower));
            f[k++] = Bucket(FeatureHash.Combine(18, m1.ShortShape, w.ShortShape, p1.ShortShape));
            f[k++] = Bucket(FeatureHash.Combine(19, m1.Lower, w.Lower));
            f[k++] = Bucket(FeatureHash.Combine(20, w.Lower, p1.Lower));
            f[k++] = Bucket(FeatureHash.Combine(21, m2.Lower, m1.Lower, w.ShortShape));
            f[k++] = Bucket(FeatureHash.Combine(22, w.Gazetteers, capital));
            f[k++] = Bucket(FeatureHash.Combine(23, m1.Gazetteers, w.Gazetteers, p1.Gazetteers));
            f[k++] = Bucket(FeatureHash.Combine(24, w.Gazetteers, m1.Lower));
            f[k++] = Bucket(FeatureHash.Combine(25, w.Document, w.Flags & 3));
            f[k++] = Bucket(FeatureHash.Combine(26, w.Document, w.Lower));
            f[k++] = Bucket(FeatureHash.Combine(27, m1.Document, w.Document, p1.Document));
            f[k++] = Bucket(FeatureHash.Combine(28, w.Suffix3, w.ShortShape));
            f[k++] = Bucket(FeatureHash.Combine(29, w.Exact, position == 0 ? 1UL : 0UL));
            f[k++] = Bucket(FeatureHash.Combine(30, m1.Exact, w.ShortShape));
            f[k++] = Bucket(FeatureHash.Combine(31, m1.ShortShape, w.ShortShape));
            f[k++] = Bucket(FeatureHash.Combine(32, w.ShortShape, p1.ShortShape));
            f[k++] = Bucket(FeatureHash.Combine(33, m1.Flags & 5, w.Flags & 5, p1.Flags & 5));
            f[k++] = Bucket(FeatureHash.Combine(34, p1.Lower, p2.Lower, w.ShortShape));
            System.Diagnostics.Debug.Assert(k == MemoryFeatureIndex);
            MemoryFeatures(info, c, f.Slice(k, MemoryFeatureCount));
            k += MemoryFeatureCount;
            // Bag of words in the window, position-free (one template), conjoined with the token's capitalisation.
            for (var d = 1; d <= Window; d++)
            {
                f[k++] = Bucket(FeatureHash.Combine(40, info[c - d].Lower, capital));
                f[k++] = Bucket(FeatureHash.Combine(40, info[c + d].Lower, capital));
            }
            f[k++] = Bucket(FeatureHash.Combine(50, w.Names, capital));
            f[k++] = Bucket(FeatureHash.Combine(51, m1.Names, w.Names, p1.Names));
            f[k++] = Bucket(FeatureHash.Combine(52, w.Names, w.Gazetteers, w.Flags & 3));
            // Word classes: the token's at four granularities, its neighbours', and classes next to words.
            f[k++] = Bucket(FeatureHash.Combine(53, w.Class0));
            f[k++] = Bucket(FeatureHash.Combine(54, w.Class1));
            f[k++] = Bucket(FeatureHash.Combine(55, w.Class2, capital));
            f[k++] = Bucket(FeatureHash.Combine(56, w.Class3, capital));
            f[k++] = Bucket(FeatureHash.Combine(57, m1.Class1));
            f[k++] = Bucket(FeatureHash.Combine(58, p1.Class1));
            f[k++] = Bucket(FeatureHash.Combine(59, w.Class0, capital));
            f[k++] = Bucket(FeatureHash.Combine(60, m1.Class2, w.Class2, p1.Class2));
            f[k++] = Bucket(FeatureHash.Combine(61, m1.Lower, w.Class1));
            f[k++] = Bucket(FeatureHash.Combine(62, w.Class1, p1.Lower));
        }
    }

    private void MemoryFeatures(TokenInfo[] info, int c, Span<int> f)
    {
        ref readonly var m1 = ref info[c - 1];
        ref readonly var w = ref info[c];
        ref readonly var p1 = ref info[c + 1];
        f[0] = Bucket(FeatureHash.Combine(35, w.Memory, w.Flags & 3));
        f[1] = Bucket(FeatureHash.Combine(36, w.Memory, w.ShortShape, w.Gazetteers));
        f[2] = Bucket(FeatureHash.Combine(37, m1.Memory, w.Memory, p1.Memory));
    }

    private int Bucket(ulong hash) => (int)(hash >> _bucketShift);

    private static ulong ClassValue(int found) => found < 0 ? NoClass : (ulong)found;

    private static TokenInfo Boundary(ulong hash) => new()
    {
        Lower = hash, Exact = hash, LongShape = hash, ShortShape = hash, Gazetteers = hash, Flags = hash, Document = hash, Memory = hash, Names = hash,
        Class0 = hash, Class1 = hash, Class2 = hash, Class3 = hash,
    };

    private static bool IsAllCaps(ReadOnlySpan<char> text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsUpper(c)) return false;
            letters++;
        }
        return letters >= 2;
    }

    private static bool HasDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsDigit(c)) return true;
        }
        return false;
    }
}
