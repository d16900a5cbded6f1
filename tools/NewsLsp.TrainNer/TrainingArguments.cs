using NewsLsp.Ner;

namespace NewsLsp.TrainNer;

/// <summary>Command-line arguments of the trainer; every option has the default used for the shipped model.</summary>
internal sealed record TrainingArguments(
    IReadOnlyList<string> TrainFiles,
    IReadOnlyList<string> EvalFiles,
    string? Output,
    double HoldoutFraction,
    IReadOnlySet<GazetteerCategory>? Gazetteers,
    NerTrainingOptions Options,
    string? PredictionsFile,
    int CrossValidationFolds,
    string? ClustersFile)
{
    public const string Usage =
        "usage: NewsLsp.TrainNer --train FILE [--train FILE ...] [--out MODEL] [--eval FILE ...]\n" +
        "                        [--epochs N] [--bits N] [--seed N] [--seed-runs N] [--no-memory] [--holdout FRACTION] [--cv K] [--predictions FILE]\n" +
        "                        [--gazetteers all|none|Country,ItalianPlace,WorldCity,Organisation] [--clusters FILE|none]\n" +
        "  --clusters reads word classes from FILE (tools/NewsLsp.WordClusters) instead of the embedded ones; none: no classes;\n" +
        "  with --cv, a FILE containing {0} names one file per fold (classes learned without that fold's text).\n" +
        "  --holdout keeps the last FRACTION of the first --train file's articles out of training and scores them\n" +
        "  (use it to choose hyper-parameters without touching the dev split).\n" +
        "  --cv K trains K models, each without one K-th of the first --train file's articles, scores every article with\n" +
        "  the model that did not see it and prints the pooled scores (lower-noise selection than one holdout); no model is written.\n" +
        "  --predictions writes token, gold and predicted tag of every scored sentence, for error analysis.";

    public static TrainingArguments Parse(string[] args)
    {
        var train = new List<string>();
        var eval = new List<string>();
        string? output = null;
        string? predictionsFile = null;
        string? clustersFile = null;
        double holdout = 0;
        var folds = 0;
        IReadOnlySet<GazetteerCategory>? gazetteers = null;
        var options = new NerTrainingOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--train": train.Add(Value()); break;
                case "--eval": eval.Add(Value()); break;
                case "--out": output = Value(); break;
                case "--predictions": predictionsFile = Value(); break;
                case "--epochs": options = options with { Epochs = int.Parse(Value()) }; break;
                case "--bits": options = options with { BucketBits = int.Parse(Value()) }; break;
                case "--no-memory": options = options with { UseDocumentMemory = false }; break;
                case "--seed": options = options with { Seed = int.Parse(Value()) }; break;
                case "--seed-runs": options = options with { SeedRuns = int.Parse(Value()) }; break;
                case "--holdout": holdout = double.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--cv": folds = int.Parse(Value()); break;
                case "--gazetteers": gazetteers = ParseGazetteers(Value()); break;
                case "--clusters": clustersFile = Value(); break;
                default: throw new ArgumentException($"Unknown argument {args[i]}.");
            }
        }
        if (train.Count == 0) throw new ArgumentException("At least one --train file is required.");
        return new TrainingArguments(train, eval, output, holdout, gazetteers, options, predictionsFile, folds, clustersFile);
    }

    /// <summary>The word classes to train with: the embedded ones unless --clusters says otherwise.</summary>
    public WordClusters LoadClusters() => ClustersFile switch
    {
        null => WordClusters.LoadEmbedded(),
        "none" => WordClusters.Empty,
        var path => WordClusters.LoadFile(path),
    };

    private static IReadOnlySet<GazetteerCategory>? ParseGazetteers(string value) => value switch
    {
        "all" => null,
        "none" => new HashSet<GazetteerCategory>(),
        _ => value.Split(',').Select(name => Enum.Parse<GazetteerCategory>(name, ignoreCase: true)).ToHashSet(),
    };
}
