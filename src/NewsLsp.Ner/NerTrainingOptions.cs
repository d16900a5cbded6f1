namespace NewsLsp.Ner;

/// <summary>Hyper-parameters of <see cref="NerTrainer"/>; the defaults are the ones the shipped model uses.</summary>
public sealed record NerTrainingOptions
{
    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 12;

    /// <summary>log2 of the number of hashed feature buckets (weights = 2^bits × 7 floats).</summary>
    public int BucketBits { get; init; } = 20;

    /// <summary>Seed of the deterministic shuffle between epochs.</summary>
    public int Seed { get; init; } = 20230601;

    /// <summary>Optional progress callback (epoch number, training-set token accuracy of that pass).</summary>
    public Action<int, double>? Progress { get; init; }
}
