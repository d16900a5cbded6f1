using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.ProjectSystem;

namespace NewsLsp.Bench.Measure;

/// <summary>
/// Cold analysis of a whole workspace: every diagnostic of every article from a fresh snapshot. Each corpus size is
/// measured in its own child process (this program with <c>cold-one</c>), so peak memory belongs to that size
/// alone. Inside it: the files are read once; then each repetition builds a fresh snapshot (fresh database, no
/// memo), computes the corpus facts side by side and asks for all diagnostics in parallel, as <c>newslsp lint</c> does. The first repetition includes JIT
/// compilation; the figure is the best of the following ones.
/// </summary>
internal static class ColdAnalysis
{
    public static void Run(BenchContext context)
    {
        var sizes = context.Options.Sizes;
        context.Section("Cold analysis of the whole workspace (fresh snapshot, all diagnostics of all articles)",
            $"{BenchContext.RunCommand} cold {context.Options.Flags("--sizes " + string.Join(',', sizes))}");
        context.Line("articles | MB    | first run (JIT) | best warm run | MB/s  | articles/s | diagnostics | peak working set (Δ over empty)     | peak GC heap | retained after GC");
        foreach (var size in sizes)
        {
            var corpus = context.Corpus(size);
            var self = Environment.ProcessPath!;
            var selfArgs = self.EndsWith("dotnet", StringComparison.Ordinal) ? $"\"{typeof(ColdAnalysis).Assembly.Location}\" " : "";
            var (code, output) = BenchContext.Run(self, $"{selfArgs}cold-one --folder \"{corpus.Folder}\" --reps {context.Options.Repetitions}", context.RepoRoot);
            var result = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
            if (code != 0 || result is null) throw new InvalidOperationException($"cold-one failed for {size} articles:\n{output}");
            var f = result[7..].Split(' ').Select(kv => kv.Split('=')).ToDictionary(kv => kv[0], kv => double.Parse(kv[1], CultureInfo.InvariantCulture));
            var mbps = corpus.Bytes / 1e6 / (f["bestMs"] / 1000);
            var articlesPerSecond = corpus.Articles / (f["bestMs"] / 1000);
            var peakDelta = f["peakWs"] - f["baseWs"];
            context.Line(string.Create(CultureInfo.InvariantCulture,
                $"{size,8:N0} | {corpus.Megabytes,5:F1} | {BenchContext.Ms(f["firstMs"]),15} | {BenchContext.Ms(f["bestMs"]),13} | {mbps,5:F1} | {articlesPerSecond,10:N0} | {f["diagnostics"],11:N0} | {f["peakWs"] / 1e6,6:F0} MB = {f["peakWs"] / corpus.Bytes,6:F1}× (Δ {peakDelta / corpus.Bytes,5:F1}×) | {f["peakGc"] / 1e6,9:F0} MB | {f["retained"] / 1e6,6:F0} MB"));
            if (size >= 1000)
            {
                context.Target($"cold analysis ≥ 20 MB/s at {size:N0} articles", mbps >= 20, $"{mbps:F1} MB/s");
                context.Target($"peak memory ≤ 20× corpus at {size:N0} articles", f["peakWs"] <= 20 * corpus.Bytes,
                    string.Create(CultureInfo.InvariantCulture, $"peak working set {f["peakWs"] / corpus.Bytes:F1}× the corpus ({f["peakWs"] / 1e6:F0} MB for {corpus.Megabytes:F1} MB)"));
            }
        }
        context.Line("(peak working set = VmHWM of the child process, runtime included; Δ = minus the working set before the corpus was read)");
    }

    /// <summary>The child process: measures one folder and prints one RESULT line.</summary>
    public static int RunOne(string folder, int repetitions)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        var baseWorkingSet = self.WorkingSet64;
        long peakGc = 0;
        using var stop = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var heap = GC.GetTotalMemory(false);
                if (heap > peakGc) peakGc = heap;
                Thread.Sleep(2);
            }
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
        sampler.Start();

        var configuration = ProjectConfiguration.Default;
        var paths = ArticleDiscovery.Find(folder, configuration);
        var texts = new SourceText[paths.Count];
        var readClock = Stopwatch.StartNew();
        Parallel.For(0, paths.Count, i => texts[i] = ArticleFileReader.Read(paths[i]));
        var readMs = readClock.Elapsed.TotalMilliseconds;

        double firstMs = 0, bestMs = double.MaxValue;
        long diagnostics = 0;
        WorkspaceSnapshot? snapshot = null;
        for (var rep = 0; rep < Math.Max(2, repetitions); rep++)
        {
            snapshot = null;
            GC.Collect();
            var clock = Stopwatch.StartNew();
            snapshot = WorkspaceSnapshot.Create(configuration: configuration);
            for (var i = 0; i < paths.Count; i++) snapshot = snapshot.WithDocumentText(new DocumentKey(paths[i]), texts[i]);
            var counts = new ConcurrentBag<int>();
            var current = snapshot;
            current.ComputeCorpusFacts(); // as lint does: the corpus facts side by side, then the articles
            Parallel.For(0, paths.Count, () => 0, (i, _, sum) => sum + current.GetDiagnostics(new DocumentKey(paths[i])).Length, sum => counts.Add(sum));
            var ms = clock.Elapsed.TotalMilliseconds;
            diagnostics = counts.Sum();
            if (rep == 0) firstMs = ms;
            else bestMs = Math.Min(bestMs, ms);
        }
        stop.Cancel();
        sampler.Join();
        var retained = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(snapshot);
        GC.KeepAlive(texts);
        self.Refresh();
        var peakWorkingSet = self.PeakWorkingSet64;
        var counters = snapshot!.Counters.Read();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT readMs={readMs:F1} firstMs={firstMs:F1} bestMs={bestMs:F1} diagnostics={diagnostics} baseWs={baseWorkingSet} peakWs={peakWorkingSet} peakGc={peakGc} retained={retained} parsed={counters.ArticlesParsed}"));
        return 0;
    }
}
