using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Syntax;

namespace NewsLsp.Bench.Measure;

/// <summary>
/// Per-article engine costs with BenchmarkDotNet (in process, short runs): a full parse of a 5 KB article, the
/// incremental reparse after a one-character edit, and one keystroke through a 1,000-article snapshot (edit,
/// then the edited article's diagnostics), which is the engine's share of keystroke latency.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private SourceText _text = null!;
    private SourceText _edited = null!;
    private ArticleSyntax _syntax = null!;
    private WorkspaceSnapshot _snapshot = null!;
    private DocumentKey _key;
    private int _version;

    [GlobalSetup]
    public void Setup()
    {
        var context = new BenchContext(BenchContext.FindRepoRoot(), BenchOptions.Parse(["micro", "--no-build"]));
        var corpus = context.Corpus(1_000);
        var path = corpus.Files.First(f => !f.Contains("/seeds/", StringComparison.Ordinal));
        _text = SourceText.From(File.ReadAllText(path));
        var line = _text.Lines.OrderByDescending(l => l.Span.Length).First();
        _edited = _text.WithChanges(new TextChange(new TextSpan(line.Start + line.Span.Length / 2, 0), "e"));
        _syntax = ArticleParser.Parse(_text);
        var snapshot = WorkspaceSnapshot.Create();
        foreach (var file in corpus.Files) snapshot = snapshot.WithDocumentText(new DocumentKey(file), SourceText.From(File.ReadAllText(file)));
        foreach (var key in snapshot.Documents) snapshot.GetDiagnostics(key);
        _snapshot = snapshot;
        _key = new DocumentKey(path);
    }

    [Benchmark(Description = "parse a 5 KB article")]
    public ArticleSyntax Parse() => ArticleParser.Parse(_text);

    [Benchmark(Description = "reparse after a 1-character edit")]
    public ArticleSyntax Reparse() => ArticleParser.Parse(_edited, _syntax);

    [Benchmark(Description = "keystroke in a 1,000-article snapshot: edit + diagnostics")]
    public int Keystroke()
    {
        _version++;
        var text = (_version & 1) == 1 ? _edited : _text;
        _snapshot = _snapshot.WithDocumentText(_key, text, _version);
        return _snapshot.GetDiagnostics(_key).Length;
    }

    internal static void Run(BenchContext context)
    {
        context.Section("Engine micro-benchmarks (BenchmarkDotNet, in process, short run)", $"{BenchContext.RunCommand} micro");
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithArtifactsPath(Path.Combine(context.Artifacts, "BenchmarkDotNet"));
        var summary = BenchmarkRunner.Run<EngineBenchmarks>(config);
        foreach (var report in summary.Reports)
        {
            var mean = report.ResultStatistics?.Mean / 1e6;
            context.Line($"{report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo}: {(mean is null ? "failed" : BenchContext.Ms(mean.Value))} mean, allocated {report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0:N0} B/op");
        }
    }
}
