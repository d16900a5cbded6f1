using System.Globalization;
using NewsLsp.Bench;
using NewsLsp.Bench.Lsp;
using NewsLsp.Bench.Measure;

// The NewsLsp performance harness. `all` runs every end-to-end measurement; `--quick` is the smoke mode CI runs.
// Commands: all | corpus | cold | phases | lint | startup | keystroke | parts | agreement | ner | competitors | micro   (cold-one: internal)
// Options: --quick  --sizes 10,1000,10000  --edits N  --reps N  --no-build
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = BenchOptions.Parse(args);
if (options.Command == "cold-one") return ColdAnalysis.RunOne(options.Folder ?? throw new ArgumentException("cold-one needs --folder"), options.Repetitions);

var context = new BenchContext(BenchContext.FindRepoRoot(), options);
context.Line($"# NewsLsp performance — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
context.Line($"# machine: {Machine.Describe()}");
context.Line($"# $ {BenchContext.RunCommand} {string.Join(' ', args)}");

switch (options.Command)
{
    case "corpus":
        foreach (var size in options.Sizes)
        {
            var corpus = context.Corpus(size);
            context.Line($"{size,6:N0} articles: {corpus.Megabytes:F2} MB in {corpus.Folder}");
        }
        break;
    case "cold": ColdAnalysis.Run(context); break;
    case "phases": ColdPhases.Run(context); break;
    case "lint": ColdProcess.LintSeeds(context); break;
    case "startup": ServerLatency.Startup(context); break;
    case "keystroke": ServerLatency.Keystrokes(context); break;
    case "parts": KeystrokeParts.Run(context); break;
    case "agreement": AgreementUpdates.Run(context); break;
    case "ner": NerThroughput.Run(context); break;
    case "competitors": Competitors.Run(context); break;
    case "micro": EngineBenchmarks.Run(context); break;
    case "all":
        ColdAnalysis.Run(context);
        ColdProcess.LintSeeds(context);
        ServerLatency.Startup(context);
        ServerLatency.Keystrokes(context);
        NerThroughput.Run(context);
        Competitors.Run(context);
        break;
    default:
        Console.Error.WriteLine($"unknown command '{options.Command}'; use all, corpus, cold, phases, lint, startup, keystroke, parts, agreement, ner, competitors or micro");
        return 2;
}

context.Line("");
context.Line(context.Misses.Count == 0 ? "SUMMARY all measured targets met" : $"SUMMARY {context.Misses.Count} target(s) missed:");
foreach (var miss in context.Misses) context.Line($"  - {miss}");
Console.WriteLine($"(report saved to {context.Save(options.Quick ? "results-quick.md" : $"results-{options.Command}.md")})");
return 0;
