using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using NewsLsp.Bench.Lsp;
using NewsLsp.ProjectSystem;

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
            var snapshot = WorkspaceSnapshot.Create();
            foreach (var path in ArticleDiscovery.Find(corpus.Folder, ProjectConfiguration.Default))
                snapshot = snapshot.WithDocumentText(new DocumentKey(path), ArticleFileReader.Read(path));
            Parallel.ForEach(snapshot.Documents, d => snapshot.GetRequiredArticle(d).Get(ArticleFacts.Query));
            snapshot.Get(AgreementQuery.Instance);

            // The keystroke bench's choice: five generated articles spread over the corpus.
            var targets = snapshot.Documents.Where(d => !d.ToString().Contains("/seeds/", StringComparison.Ordinal)).ToList();
            var picked = Enumerable.Range(0, Math.Min(5, targets.Count)).Select(i => targets[i * targets.Count / Math.Min(5, targets.Count)]).ToList();
            foreach (var (kind, edits) in new[] { ("plain words", context.Options.Edits), ("a quote", Math.Max(10, context.Options.Edits * 2 / 5)), ("a name", Math.Max(10, context.Options.Edits / 4)) })
            {
                var places = picked.Select(d => (Document: d, Text: snapshot.GetRequiredArticle(d).Text, At: Place(snapshot.GetRequiredArticle(d).Text, kind)))
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
                    var started = ThreadCpuMilliseconds();
                    snapshot.Get(AgreementQuery.Instance);
                    if (i < WarmUp) continue;
                    var elapsed = ThreadCpuMilliseconds() - started;
                    var bytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                    times.Add(elapsed);
                    byArticle[document].Add(elapsed);
                    allocated.Add(bytes);
                    allocatedByArticle[document].Add(bytes);
                }
                // Back to the files' texts for the next kind.
                foreach (var (document, original, _) in places) snapshot = snapshot.WithDocumentText(document, original);
                snapshot.Get(AgreementQuery.Instance);
                context.Line($"{size,6:N0} articles ({corpus.Megabytes:F1} MB): {Stats.Describe(times, $"{times.Count} agreement updates after a letter in {kind} (thread CPU)")}; {Allocated(allocated)}");
                // By article: one whose keystrokes change its signature re-clusters on each, and makes the tail.
                foreach (var (document, articleTimes) in byArticle)
                {
                    var name = Path.GetRelativePath(corpus.Folder, document.Value);
                    context.Line($"         {name}: {Stats.Describe(articleTimes, $"{articleTimes.Count} updates")}; {Allocated(allocatedByArticle[document])}");
                }
            }
        }
    }

    private static string Allocated(List<long> bytes) => $"allocated {bytes.Average() / 1024:F0} KB per update on average";

    // The offset the keystroke bench types at, or -1 when the article has no such place.
    private static int Place(SourceText text, string kind)
    {
        var content = text.ToString();
        var lines = content.Split('\n');
        (int Line, int Character)? at = kind switch
        {
            "a quote" => ServerLatency.EditedDocument.QuotePosition(content),
            // As the keystroke bench: two letters into the word, when it is longer than two.
            "a name" => ServerLatency.EditedDocument.NamePosition(content) is var (nl, nc, word) && word.Length > 2 ? (nl, nc + 2) : null,
            _ => ServerLatency.EditedDocument.ChooseLine(content) is var line ? (line, lines[line].Length / 2) : null,
        };
        if (at is not var (l, c)) return -1;
        var offset = 0;
        for (var k = 0; k < l; k++) offset += lines[k].Length + 1;
        return offset + c;
    }

    private static double ThreadCpuMilliseconds()
    {
        if (ClockGetTime(ThreadCpuClock, out var time) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        return time.Seconds * 1e3 + time.Nanoseconds / 1e6;
    }

    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID on Linux

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
