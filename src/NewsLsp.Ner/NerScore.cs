namespace NewsLsp.Ner;

/// <summary>Precision, recall and F1 from true-positive, false-positive and false-negative counts.</summary>
public readonly record struct NerScore(long TruePositives, long FalsePositives, long FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static NerScore operator +(NerScore a, NerScore b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);

    public override string ToString() => $"P={Precision:F4} R={Recall:F4} F1={F1:F4} (tp={TruePositives} fp={FalsePositives} fn={FalseNegatives})";
}
