using System.Text.Json;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using NewsLsp.Bench.Agreement;

// dotnet run --project bench/NewsLsp.Bench.Agreement [-- <repository root>] [--verbose]
var root = args.FirstOrDefault(a => !a.StartsWith("--")) ?? FindRoot();
var verbose = args.Contains("--verbose");
var snapshot = WorkspaceSnapshot.Create();
var files = Directory.GetFiles(Path.Combine(root, "seeds"), "*.txt").Order(StringComparer.Ordinal).ToList();
foreach (var file in files) snapshot = snapshot.WithDocumentText(new DocumentKey(Path.GetFileName(file)), SourceText.From(File.ReadAllText(file)));

var started = System.Diagnostics.Stopwatch.StartNew();
var index = snapshot.Get(AgreementQuery.Instance);
var elapsed = started.Elapsed;
using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "gold", "seeds.facts.json")));
var speakers = EntitySpeakerIdentity.For(snapshot);
var figures = AgreementScorer.Score(snapshot, index, gold.RootElement, group => SpeakerIds.Of(group, speakers));

Console.WriteLine($"cross-source agreement on {files.Count} seed articles ({elapsed.TotalMilliseconds:0} ms)");
Console.WriteLine(figures);
if (verbose)
{
    var facts = files.Select(f => (new DocumentKey(Path.GetFileName(f)), snapshot.GetRequiredArticle(new DocumentKey(Path.GetFileName(f))).Get(ArticleFacts.Query))).ToList();
    var similarity = EventClustering.Similarities(facts);
    Console.WriteLine("event similarity:");
    for (var a = 0; a < facts.Count; a++)
        Console.WriteLine("  " + string.Join(" ", Enumerable.Range(0, facts.Count).Select(b => similarity[a, b].ToString("0.00"))));
    foreach (var missed in figures.MissedQuotes) Console.WriteLine("missed quote group: " + missed);
    foreach (var extra in figures.ExtraQuotes) Console.WriteLine("extra quote group: " + extra);
    foreach (var missed in figures.MissedNumbers) Console.WriteLine("missed number fact: " + missed);
    foreach (var extra in figures.ExtraNumbers) Console.WriteLine("extra number fact: " + extra);
}
return figures.EventsExact && figures.QuoteRecall == 1 && figures.NumberRecall == 1 && figures.QuotePrecision >= 0.95 && figures.NumberPrecision >= 0.95 ? 0 : 1;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "NewsLsp.sln"))) return dir.FullName;
    throw new InvalidOperationException("cannot find the repository root (NewsLsp.sln)");
}
