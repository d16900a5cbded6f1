using NewsLsp.Bench.Lsp;

namespace NewsLsp.Bench.Measure;

/// <summary>
/// Side by side on the same corpus, each from a cold process: NewsLsp (`newslsp lint`), cspell with the Italian
/// dictionary and textlint with language-neutral rules — the tools users run today (tools/bench-competitors, pinned).
/// </summary>
internal static class Competitors
{
    public static void Run(BenchContext context)
    {
        context.EnsureCliBuilt();
        var size = context.Quick ? context.Options.Sizes.Min() : 1_000;
        var corpus = context.Corpus(size);
        var tools = Path.Combine(context.RepoRoot, "tools", "bench-competitors");
        context.Section($"Side by side with cspell (+ @cspell/dict-it-it) and textlint on the {size:N0}-article corpus ({corpus.Megabytes:F1} MB), cold processes",
            $"{BenchContext.RunCommand} competitors {context.Options.Flags()}");
        var bin = Path.Combine(tools, "node_modules", ".bin");
        if (!File.Exists(Path.Combine(bin, "cspell")))
        {
            var (code, output) = BenchContext.Run("npm", "ci --no-audit --no-fund --ignore-scripts --loglevel=error", tools);
            if (code != 0 || !File.Exists(Path.Combine(bin, "cspell")))
            {
                context.Note($"could not install the competitors (cd tools/bench-competitors && npm ci): {output.Trim()}");
                return;
            }
        }

        var runs = context.Quick ? 1 : 3;
        var folder = Path.GetFullPath(corpus.Folder);
        var newslsp = Stats.Percentile(ColdProcess.Time(context.NewsLspExecutable, $"lint \"{folder}\" --fail-on none", context.RepoRoot, runs), 0.5);
        var cspell = Stats.Percentile(ColdProcess.Time(Path.Combine(bin, "cspell"),
            $"lint --no-progress --no-summary --no-must-find-files --config cspell.json \"{folder}/**/*.txt\"", tools, runs), 0.5);
        var textlint = Stats.Percentile(ColdProcess.Time(Path.Combine(bin, "textlint"),
            $"--config .textlintrc.json \"{folder}/**/*.txt\"", tools, runs), 0.5);

        context.Line($"newslsp lint (all rules, cross-article included) : {BenchContext.Ms(newslsp)}  (median of {runs})");
        context.Line($"cspell lint --config cspell.json (Italian)         : {BenchContext.Ms(cspell)}  = {cspell / newslsp:F1}× NewsLsp");
        context.Line($"textlint --config .textlintrc.json (5 rules)       : {BenchContext.Ms(textlint)}  = {textlint / newslsp:F1}× NewsLsp");
        context.Line("(commands run in tools/bench-competitors through node_modules/.bin; exit codes for findings are ignored, errors are not)");
        if (!context.Quick)
        {
            context.Target("NewsLsp ≥ 5× faster than cspell", cspell / newslsp >= 5, $"{cspell / newslsp:F1}×");
            context.Target("NewsLsp ≥ 5× faster than textlint", textlint / newslsp >= 5, $"{textlint / newslsp:F1}×");
        }
    }
}
