using System.Diagnostics;
using NewsLsp.Bench.Lsp;

namespace NewsLsp.Bench.Measure;

/// <summary>
/// Wall time of whole commands from a cold process, repeated: <c>newslsp lint seeds</c> as users run it. The OS
/// file cache is warm after the first run (as it is for anyone linting twice); the .NET process is new every time.
/// </summary>
internal static class ColdProcess
{
    public static void LintSeeds(BenchContext context)
    {
        context.EnsureCliBuilt();
        var runs = context.Quick ? 3 : 20;
        context.Section("`newslsp lint seeds`, wall time from a cold process",
            $"{BenchContext.RunCommand} lint {context.Options.Flags()}   (or: hyperfine -w 2 -N -i '{Relative(context, context.NewsLspExecutable)} lint seeds')");
        var apphost = Time(context.NewsLspExecutable, "lint seeds", context.RepoRoot, runs);
        context.Line(Stats.Describe(apphost, $"{Relative(context, context.NewsLspExecutable)} lint seeds, {runs} runs"));
        var wrapper = Time(Path.Combine(context.RepoRoot, "newslsp"), "lint seeds", context.RepoRoot, runs);
        context.Line(Stats.Describe(wrapper, $"./newslsp lint seeds (the bash wrapper with its up-to-date check), {runs} runs"));
        var median = Stats.Percentile(wrapper, 0.5);
        context.Target("`newslsp lint seeds` ≤ 0.5 s wall from a cold process", median <= 500, $"median {BenchContext.Ms(median)} through ./newslsp");
    }

    /// <summary>Runs the command <paramref name="runs"/> times after one untimed run; returns wall times in ms.</summary>
    public static List<double> Time(string file, string arguments, string workingDirectory, int runs)
    {
        var times = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var info = new ProcessStartInfo(file, arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.Environment["CI"] = "true";
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var ms = clock.Elapsed.TotalMilliseconds;
            if (process.ExitCode > 1) throw new InvalidOperationException($"{file} {arguments} exited {process.ExitCode}: {stderr.Result}");
            if (i > 0) times.Add(ms);
        }
        return times;
    }

    public static string Relative(BenchContext context, string path) => "./" + Path.GetRelativePath(context.RepoRoot, path);
}
