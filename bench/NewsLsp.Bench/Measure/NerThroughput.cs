using System.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Ner;
using NewsLsp.Syntax;

namespace NewsLsp.Bench.Measure;

/// <summary>
/// NER throughput on the benchmark corpus as the engine sees it: articles parsed by <see cref="ArticleParser"/>,
/// their sentences' tokens tagged a document at a time with the shipped model, on one thread and on all cores.
/// </summary>
internal static class NerThroughput
{
    public static void Run(BenchContext context)
    {
        var size = context.Quick ? context.Options.Sizes.Min() : 1_000;
        var corpus = context.Corpus(size);
        context.Section($"NER tokens/s (shipped model, document-level Tag, the {size:N0}-article corpus tokenised by ArticleParser)",
            $"{BenchContext.RunCommand} ner {context.Options.Flags()}   (dev-set accuracy and speed: dotnet run -c Release --project bench/NewsLsp.Bench.Ner)");
        var loadClock = Stopwatch.StartNew();
        var model = NerModel.LoadDefault();
        var loadMs = loadClock.Elapsed.TotalMilliseconds;

        var documents = corpus.Files.Select(f => Sentences(ArticleParser.Parse(SourceText.From(File.ReadAllText(f))))).ToList();
        var tokens = documents.Sum(d => d.Sum(s => (long)s.Count));
        foreach (var document in documents.Take(50)) model.Tag(document);

        var seconds = context.Quick ? 0.5 : 4.0;
        var (single, singleCpu) = Measure(seconds, () => { foreach (var d in documents) model.Tag(d); });
        var (parallel, _) = Measure(seconds, () => Parallel.ForEach(documents, d => model.Tag(d)));
        context.Line($"model load {BenchContext.Ms(loadMs)}; {documents.Count:N0} articles, {tokens:N0} tokens");
        context.Line($"one thread: {tokens * single:N0} tokens/s ({tokens * singleCpu:N0} tokens per CPU-second, the figure that load disturbs least); " +
                     $"{Environment.ProcessorCount} cores (Parallel.ForEach over articles): {tokens * parallel:N0} tokens/s");
    }

    /// <summary>
    /// Passes per second of <paramref name="pass"/>, repeated for at least <paramref name="seconds"/>, by the wall
    /// clock and per second of this process's CPU time (on a shared machine the wall clock also counts the time
    /// other processes held the cores).
    /// </summary>
    private static (double Wall, double Cpu) Measure(double seconds, Action pass)
    {
        var passes = 0;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        do { pass(); passes++; } while (clock.Elapsed.TotalSeconds < seconds);
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (passes / wall, passes / (process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    private static IReadOnlyList<IReadOnlyList<string>> Sentences(ArticleSyntax syntax)
    {
        var result = new List<IReadOnlyList<string>>();
        foreach (var block in syntax.ProseBlocks)
        {
            foreach (var sentence in block.Content.Sentences)
            {
                var words = new string[sentence.TokenCount];
                for (var i = 0; i < words.Length; i++) words[i] = block.Content.TokenText(block.Content.Tokens[sentence.FirstToken + i]);
                result.Add(words);
            }
        }
        return result;
    }
}
