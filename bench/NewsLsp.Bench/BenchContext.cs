using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsLsp.Bench.Corpus;

namespace NewsLsp.Bench;

/// <summary>Options, paths and the report every measurement writes to (stdout and artifacts/bench/results.md).</summary>
internal sealed class BenchContext
{
    public const string RunCommand = "dotnet run -c Release --project bench/NewsLsp.Bench --";

    private readonly StringBuilder _report = new();
    private readonly Dictionary<int, GeneratedCorpus> _corpora = [];
    private CorpusGenerator? _generator;

    public BenchContext(string repoRoot, BenchOptions options)
    {
        RepoRoot = repoRoot;
        Options = options;
        Artifacts = Path.Combine(repoRoot, "artifacts", "bench");
        Directory.CreateDirectory(Artifacts);
    }

    public string RepoRoot { get; }
    public BenchOptions Options { get; }
    public string Artifacts { get; }
    public bool Quick => Options.Quick;
    public List<string> Misses { get; } = [];
    public List<string> Notes { get; } = [];

    /// <summary>
    /// The CLI as `./newslsp` publishes it (precompiled with the runtime), minus the wrapper's up-to-date check: what
    /// users run from the command line, and what the editor integrations start when it is the newest build.
    /// </summary>
    public string NewsLspExecutable => Path.Combine(RepoRoot, "artifacts", "newslsp", "newslsp");

    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsLsp.sln"))) return dir.FullName;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsLsp.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("run from inside the NewsLsp repository (no NewsLsp.sln found upward)");
    }

    /// <summary>The generated corpus of <paramref name="count"/> articles, generated once per generator version.</summary>
    public GeneratedCorpus Corpus(int count)
    {
        if (_corpora.TryGetValue(count, out var cached)) return cached;
        var folder = Path.Combine(Artifacts, $"corpus-{count}");
        var stamp = Path.Combine(Artifacts, $"corpus-{count}.stamp");
        var expected = $"generator v{CorpusGenerator.Version} seed {CorpusGenerator.Seed} count {count}";
        GeneratedCorpus corpus;
        if (File.Exists(stamp) && File.ReadAllText(stamp) == expected && Directory.Exists(folder))
        {
            var files = Directory.GetFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            corpus = new GeneratedCorpus(folder, files.Count, files.Sum(f => new FileInfo(f).Length), files);
        }
        else
        {
            var clock = Stopwatch.StartNew();
            _generator ??= CorpusGenerator.FromRepository(RepoRoot);
            corpus = _generator.Write(folder, count);
            File.WriteAllText(stamp, expected);
            Console.Error.WriteLine($"bench: generated {count:N0} articles ({corpus.Megabytes:F1} MB) in {clock.Elapsed.TotalSeconds:F1} s from {_generator.BaseArticleCount} reassembled Wikinews articles");
        }
        _corpora[count] = corpus;
        return corpus;
    }

    public void Section(string title, string command)
    {
        Line("");
        Line($"## {title}");
        Line($"$ {command}");
    }

    public void Line(string text)
    {
        Console.WriteLine(text);
        _report.AppendLine(text);
    }

    public void Target(string what, bool met, string detail)
    {
        var line = $"TARGET {(met ? "met   " : "MISSED")} {what}: {detail}";
        Line(line);
        if (!met) Misses.Add($"{what}: {detail}");
    }

    public void Note(string text)
    {
        Line($"NOTE {text}");
        Notes.Add(text);
    }

    public string Save(string name)
    {
        var path = Path.Combine(Artifacts, name);
        File.WriteAllText(path, _report.ToString());
        return path;
    }

    /// <summary>Runs a command to completion, returning its exit code and output (for builds and installs).</summary>
    public static (int ExitCode, string Output) Run(string file, string arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    public void EnsureCliBuilt()
    {
        if (Options.NoBuild && File.Exists(NewsLspExecutable)) return;
        // The wrapper publishes when a source is newer than its build (a couple of minutes the first time).
        var (code, output) = Run(Path.Combine(RepoRoot, "newslsp"), "--version", RepoRoot);
        if (code != 0 || !File.Exists(NewsLspExecutable)) throw new InvalidOperationException("building with ./newslsp failed:\n" + output);
    }

    public static string Ms(double ms) => ms.ToString(ms < 10 ? "F2" : ms < 100 ? "F1" : "F0", CultureInfo.InvariantCulture) + " ms";
}

internal sealed record BenchOptions(string Command, bool Quick, IReadOnlyList<int> Sizes, int Edits, bool NoBuild, string? Folder, int Repetitions)
{
    public static BenchOptions Parse(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
        var quick = args.Contains("--quick");
        IReadOnlyList<int>? sizes = null;
        int? edits = null, reps = null;
        string? folder = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--sizes": sizes = Next().Split(',').Select(s => int.Parse(s.Replace("_", ""), CultureInfo.InvariantCulture)).ToList(); break;
                case "--edits": edits = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--reps": reps = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--folder": folder = Next(); break;
            }
        }
        return new BenchOptions(command, quick,
            sizes ?? (quick ? [10, 100] : [10, 1_000, 10_000]),
            edits ?? (quick ? 30 : 400),
            args.Contains("--no-build"),
            folder,
            reps ?? (quick ? 2 : 4));
    }

    /// <summary>The options part of the command line that reproduces a figure.</summary>
    public string Flags(params string[] extra)
    {
        var parts = new List<string>();
        if (Quick) parts.Add("--quick");
        parts.AddRange(extra);
        return string.Join(' ', parts);
    }
}
