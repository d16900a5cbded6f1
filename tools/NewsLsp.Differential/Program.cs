using System.Globalization;
using NewsLsp.Differential;

// newslsp differential: incremental vs from-scratch analysis over random edits.
//   dotnet run --project tools/NewsLsp.Differential -c Release -- [--seed N] [--seeds K] [--steps N] [--documents N] [--no-shrink]
// Runs seeds N, N+1, … N+K-1, each for --steps operations. Exit code 0: no difference; 1: a difference (printed
// with the seed, the step, a replay command and the shrunk case); 2: usage.
var seed = 1;
var seeds = 1;
var steps = 100_000;
var documents = 4;
var shrink = true;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seed" when i + 1 < args.Length: seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seeds" when i + 1 < args.Length: seeds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--steps" when i + 1 < args.Length: steps = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--documents" when i + 1 < args.Length: documents = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--no-shrink": shrink = false; break;
        default:
            Console.Error.WriteLine($"newslsp-differential: unknown argument '{args[i]}'");
            Console.Error.WriteLine("usage: [--seed N] [--seeds K] [--steps N] [--documents N] [--no-shrink]");
            return 2;
    }
}

var corpus = Corpus.Load();
var initial = Enumerable.Range(0, documents).Select(i => corpus[i % corpus.Count]).ToList();
var facts = new Facts();
Console.WriteLine($"comparing text, syntax, diagnostics, {facts.ArticleQueryNames.Count} article facts ({string.Join(", ", facts.ArticleQueryNames)}) " +
                  $"and every corpus fact the diagnostics use, over {documents} documents");
var runner = new DifferentialRunner(facts);
long totalEdits = 0, totalSteps = 0, totalComparisons = 0;
var elapsed = TimeSpan.Zero;
for (var s = seed; s < seed + seeds; s++)
{
    var result = runner.Run(s, steps, initial, corpus, shrink, progress: done =>
    {
        if (done % 10_000 == 0) Console.Error.WriteLine($"  seed {s}: {done:N0} steps");
    });
    Console.WriteLine(result.Report());
    totalEdits += result.EditsApplied;
    totalSteps += result.Steps;
    totalComparisons += result.Comparisons;
    elapsed += result.Elapsed;
    if (result.Difference is not null) return 1;
}
Console.WriteLine($"corpus facts compared: {string.Join(", ", facts.CorpusQueryNames)}");
Console.WriteLine($"total: {seeds} seed(s), {totalSteps:N0} steps, {totalEdits:N0} edits, {totalComparisons:N0} comparisons, 0 differences, {elapsed.TotalSeconds:0.0} s");
return 0;
