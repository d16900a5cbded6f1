using System.Buffers;

namespace NewsLsp.Ner;

/// <summary>
/// A trained Italian NER model: hashed feature weights of an averaged structured perceptron, BIO transition
/// weights and the gazetteer it was trained with. Immutable after construction, so concurrent Tag calls are safe
/// (every call allocates its own scratch buffers).
/// </summary>
public sealed class NerModel
{
    private const string DefaultResourceName = "NewsLsp.Ner.Model.ner-it.bin";
    private static readonly Lazy<NerModel> Default = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    // Exactly one of the two: float weights while training, the model file's quantised weights once loaded.
    private readonly float[]? _weights;
    private readonly QuantisedWeights? _quantised;
    private readonly CertifiedViterbi? _certifiedDecoder;
    private readonly float[] _transitions;
    private readonly FeatureExtractor _extractor;

    /// <summary>A model as training leaves it: float weights, tagged by <see cref="LinearScorer"/> and <see cref="ViterbiDecoder"/>.</summary>
    internal NerModel(int bucketBits, float[] weights, float[] transitions, Gazetteer gazetteer, WordClusters clusters, bool usesDocumentMemory)
        : this(bucketBits, transitions, gazetteer, clusters, usesDocumentMemory)
    {
        if (weights.Length != (1 << bucketBits) * NerTags.Count)
            throw new ArgumentException("Weight array does not match the bucket count.", nameof(weights));
        _weights = weights;
    }

    /// <summary>
    /// A model as its file stores it: tagged from exact integer emissions (<see cref="ExactScorer"/>,
    /// <see cref="CertifiedViterbi"/>), with the same tags as the float weights q × scale would give.
    /// </summary>
    internal NerModel(QuantisedWeights weights, float[] transitions, Gazetteer gazetteer, WordClusters clusters, bool usesDocumentMemory)
        : this(weights.BucketBits, transitions, gazetteer, clusters, usesDocumentMemory)
    {
        _quantised = weights;
        _certifiedDecoder = new CertifiedViterbi(weights.Scale, transitions);
    }

    private NerModel(int bucketBits, float[] transitions, Gazetteer gazetteer, WordClusters clusters, bool usesDocumentMemory)
    {
        if (transitions.Length != (NerTags.Count + 1) * NerTags.Count)
            throw new ArgumentException("Transition matrix has the wrong size.", nameof(transitions));
        BucketBits = bucketBits;
        _transitions = transitions;
        Gazetteer = gazetteer;
        Clusters = clusters;
        UsesDocumentMemory = usesDocumentMemory;
        _extractor = new FeatureExtractor(gazetteer, clusters, bucketBits);
    }

    /// <summary>log2 of the number of hashed feature buckets.</summary>
    public int BucketBits { get; }

    public Gazetteer Gazetteer { get; }

    /// <summary>The word classes the model was trained with.</summary>
    public WordClusters Clusters { get; }

    /// <summary>True when tagging runs twice, the second pass seeing what the first found elsewhere in the document.</summary>
    public bool UsesDocumentMemory { get; }

    /// <summary>The float weights (buckets × tags); built afresh for a loaded model, so only for writing it out.</summary>
    internal ReadOnlySpan<float> FloatWeights() => _weights ?? _quantised!.ToFloats();

    /// <summary>The quantised weights of a loaded model, null for one fresh from training.</summary>
    internal QuantisedWeights? Quantised => _quantised;

    internal ReadOnlySpan<float> Transitions => _transitions;

    /// <summary>The model shipped inside this assembly (trained on KIND Wikinews; CC BY-NC 4.0 terms apply).</summary>
    public static NerModel LoadDefault() => Default.Value;

    public static NerModel Load(Stream stream) => NerModelFile.Read(stream);

    public void Save(Stream stream) => NerModelFile.Write(this, stream);

    /// <summary>BIO tags for one sentence (document features see only this sentence).</summary>
    public IReadOnlyList<string> Tag(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return ToStrings(TagDocument([tokens])[0]);
    }

    /// <summary>
    /// BIO tags for every sentence of one document. Why a document overload: how a word is capitalised elsewhere in
    /// the article disambiguates sentence-initial words and repeated short mentions of a name.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Tag(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var tags = TagDocument(sentences);
        var result = new IReadOnlyList<string>[sentences.Count];
        for (var s = 0; s < sentences.Count; s++) result[s] = ToStrings(tags[s]);
        return result;
    }

    /// <summary>
    /// The same as <see cref="Tag(IReadOnlyList{IReadOnlyList{string}})"/>, taking each sentence's tags from
    /// <paramref name="cache"/> when it was tagged before with equal tokens and codes (so the result is identical).
    /// Why: an editor re-tags the article on every keystroke, and a keystroke changes one sentence.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Tag(IReadOnlyList<IReadOnlyList<string>> sentences, SentenceTagCache cache)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (!ReferenceEquals(cache.Model, this)) throw new ArgumentException("The cache belongs to another model.", nameof(cache));
        var tags = TagDocument(sentences, cache);
        var result = new IReadOnlyList<string>[sentences.Count];
        for (var s = 0; s < sentences.Count; s++) result[s] = ToStrings(tags[s]);
        return result;
    }

    /// <summary>A cache of this model's sentence tags holding up to about 2 × <paramref name="capacity"/> sentences.</summary>
    public SentenceTagCache CreateTagCache(int capacity) => new(this, capacity);

    /// <summary>Tag indices for every sentence of a document: a first pass, then (if trained so) a memory pass.</summary>
    internal int[][] TagDocument(IReadOnlyList<IReadOnlyList<string>> sentences, SentenceTagCache? cache = null)
    {
        // Every token's lowercase hash, computed once: the document context, the features and the memory all read it.
        var lowerHashes = new ulong[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            lowerHashes[s] = new ulong[sentences[s].Count];
            for (var i = 0; i < lowerHashes[s].Length; i++) lowerHashes[s][i] = FeatureHash.Lower(sentences[s][i]);
        }
        // This thread's table: the context is read only in this call (its codes are what the cache keys keep).
        var document = DocumentContext.BuildTransient(sentences, lowerHashes);
        var codes = new byte[sentences.Count][];
        var tags = new int[sentences.Count][];
        // First-pass features, kept so that the memory pass recomputes only the 3 features that read memory codes
        // (null where the first pass came from the cache); with quantised weights also their sums without those 3.
        var kept = UsesDocumentMemory ? new FeatureExtractor.Sentence?[sentences.Count] : null;
        var keptSums = kept is not null && _quantised is not null ? new int[]?[sentences.Count] : null;
        var cacheTokens = cache is null ? null : new SentenceTagCache.Tokens[sentences.Count];
        // No delegate or closure per sentence: the cache is asked first and told what was tagged (both made per
        // sentence on every keystroke before).
        for (var s = 0; s < sentences.Count; s++)
        {
            codes[s] = document.Codes(sentences[s], lowerHashes[s]);
            if (cache is not null && cache.TryGet(cacheTokens![s] = new SentenceTagCache.Tokens(sentences[s], lowerHashes[s]), codes[s], [], out var cached))
            {
                tags[s] = cached;
                continue;
            }
            tags[s] = FirstPass(sentences[s], codes[s], lowerHashes[s], kept, keptSums, s);
            cache?.Add(cacheTokens![s], codes[s], [], tags[s]);
        }
        if (kept is null) return tags;
        var memory = DocumentMemory.Build(sentences, tags, lowerHashes);
        for (var s = 0; s < sentences.Count; s++)
        {
            var features = kept[s];
            if (cache is not null && cache.TryGet(cacheTokens![s], codes[s], memory[s], out var cached)) tags[s] = cached;
            else
            {
                tags[s] = MemoryPass(sentences[s], codes[s], memory[s], features, keptSums?[s]);
                cache?.Add(cacheTokens![s], codes[s], memory[s], tags[s]);
            }
            features?.Release();
            if (keptSums?[s] is { } sums) ArrayPool<int>.Shared.Return(sums);
        }
        return tags;
    }

    // The first pass over one sentence; its features (and sums without memory features) are kept in kept[index]
    // (keptSums[index]) for the memory pass when there is one.
    private int[] FirstPass(IReadOnlyList<string> tokens, byte[] codes, ulong[] lowerHashes, FeatureExtractor.Sentence?[]? kept, int[]?[]? keptSums, int index)
    {
        if (tokens.Count == 0) return [];
        var features = _extractor.ExtractFirstPass(tokens, codes, lowerHashes);
        int[] firstTags;
        if (_quantised is null) firstTags = Decode(features.BucketSpan, tokens.Count);
        else
        {
            var withoutMemory = ArrayPool<int>.Shared.Rent(tokens.Count * QuantisedWeights.Lanes);
            ExactScorer.SumWithoutMemory(_quantised, features.BucketSpan, withoutMemory.AsSpan(0, tokens.Count * QuantisedWeights.Lanes));
            firstTags = DecodeQuantised(_quantised, features.BucketSpan, withoutMemory, tokens.Count);
            if (keptSums is not null) keptSums[index] = withoutMemory;
            else ArrayPool<int>.Shared.Return(withoutMemory);
        }
        if (kept is not null) kept[index] = features;
        else features.Release();
        return firstTags;
    }

    // The memory pass over one sentence: from its kept first-pass features, or all features when the first pass was cached.
    private int[] MemoryPass(IReadOnlyList<string> tokens, byte[] codes, byte[] memory, FeatureExtractor.Sentence? features, int[]? sumsWithoutMemory)
    {
        if (features is null) return TagIndices(tokens, codes, memory);
        _extractor.WithMemory(features, memory);
        return _quantised is null
            ? Decode(features.BucketSpan, tokens.Count)
            : DecodeQuantised(_quantised, features.BucketSpan, sumsWithoutMemory!, tokens.Count);
    }

    private int[] TagIndices(IReadOnlyList<string> tokens, ReadOnlySpan<byte> documentCodes, ReadOnlySpan<byte> memory)
    {
        var n = tokens.Count;
        if (n == 0) return [];
        var buckets = new int[n * FeatureExtractor.FeaturesPerToken];
        _extractor.Extract(tokens, documentCodes, memory, buckets);
        if (_quantised is null) return Decode(buckets, n);
        var withoutMemory = new int[n * QuantisedWeights.Lanes];
        ExactScorer.SumWithoutMemory(_quantised, buckets, withoutMemory);
        return DecodeQuantised(_quantised, buckets, withoutMemory, n);
    }

    private int[] Decode(ReadOnlySpan<int> buckets, int n)
    {
        var tags = new int[n];
        Span<float> emissions = n <= 512 ? stackalloc float[n * NerTags.Count] : new float[n * NerTags.Count];
        LinearScorer.Score(buckets, _weights!, emissions);
        ViterbiDecoder.Decode(emissions, _transitions, tags);
        return tags;
    }

    // Exact emissions (the kept sums plus the memory features), decoded with proof of agreeing with the float
    // reference; where the proof fails, the reference itself.
    private int[] DecodeQuantised(QuantisedWeights weights, ReadOnlySpan<int> buckets, ReadOnlySpan<int> withoutMemory, int n)
    {
        var tags = new int[n];
        var laneCount = n * QuantisedWeights.Lanes;
        Span<int> sums = laneCount <= 2048 ? stackalloc int[laneCount] : new int[laneCount];
        ExactScorer.AddMemory(weights, buckets, withoutMemory[..laneCount], sums);
        if (_certifiedDecoder!.TryDecode(sums, tags)) return tags;
        Span<float> emissions = n <= 512 ? stackalloc float[n * NerTags.Count] : new float[n * NerTags.Count];
        weights.ScoreFloat(buckets, emissions);
        ViterbiDecoder.Decode(emissions, _transitions, tags);
        return tags;
    }

    private static IReadOnlyList<string> ToStrings(int[] tags)
    {
        // Most sentences name no one: their tags are one shared read-only list per length (the edited article's
        // sentences were given new arrays of "O" on every keystroke).
        if (tags.Length < AllOutside.Length && tags.AsSpan().IndexOfAnyExcept(OutsideTag) < 0)
            return AllOutside[tags.Length] ??= Array.AsReadOnly(Enumerable.Repeat(NerTags.All[OutsideTag], tags.Length).ToArray());
        var result = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++) result[i] = NerTags.All[tags[i]];
        return result;
    }

    private const int OutsideTag = 0; // NerTags.All[0] is "O"
    private static readonly IReadOnlyList<string>?[] AllOutside = new IReadOnlyList<string>?[256];

    private static NerModel LoadEmbedded()
    {
        using var stream = typeof(NerModel).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"Embedded model {DefaultResourceName} is missing.");
        return Load(stream);
    }
}
