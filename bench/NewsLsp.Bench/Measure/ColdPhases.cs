using System.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using NewsLsp.Analysis.Entities;
using NewsLsp.ProjectSystem;

namespace NewsLsp.Bench.Measure;

/// <summary>
/// Where cold analysis spends its time, phase by phase, in this process (a profile, not a figure): parsing, the
/// per-article summaries each corpus query reads, each corpus query, then the diagnostics. One snapshot, in order.
/// </summary>
internal static class ColdPhases
{
    public static void Run(BenchContext context)
    {
        context.Section("Cold analysis by phase (one process, one run, JIT included)",
            $"{BenchContext.RunCommand} phases {context.Options.Flags("--sizes " + string.Join(',', context.Options.Sizes))}");
        foreach (var size in context.Options.Sizes)
        {
            var corpus = context.Corpus(size);
            var paths = ArticleDiscovery.Find(corpus.Folder, ProjectConfiguration.Default);
            var snapshot = WorkspaceSnapshot.Create();
            foreach (var path in paths) snapshot = snapshot.WithDocumentText(new DocumentKey(path), ArticleFileReader.Read(path));
            var documents = snapshot.Documents;
            var phases = new List<string>();
            void Time(string name, Action action)
            {
                var allocated = GC.GetTotalAllocatedBytes();
                // The working set is sampled during the phase: transient peaks are gone by its end.
                var highest = Environment.WorkingSet;
                using var sampler = new Timer(_ => { var now = Environment.WorkingSet; if (now > Interlocked.Read(ref highest)) Interlocked.Exchange(ref highest, now); }, null, 0, 20);
                var clock = Stopwatch.StartNew();
                action();
                sampler.Dispose();
                // Allocated during the phase, and the GC heap right after it (no collection forced: that would move the peak).
                phases.Add($"{name} {BenchContext.Ms(clock.Elapsed.TotalMilliseconds)} "
                           + $"(allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:F0} MB, heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:F0} MB, working set up to {Interlocked.Read(ref highest) / 1e6:F0} MB)"
                           + (Environment.GetEnvironmentVariable("THROWAWAY_RETAINED") is null ? "" : $" [retained {GC.GetTotalMemory(true) / 1e6:F0} MB]"));
            }
            Time("parse", () => Parallel.ForEach(documents, d => _ = snapshot.GetRequiredArticle(d).Syntax));
            Time("entity mentions (NER)", () => Parallel.ForEach(documents, d => snapshot.GetRequiredArticle(d).Get(ArticleEntityMentions.Query)));
            Time("agreement facts", () => Parallel.ForEach(documents, d => snapshot.GetRequiredArticle(d).Get(ArticleFacts.Query)));
            Time("entity linking", () => snapshot.Get(EntityLinkingQuery.For(snapshot.Knowledge)));
            var facts = documents.Select(d => (d, snapshot.GetRequiredArticle(d).Get(ArticleFacts.Query))).ToList();
            Time("event clustering", () => EventClustering.Cluster(facts));
            // The index clusters the events again (the phase above is that part of it), then aligns each event.
            Time("agreement index (clustering again, then alignment)", () => snapshot.Get(AgreementQuery.Instance));
            Time("diagnostics", () => Parallel.ForEach(documents, d => snapshot.GetDiagnostics(d)));
            phases.AddRange(EditPhases(snapshot, documents[documents.Length / 2]));
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var retained = GC.GetTotalMemory(forceFullCollection: false);
            GC.KeepAlive(snapshot);
            context.Line($"{size,6:N0} articles ({corpus.Megabytes:F1} MB): {string.Join("; ", phases)}; peak working set {peak / 1e6:F0} MB "
                         + $"({peak / 1e6 / corpus.Megabytes:F1}× the corpus); retained after a full GC {retained / 1e6:F0} MB");
        }
    }

    // What one keystroke costs in the two phases it can reach: the edited article's mentions (NER) after a letter typed
    // in a plain word, and relinking the corpus after a letter typed inside a name (its summary changes).
    // Each is the median of 21 edits, each on a fresh snapshot of the cold one (so nothing of the edit is memoized).
    private static IEnumerable<string> EditPhases(WorkspaceSnapshot snapshot, DocumentKey document)
    {
        static string Median(string name, Func<double> once)
        {
            var times = Enumerable.Range(0, 21).Select(_ => once()).Order().ToList();
            return $"{name} {BenchContext.Ms(times[times.Count / 2])} (median of {times.Count} edits)";
        }
        var article = snapshot.GetRequiredArticle(document);
        var text = article.Text;
        var mentions = article.Get(ArticleEntityMentions.Query).Mentions;
        var word = System.Text.RegularExpressions.Regex.Match(text.ToString()[(text.ToString().IndexOf('\n') + 1)..], @"\b[a-zà-ù]{6,}\b");
        if (word.Success)
        {
            var at = text.ToString().IndexOf('\n') + 1 + word.Index + 2;
            yield return Median("mentions after a plain-word edit", () =>
            {
                var typed = snapshot.WithDocumentText(document, text.WithChanges(new TextChange(new TextSpan(at, 0), "x")));
                var clock = Stopwatch.StartNew();
                typed.GetRequiredArticle(document).Get(ArticleEntityMentions.Query);
                return clock.Elapsed.TotalMilliseconds;
            });
        }
        if (mentions.FirstOrDefault(m => m.Text.Length > 4 && m.Text.All(char.IsLetter)) is { } name)
        {
            var misspelt = text.WithChanges(new TextChange(new TextSpan(name.Span.Start + 2, 0), "x"));
            var edits = 0;
            yield return Median("entity linking after a name edit", () =>
            {
                // Typing and deleting in turn, so every edit changes the summary the memo last saw.
                var renamed = snapshot.WithDocumentText(document, edits++ % 2 == 0 ? misspelt : SourceText.From(text.ToString()));
                _ = renamed.GetRequiredArticle(document).Get(ArticleEntitySummary.Query);
                var clock = Stopwatch.StartNew();
                renamed.Get(EntityLinkingQuery.For(renamed.Knowledge));
                return clock.Elapsed.TotalMilliseconds;
            });
        }
    }
}
