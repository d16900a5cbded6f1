using System.Diagnostics;
using NewsLsp.Ner;
using NewsLsp.TrainNer;

// Reproducible training of the Italian NER model: same data + same options => byte-identical model file.
TrainingArguments arguments;
try
{
    arguments = TrainingArguments.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(TrainingArguments.Usage);
    return 2;
}

var documents = new List<IReadOnlyList<ConllSentence>>();
IReadOnlyList<IReadOnlyList<ConllSentence>> holdout = [];
foreach (var file in arguments.TrainFiles)
{
    var articles = ArticleSplitter.Split(ConllReader.ReadFile(file));
    if (file == arguments.TrainFiles[0] && arguments.HoldoutFraction > 0)
    {
        var keep = (int)Math.Round(articles.Count * (1 - arguments.HoldoutFraction));
        holdout = articles.Skip(keep).ToList();
        articles = articles.Take(keep).ToList();
    }
    documents.AddRange(articles);
    Console.WriteLine($"train {file}: {articles.Count} articles, {articles.Sum(a => a.Sum(s => s.Tokens.Count))} tokens");
}

if (arguments.CrossValidationFolds > 1)
{
    CrossValidate(arguments.CrossValidationFolds);
    return 0;
}

using var predictions = arguments.PredictionsFile is { } predictionsPath ? new StreamWriter(predictionsPath) : null;
var clock = Stopwatch.StartNew();
var gazetteer = GazetteerResources.LoadEmbedded(arguments.Gazetteers);
Console.WriteLine($"gazetteer: {gazetteer.TableSize} hashed sequences ({clock.ElapsedMilliseconds} ms)");
var clusters = arguments.LoadClusters();
Console.WriteLine($"word classes: {clusters.WordCount} words, {clusters.Levels} levels");
var options = arguments.Options with
{
    Progress = (epoch, accuracy) => Console.WriteLine($"epoch {epoch}: training token accuracy {accuracy:F4} ({clock.Elapsed.TotalSeconds:F1} s)"),
};
var model = NerTrainer.Train(documents, gazetteer, clusters, options);
Console.WriteLine($"trained in {clock.Elapsed.TotalSeconds:F1} s (epochs={options.Epochs} bits={options.BucketBits} seed={options.Seed} seed-runs={options.SeedRuns} memory={model.UsesDocumentMemory})");

if (holdout.Count > 0) Report($"holdout ({arguments.HoldoutFraction:P0} of {arguments.TrainFiles[0]})", holdout);
foreach (var file in arguments.EvalFiles) Report(file, ArticleSplitter.Split(ConllReader.ReadFile(file)));

if (arguments.Output is { } output)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    using (var stream = File.Create(output)) model.Save(stream);
    Console.WriteLine($"wrote {output} ({new FileInfo(output).Length / 1024} KiB)");
}
return 0;

// K-fold cross-validation by article over the first --train file (contiguous blocks of articles; further --train
// files always train): every article is scored once by a model that did not see it, and the counts are pooled.
void CrossValidate(int folds)
{
    var all = ArticleSplitter.Split(ConllReader.ReadFile(arguments.TrainFiles[0]));
    var extra = arguments.TrainFiles.Skip(1).SelectMany(f => ArticleSplitter.Split(ConllReader.ReadFile(f))).ToList();
    var gazetteer = GazetteerResources.LoadEmbedded(arguments.Gazetteers);
    var clusters = arguments.ClustersFile?.Contains("{0}") == true ? WordClusters.Empty : arguments.LoadClusters();
    Console.WriteLine($"word classes: {clusters.WordCount} words, {clusters.Levels} levels");
    var pooled = new NerEvaluation();
    using var writer = arguments.PredictionsFile is { } path ? new StreamWriter(path) : null;
    var clock = Stopwatch.StartNew();
    for (var fold = 0; fold < folds; fold++)
    {
        int start = all.Count * fold / folds, end = all.Count * (fold + 1) / folds;
        var train = all.Take(start).Concat(all.Skip(end)).Concat(extra).ToList();
        // {0} in --clusters names one file per fold (classes learned without that fold's text: tools/NewsLsp.WordClusters --exclude-cv-fold).
        var foldClusters = arguments.ClustersFile?.Contains("{0}") == true ? WordClusters.LoadFile(string.Format(arguments.ClustersFile, fold)) : clusters;
        var model = NerTrainer.Train(train, gazetteer, foldClusters, arguments.Options);
        var evaluation = new NerEvaluation();
        foreach (var article in all.Skip(start).Take(end - start))
        {
            var predicted = model.Tag(article.Select(s => s.Tokens).ToList());
            for (var s = 0; s < article.Count; s++)
            {
                evaluation.Add(article[s].Tags, predicted[s]);
                pooled.Add(article[s].Tags, predicted[s]);
                writer?.WriteLine(string.Join('\n', article[s].Tokens.Select((t, i) => $"{t}\t{article[s].Tags[i]}\t{predicted[s][i]}")) + "\n");
            }
        }
        Console.WriteLine($"fold {fold + 1}/{folds}: token F1 {evaluation.TokenMicro.F1:F4} span F1 {evaluation.SpanMicro.F1:F4} ({clock.Elapsed.TotalSeconds:F1} s)");
    }
    Console.WriteLine($"cv {folds} folds of {arguments.TrainFiles[0]}: token micro {pooled.TokenMicro}");
    Console.WriteLine($"cv {folds} folds of {arguments.TrainFiles[0]}: span micro  {pooled.SpanMicro}");
    foreach (var type in NerTags.EntityTypes) Console.WriteLine($"cv token {type} {pooled.TokenByType[type]}");
}

void Report(string name, IReadOnlyList<IReadOnlyList<ConllSentence>> articles)
{
    var evaluation = new NerEvaluation();
    foreach (var article in articles)
    {
        var predicted = model.Tag(article.Select(s => s.Tokens).ToList());
        for (var s = 0; s < article.Count; s++)
        {
            evaluation.Add(article[s].Tags, predicted[s]);
            predictions?.WriteLine(string.Join('\n', article[s].Tokens.Select((t, i) => $"{t}\t{article[s].Tags[i]}\t{predicted[s][i]}")) + "\n");
        }
    }
    Console.WriteLine($"{name}: token micro {evaluation.TokenMicro}");
    Console.WriteLine($"{name}: span micro  {evaluation.SpanMicro}");
}
