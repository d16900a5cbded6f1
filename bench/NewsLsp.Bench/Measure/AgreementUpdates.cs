using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using NewsLsp.Bench.Lsp;

namespace NewsLsp.Bench.Measure;

/// <summary>
/// The agreement update of a keystroke, in this process, on this thread's CPU clock (wall-clock is noise on a shared
/// machine): the corpus loaded into a snapshot with every article's facts, then the keystroke bench's edits — a letter
/// typed then deleted in the middle of the longest paragraph, inside the first quote, or inside a name, of five
/// generated articles in turn — each followed by the edited article's facts (not timed) and <c>snapshot.Get(AgreementQuery.Instance)</c>
/// (timed), and the bytes this thread allocated doing it (what a keystroke leaves to the collector, which a
/// large workspace's collections make expensive; unlike times, the same on every run).
/// </summary>
internal static class AgreementUpdates
{
    private const int WarmUp = 50;

    public static void Run(BenchContext context)
    {
        context.Section("Agreement update per keystroke, in process, thread CPU time",
            $"{BenchContext.RunCommand} agreement {context.Options.Flags("--sizes " + string.Join(',', context.Options.Sizes), "--edits " + context.Options.Edits)}");
        foreach (var size in context.Options.Sizes)
        {
            var corpus = context.Corpus(size);
            var snapshot = InProcessWorkspace.LoadWithFacts(corpus);
            var picked = InProcessWorkspace.EditedArticles(snapshot);
            foreach (var (kind, label, edits) in new[]
                     {
                         (ServerLatency.EditKind.Plain, "plain words", context.Options.Edits),
                         (ServerLatency.EditKind.Quote, "a quote", Math.Max(10, context.Options.Edits * 2 / 5)),
                         (ServerLatency.EditKind.Name, "a name", Math.Max(10, context.Options.Edits / 4)),
                     })
            {
                var places = picked.Select(d => (Document: d, Text: snapshot.GetRequiredArticle(d).Text, At: InProcessWorkspace.Place(snapshot.GetRequiredArticle(d).Text, kind)))
                    .Where(p => p.At >= 0).ToList();
                if (places.Count == 0) continue;
                var times = new List<double>();
                var byArticle = places.ToDictionary(p => p.Document, _ => new List<double>());
                var allocated = new List<long>();
                var allocatedByArticle = places.ToDictionary(p => p.Document, _ => new List<long>());
                for (var i = 0; i < WarmUp + edits; i++)
                {
                    // The articles in turn; each gets a letter on one turn and loses it on its next.
                    var (document, original, at) = places[i % places.Count];
                    var text = i / places.Count % 2 == 0 ? original.WithChanges(new TextChange(new TextSpan(at, 0), "e")) : original;
                    snapshot = snapshot.WithDocumentText(document, text);
                    snapshot.GetRequiredArticle(document).Get(ArticleFacts.Query);
                    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                    var started = ThreadCpuClock.Milliseconds();
                    snapshot.Get(AgreementQuery.Instance);
                    if (i < WarmUp) continue;
                    var elapsed = ThreadCpuClock.Milliseconds() - started;
                    var bytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                    times.Add(elapsed);
                    byArticle[document].Add(elapsed);
                    allocated.Add(bytes);
                    allocatedByArticle[document].Add(bytes);
                }
                // Back to the files' texts for the next kind.
                foreach (var (document, original, _) in places) snapshot = snapshot.WithDocumentText(document, original);
                snapshot.Get(AgreementQuery.Instance);
                context.Line($"{size,6:N0} articles ({corpus.Megabytes:F1} MB): {Stats.Describe(times, $"{times.Count} agreement updates after a letter in {label} (thread CPU)")}; {Allocated(allocated)}");
                // By article: one whose keystrokes change its signature re-clusters on each, and makes the tail.
                foreach (var (document, articleTimes) in byArticle)
                {
                    var name = InProcessWorkspace.Name(corpus, document);
                    context.Line($"         {name}: {Stats.Describe(articleTimes, $"{articleTimes.Count} updates")}; {Allocated(allocatedByArticle[document])}");
                }
            }
        }
    }

    private static string Allocated(List<long> bytes) => $"allocated {bytes.Average() / 1024:F0} KB per update on average";
}
