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
                var clock = Stopwatch.StartNew();
                action();
                phases.Add($"{name} {BenchContext.Ms(clock.Elapsed.TotalMilliseconds)}");
            }
            Time("parse", () => Parallel.ForEach(documents, d => _ = snapshot.GetRequiredArticle(d).Syntax));
            Time("entity mentions (NER)", () => Parallel.ForEach(documents, d => snapshot.GetRequiredArticle(d).Get(ArticleEntityMentions.Query)));
            Time("agreement facts", () => Parallel.ForEach(documents, d => snapshot.GetRequiredArticle(d).Get(ArticleFacts.Query)));
            Time("entity linking", () => snapshot.Get(EntityLinkingQuery.For(snapshot.Knowledge)));
            var facts = documents.Select(d => (d, snapshot.GetRequiredArticle(d).Get(ArticleFacts.Query))).ToList();
            Time("event clustering", () => EventClustering.Cluster(facts));
            Time("agreement index", () => snapshot.Get(AgreementQuery.Instance));
            Time("diagnostics", () => Parallel.ForEach(documents, d => snapshot.GetDiagnostics(d)));
            context.Line($"{size,6:N0} articles ({corpus.Megabytes:F1} MB): {string.Join("; ", phases)}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        }
    }
}
