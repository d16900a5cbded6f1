using System.Diagnostics;
using System.Globalization;
using NewsLsp.Ner;

// Accuracy and speed of the shipped model on a KIND file (default data/kind/WN_dev.tsv), one thread.
// Why a plain console program rather than BenchmarkDotNet: the figure we need is end-to-end tokens per second over
// the whole dev set with the real document-level path, which a warm-up plus a timed loop measures directly.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var path = args.Length > 0 ? args[0] : "data/kind/WN_dev.tsv";
var minimumSeconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5.0;
const string Command = "dotnet run --project bench/NewsLsp.Bench.Ner -c Release";
var command = args.Length > 0 ? $"{Command} -- {string.Join(' ', args)}" : Command;

var loadClock = Stopwatch.StartNew();
var model = NerModel.LoadDefault();
var loadMs = loadClock.Elapsed.TotalMilliseconds;
var articles = ArticleSplitter.Split(ConllReader.ReadFile(path));
var documents = articles.Select(a => (IReadOnlyList<IReadOnlyList<string>>)a.Select(s => s.Tokens).ToList()).ToList();
var tokenCount = articles.Sum(a => a.Sum(s => (long)s.Tokens.Count));

var evaluation = new NerEvaluation();
for (var d = 0; d < articles.Count; d++)
{
    var predicted = model.Tag(documents[d]);
    for (var s = 0; s < articles[d].Count; s++) evaluation.Add(articles[d][s].Tags, predicted[s]);
}

Console.WriteLine($"# {command}");
Console.WriteLine($"file: {path} ({articles.Count} articles, {evaluation.Sentences} sentences, {tokenCount} tokens)");
Console.WriteLine($"model load (LoadDefault, first call): {loadMs:F0} ms");
Console.WriteLine();
Console.WriteLine("token-level (NERMuD official, B-/I- stripped), micro over PER/LOC/ORG:");
Console.WriteLine($"  all  {evaluation.TokenMicro}");
foreach (var (type, score) in evaluation.TokenByType) Console.WriteLine($"  {type}  {score}");
Console.WriteLine("span-level exact match (conlleval):");
Console.WriteLine($"  all  {evaluation.SpanMicro}");
foreach (var (type, score) in evaluation.SpanByType) Console.WriteLine($"  {type}  {score}");

// Speed: warm-up pass, then whole passes over the file until minimumSeconds have elapsed, on this thread only.
foreach (var document in documents) model.Tag(document);
var passes = 0;
var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var clock = Stopwatch.StartNew();
while (clock.Elapsed.TotalSeconds < minimumSeconds)
{
    foreach (var document in documents) model.Tag(document);
    passes++;
}
var seconds = clock.Elapsed.TotalSeconds;
process.Refresh();
var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
Console.WriteLine();
Console.WriteLine($"speed (one thread, document-level Tag, {passes} timed passes after warm-up): {tokenCount * passes / seconds:N0} tokens/s");
// Why also per CPU second: on a shared machine the wall-clock figure moves with the load; CPU time much less.
Console.WriteLine($"  per CPU second of this process: {tokenCount * passes / cpuSeconds:N0} tokens/s");
