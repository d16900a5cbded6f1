namespace NewsLsp.Ner;

/// <summary>
/// Trains an averaged structured perceptron (Collins 2002) with Viterbi decoding. Reproducible: features are
/// hashed deterministically and the sentence order of every epoch comes from a seeded shuffle.
/// Why averaging: the average of the weight vectors over all updates generalises far better than the last one,
/// and the lazy-sum trick keeps it as cheap as the plain perceptron. The averaged weights of several runs with
/// different shuffle seeds are summed (<see cref="NerTrainingOptions.SeedRuns"/>): one weight vector, so tagging
/// costs the same, but less dependent on one sentence order.
/// With document memory one weight vector serves both passes: it is trained on every sentence twice, once without
/// memory (as the first pass sees it) and once with memory from a held-out-fold first pass (as the second sees it).
/// </summary>
public static class NerTrainer
{
    private const int T = 7;

    private sealed record Example(int Article, int[] Buckets, int[] Gold);

    /// <summary>Trains on sentences grouped into articles (see <see cref="ArticleSplitter"/>), without word classes.</summary>
    public static NerModel Train(IReadOnlyList<IReadOnlyList<ConllSentence>> documents, Gazetteer gazetteer, NerTrainingOptions options) =>
        Train(documents, gazetteer, WordClusters.Empty, options);

    /// <summary>Trains on sentences grouped into articles (see <see cref="ArticleSplitter"/>).</summary>
    public static NerModel Train(IReadOnlyList<IReadOnlyList<ConllSentence>> documents, Gazetteer gazetteer, WordClusters clusters, NerTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Epochs < 1) throw new ArgumentOutOfRangeException(nameof(options), "At least one epoch is needed.");

        var extractor = new FeatureExtractor(gazetteer, clusters, options.BucketBits);
        var contexts = documents.Select(d => DocumentContext.Build(d.Select(s => s.Tokens).ToList())).ToArray();
        var firstPass = new List<Example>();
        for (var a = 0; a < documents.Count; a++)
        {
            foreach (var sentence in documents[a])
            {
                if (sentence.Tokens.Count > 0) firstPass.Add(Extract(a, sentence, contexts[a], [], extractor));
            }
        }

        if (!options.UseDocumentMemory || documents.Count < options.MemoryFolds)
        {
            var (weights, transitions) = Learn(firstPass, options, options.Progress);
            return new NerModel(options.BucketBits, weights, transitions, gazetteer, clusters, usesDocumentMemory: false);
        }

        var secondPass = new List<Example>();
        for (var fold = 0; fold < options.MemoryFolds; fold++)
        {
            var (foldWeights, foldTransitions) = Learn(firstPass.Where(e => e.Article % options.MemoryFolds != fold).ToList(), options, progress: null);
            var foldModel = new NerModel(options.BucketBits, foldWeights, foldTransitions, gazetteer, clusters, usesDocumentMemory: false);
            for (var a = fold; a < documents.Count; a += options.MemoryFolds)
            {
                var sentences = documents[a].Select(s => s.Tokens).ToList();
                var memory = DocumentMemory.Build(sentences, foldModel.TagDocument(sentences));
                for (var s = 0; s < sentences.Count; s++)
                {
                    if (sentences[s].Count > 0) secondPass.Add(Extract(a, documents[a][s], contexts[a], memory[s], extractor));
                }
            }
        }
        var (finalWeights, finalTransitions) = Learn([.. firstPass, .. secondPass], options, options.Progress);
        return new NerModel(options.BucketBits, finalWeights, finalTransitions, gazetteer, clusters, usesDocumentMemory: true);
    }

    /// <summary>Trains on a flat list of sentences, recovering article boundaries with <see cref="ArticleSplitter"/>.</summary>
    public static NerModel Train(IReadOnlyList<ConllSentence> sentences, Gazetteer gazetteer, NerTrainingOptions options) =>
        Train(ArticleSplitter.Split(sentences), gazetteer, options);

    private static Example Extract(int article, ConllSentence sentence, DocumentContext context, ReadOnlySpan<byte> memory, FeatureExtractor extractor)
    {
        var buckets = new int[sentence.Tokens.Count * FeatureExtractor.FeaturesPerToken];
        extractor.Extract(sentence.Tokens, context.Codes(sentence.Tokens), memory, buckets);
        return new Example(article, buckets, Repair(sentence.Tags.Select(NerTags.IndexOf).ToArray()));
    }

    private static (float[] Weights, float[] Transitions) Learn(IReadOnlyList<Example> examples, NerTrainingOptions options, Action<int, double>? progress)
    {
        var (weights, transitions) = LearnOneOrder(examples, options.Seed, options.Epochs, options.BucketBits, progress);
        for (var run = 1; run < options.SeedRuns; run++)
        {
            var (moreWeights, moreTransitions) = LearnOneOrder(examples, options.Seed + run, options.Epochs, options.BucketBits, progress);
            for (var i = 0; i < weights.Length; i++) weights[i] += moreWeights[i];
            for (var i = 0; i < transitions.Length; i++) transitions[i] += moreTransitions[i];
        }
        return (weights, transitions);
    }

    private static (float[] Weights, float[] Transitions) LearnOneOrder(IReadOnlyList<Example> examples, int seed, int epochs, int bucketBits, Action<int, double>? progress)
    {
        var weightCount = (1 << bucketBits) * T;
        var weights = new float[weightCount];
        var weightSums = new double[weightCount];
        var transitions = new float[(T + 1) * T];
        var transitionSums = new double[transitions.Length];
        var random = new Random(seed);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        long step = 1;

        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            Shuffle(order, random);
            long correct = 0, total = 0;
            foreach (var index in order)
            {
                var (_, buckets, gold) = examples[index];
                var n = gold.Length;
                var emissions = new float[n * T];
                var predicted = new int[n];
                LinearScorer.Score(buckets, weights, emissions);
                ViterbiDecoder.Decode(emissions, transitions, predicted);
                for (var i = 0; i < n; i++)
                {
                    total++;
                    if (predicted[i] == gold[i]) { correct++; continue; }
                    foreach (var bucket in buckets.AsSpan(i * FeatureExtractor.FeaturesPerToken, FeatureExtractor.FeaturesPerToken))
                    {
                        Update(weights, weightSums, bucket * T + gold[i], 1, step);
                        Update(weights, weightSums, bucket * T + predicted[i], -1, step);
                    }
                }
                for (var i = 0; i < n; i++)
                {
                    var goldTransition = ViterbiDecoder.TransitionIndex(i == 0 ? -1 : gold[i - 1], gold[i]);
                    var predictedTransition = ViterbiDecoder.TransitionIndex(i == 0 ? -1 : predicted[i - 1], predicted[i]);
                    if (goldTransition == predictedTransition) continue;
                    Update(transitions, transitionSums, goldTransition, 1, step);
                    Update(transitions, transitionSums, predictedTransition, -1, step);
                }
                step++;
            }
            progress?.Invoke(epoch, total == 0 ? 1 : (double)correct / total);
        }
        return (Average(weights, weightSums, step), Average(transitions, transitionSums, step));
    }

    /// <summary>Turns an I- that cannot follow its predecessor into B-, so gold sequences are decodable.</summary>
    private static int[] Repair(int[] tags)
    {
        for (var i = 0; i < tags.Length; i++)
        {
            if (!NerTags.IsAllowed(i == 0 ? -1 : tags[i - 1], tags[i])) tags[i] -= 1;
        }
        return tags;
    }

    // Lazy averaging: sums[k] accumulates step × delta, so average = w - sums / step at the end.
    private static void Update(float[] weights, double[] sums, int index, int delta, long step)
    {
        weights[index] += delta;
        sums[index] += (double)step * delta;
    }

    private static float[] Average(float[] weights, double[] sums, long step)
    {
        var averaged = new float[weights.Length];
        for (var i = 0; i < weights.Length; i++) averaged[i] = (float)(weights[i] - sums[i] / step);
        return averaged;
    }

    private static void Shuffle(int[] order, Random random)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
