namespace NewsLsp.Ner.Tests;

/// <summary>
/// A loaded model tags from exact integer sums of its quantised weights (ExactScorer, CertifiedViterbi) instead of
/// float sums (LinearScorer, ViterbiDecoder). These tests hold the fast path to the straightforward one on the
/// sentences of WN_dev: same tags, same sums, and a proof that gives up only on near ties.
/// </summary>
public class QuantisedTaggingTests
{
    private const int L = QuantisedWeights.Lanes;
    private const int F = FeatureExtractor.FeaturesPerToken;

    private static readonly Lazy<IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>>> DevArticles = new(() =>
        ArticleSplitter.Split(ConllReader.ReadFile(RepositoryFiles.PathOf("data/kind/WN_dev.tsv")))
            .Select(a => (IReadOnlyList<IReadOnlyList<string>>)a.Select(s => s.Tokens).ToList()).ToList());

    private static NerModel Shipped => NerModel.LoadDefault();

    /// <summary>The shipped model's weights as floats (q × scale), so tagged by LinearScorer and ViterbiDecoder.</summary>
    private static NerModel FloatReference(NerModel model) =>
        new(model.BucketBits, model.FloatWeights().ToArray(), model.Transitions.ToArray(), model.Gazetteer, model.Clusters, model.UsesDocumentMemory);

    [Fact]
    public void Loaded_model_tags_WN_dev_like_its_float_weights()
    {
        var model = Shipped;
        Assert.NotNull(model.Quantised);
        var reference = FloatReference(model);
        foreach (var article in DevArticles.Value)
        {
            var expected = reference.Tag(article);
            var actual = model.Tag(article);
            for (var s = 0; s < article.Count; s++) Assert.Equal(expected[s], actual[s]);
        }
    }

    [Fact]
    public void Memory_pass_sums_equal_the_sums_of_all_its_features()
    {
        var weights = Shipped.Quantised!;
        foreach (var (sentence, extractor, codes, lowerHashes) in DevSentences().Take(400))
        {
            var n = sentence.Count;
            var features = extractor.ExtractFirstPass(sentence, codes, lowerHashes);
            var withoutMemory = new int[n * L];
            ExactScorer.SumWithoutMemory(weights, features.BucketSpan, withoutMemory);
            extractor.WithMemory(features, VariedMemory(n));
            var sums = new int[n * L];
            ExactScorer.AddMemory(weights, features.BucketSpan, withoutMemory, sums);
            Assert.Equal(StraightforwardSums(weights, features.BucketSpan, n), sums);
            features.Release();
        }
    }

    [Fact]
    public void Float_scores_of_quantised_weights_are_the_reference_scores_bit_for_bit()
    {
        var model = Shipped;
        var floats = model.FloatWeights().ToArray();
        foreach (var (sentence, extractor, codes, _) in DevSentences().Take(400))
        {
            var buckets = Buckets(extractor, sentence, codes);
            var expected = new float[sentence.Count * NerTags.Count];
            LinearScorer.Score(buckets, floats, expected);
            var actual = new float[expected.Length];
            model.Quantised!.ScoreFloat(buckets, actual);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Float_emissions_are_within_the_bound_of_the_exact_sums()
    {
        var model = Shipped;
        var weights = model.Quantised!;
        var floats = model.FloatWeights().ToArray();
        double largestError = 0;
        foreach (var (sentence, extractor, codes, _) in DevSentences().Take(400))
        {
            var n = sentence.Count;
            var buckets = Buckets(extractor, sentence, codes);
            var emissions = new float[n * NerTags.Count];
            LinearScorer.Score(buckets, floats, emissions);
            var sums = StraightforwardSums(weights, buckets, n);
            for (var i = 0; i < n; i++)
            {
                var bound = CertifiedViterbi.EmissionErrorBound(weights.Scale, sums[i * L + 7]);
                for (var t = 0; t < NerTags.Count; t++)
                {
                    var error = Math.Abs(emissions[i * NerTags.Count + t] - (double)weights.Scale * sums[i * L + t]);
                    largestError = Math.Max(largestError, error);
                    Assert.True(error <= bound, $"error {error} over the bound {bound}");
                }
            }
        }
        Assert.True(largestError > 0); // the check above compared something that rounds
    }

    [Fact]
    public void Certified_decoding_agrees_with_the_float_reference_and_rarely_gives_up()
    {
        var model = Shipped;
        var weights = model.Quantised!;
        var floats = model.FloatWeights().ToArray();
        int sentences = 0, gaveUp = 0;
        foreach (var (sentence, extractor, codes, _) in DevSentences())
        {
            var n = sentence.Count;
            var buckets = Buckets(extractor, sentence, codes);
            var emissions = new float[n * NerTags.Count];
            LinearScorer.Score(buckets, floats, emissions);
            var expected = new int[n];
            ViterbiDecoder.Decode(emissions, model.Transitions, expected);
            var sums = StraightforwardSums(weights, buckets, n);
            var actual = new int[n];
            sentences++;
            if (!new CertifiedViterbi(weights.Scale, model.Transitions.ToArray()).TryDecode(sums, actual)) gaveUp++;
            else Assert.Equal(expected, actual);
        }
        Assert.True(gaveUp * 100 < sentences, $"gave up on {gaveUp} of {sentences} sentences");
    }

    [Fact]
    public void A_near_tie_is_left_to_the_reference()
    {
        var transitions = new float[(NerTags.Count + 1) * NerTags.Count];
        // One token: O scores 1000, B-PER 1001 (units of the scale). With small weights the rounding cannot reach 1.
        int[] sums = [1000, 1001, 0, 0, 0, 0, 0, 1001];
        var tags = new int[1];
        Assert.True(new CertifiedViterbi(1f, transitions).TryDecode(sums, tags));
        Assert.Equal(1, tags[0]);
        // The same scores from 66 rows of large weights: float rounding could be larger than the difference.
        sums[7] = 66 * short.MaxValue;
        Assert.False(new CertifiedViterbi(1f, transitions).TryDecode(sums, tags));
        // An exact tie is never certified (the reference breaks it by tag order, rounding may break it either way).
        int[] tie = [1001, 1001, 0, 0, 0, 0, 0, 1001];
        Assert.False(new CertifiedViterbi(1f, transitions).TryDecode(tie, tags));
    }

    [Fact]
    public void A_near_tie_between_predecessors_is_left_to_the_reference()
    {
        var transitions = new float[(NerTags.Count + 1) * NerTags.Count];
        // Two tokens; the second is clearly O, and which tag precedes it is a near tie: O scores 500, B-PER 501.
        int[] sums = [500, 501, 0, 0, 0, 0, 0, 501, 2000, 0, 0, 0, 0, 0, 0, 2000];
        var tags = new int[2];
        Assert.True(new CertifiedViterbi(1f, transitions).TryDecode(sums, tags));
        Assert.Equal([1, 0], tags);
        sums[7] = 66 * short.MaxValue;
        Assert.False(new CertifiedViterbi(1f, transitions).TryDecode(sums, tags));
    }

    [Fact]
    public void Rows_keep_their_weights_and_the_largest_magnitude_and_refuse_one_without_it()
    {
        var weights = new QuantisedWeights(8, 0.5f);
        weights.SetRow(3, [1, -7, 0, 32767, -32767, 2, 5]);
        Assert.Equal(-7, weights.Quantised(3, 1));
        var sum = System.Runtime.Intrinsics.Vector256<int>.Zero;
        weights.Add([3, 3], ref sum);
        Assert.Equal(2 * 32767, sum[7]);
        Assert.Equal(-14, sum[1]);
        Assert.Throws<InvalidDataException>(() => weights.SetRow(4, [short.MinValue, 0, 0, 0, 0, 0, 0]));
    }

    private static int[] Buckets(FeatureExtractor extractor, IReadOnlyList<string> sentence, byte[] codes)
    {
        var buckets = new int[sentence.Count * F];
        extractor.Extract(sentence, codes, VariedMemory(sentence.Count), buckets);
        return buckets;
    }

    // Memory codes that vary along the sentence, so that all three memory templates see several values.
    private static byte[] VariedMemory(int n) => Enumerable.Range(0, n).Select(i => (byte)(1 + i % 7)).ToArray();

    // Σq per tag and Σ max|q| over all of each token's features, read one weight at a time.
    private static int[] StraightforwardSums(QuantisedWeights weights, ReadOnlySpan<int> buckets, int n)
    {
        var sums = new int[n * L];
        for (var i = 0; i < n; i++)
        {
            foreach (var bucket in buckets.Slice(i * F, F))
            {
                var largest = 0;
                for (var t = 0; t < NerTags.Count; t++)
                {
                    sums[i * L + t] += weights.Quantised(bucket, t);
                    largest = Math.Max(largest, Math.Abs((int)weights.Quantised(bucket, t)));
                }
                sums[i * L + 7] += largest;
            }
        }
        return sums;
    }

    private static IEnumerable<(IReadOnlyList<string> Sentence, FeatureExtractor Extractor, byte[] Codes, ulong[] LowerHashes)> DevSentences()
    {
        var model = Shipped;
        var extractor = new FeatureExtractor(model.Gazetteer, model.Clusters, model.BucketBits);
        foreach (var article in DevArticles.Value)
        {
            var lowerHashes = article.Select(s => s.Select(t => FeatureHash.Lower(t)).ToArray()).ToList();
            var document = DocumentContext.Build(article, lowerHashes);
            for (var s = 0; s < article.Count; s++)
            {
                if (article[s].Count > 0) yield return (article[s], extractor, document.Codes(article[s], lowerHashes[s]), lowerHashes[s]);
            }
        }
    }
}
