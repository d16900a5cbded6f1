namespace NewsLsp.Ner;

/// <summary>Hyper-parameters of <see cref="NerTrainer"/>; the defaults are the ones the shipped model uses.</summary>
public sealed record NerTrainingOptions
{
    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 15;

    /// <summary>log2 of the number of hashed feature buckets (weights = 2^bits × 7 floats).</summary>
    public int BucketBits { get; init; } = 19;

    /// <summary>
    /// Train for a second, document-memory pass (see <see cref="DocumentMemory"/>). Its training features come from
    /// first-pass models trained with the article's own fold held out, so they are as noisy as at tagging time.
    /// </summary>
    public bool UseDocumentMemory { get; init; } = true;

    /// <summary>Folds (by article) of the held-out first pass that feeds the document-memory features.</summary>
    public int MemoryFolds { get; init; } = 5;

    /// <summary>Seed of the deterministic shuffle between epochs.</summary>
    public int Seed { get; init; } = 20230601;

    /// <summary>
    /// Independent training runs (shuffle seeds Seed, Seed + 1, ...) whose averaged weights are summed into one
    /// weight vector. Tagging cost does not change; training time grows linearly.
    /// </summary>
    public int SeedRuns { get; init; } = 3;

    /// <summary>Optional progress callback (epoch number, training-set token accuracy of that pass).</summary>
    public Action<int, double>? Progress { get; init; }
}
