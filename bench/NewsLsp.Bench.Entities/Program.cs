using System.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;
using NewsLsp.Bench.Entities;

// Usage: dotnet run --project bench/NewsLsp.Bench.Entities -c Release [-- SEEDS_FOLDER GOLD_JSON]
var root = FindRoot();
var seeds = args.Length > 0 ? args[0] : Path.Combine(root, "seeds");
var goldPath = args.Length > 1 ? args[1] : Path.Combine(root, "gold", "seeds.entities.json");

var files = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).ToList();
var snapshot = WorkspaceSnapshot.Create();
foreach (var file in files) snapshot = snapshot.WithDocumentText(new DocumentKey(file), SourceText.From(File.ReadAllText(file)));

var clock = Stopwatch.StartNew();
var index = EntityIndex.For(snapshot);
var system = index.Entities.Entities
    .SelectMany(e => index.MentionsOf(e.Id).Select(m => new ScoredMention(Path.GetFileName(m.Document.Value), m.Span.Start, m.Span.End, EntityTypes.Code(e.Type), e.Id)))
    .ToList();
var elapsed = clock.Elapsed;

var gold = EntityScorer.ReadGold(goldPath);
Console.WriteLine("# dotnet run --project bench/NewsLsp.Bench.Entities -c Release");
Console.WriteLine($"corpus: {seeds} ({files.Count} articles); gold: {goldPath} ({gold.Count} mentions, {gold.Select(g => g.EntityId).Distinct().Count()} entities)");
Console.WriteLine($"system: {system.Count} mentions, {system.Select(s => s.EntityId).Distinct().Count()} entities in {elapsed.TotalMilliseconds:F0} ms (model load included)");
Console.WriteLine(EntityScorer.Format(EntityScorer.Score(system, gold)));
foreach (var type in new[] { "PER", "LOC", "ORG", "MISC" })
{
    var scores = EntityScorer.Score(system.Where(m => m.Type == type).ToList(), gold.Where(m => m.Type == type).ToList());
    Console.WriteLine($"  {type,-4} P={scores.Precision:F4} R={scores.Recall:F4} F1={scores.F1:F4} (tp={scores.TruePositives} fp={scores.FalsePositives} fn={scores.FalseNegatives})");
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "NewsLsp.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("cannot find the repository root (NewsLsp.sln)");
}
