using System.Globalization;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using NewsLsp.Analysis.Entities;
using NewsLsp.Bench.Corpus;
using NewsLsp.Bench.Lsp;

namespace NewsLsp.Bench.Measure;

/// <summary>
/// What a keystroke's diagnostics pull costs, part by part, in this process on this thread's CPU clock: the keystroke
/// bench's sequence (the same five articles, prepared for editing as the server prepares the articles an editor opens;
/// warm-up and plain-word edits, then letters inside a quote and inside a name, each typed then deleted) replayed on a
/// snapshot, each edit followed by the edited article's facts, the agreement index, entity linking and the article's
/// diagnostics, each timed. The server's figures include transport, thread hops and whatever else runs on the two
/// cores, and move by milliseconds between identical runs; these say which part of the engine a keystroke pays for.
/// The parts are timed in that order, each after the ones before it, so each is what it adds (the diagnostics pull
/// would compute the same parts in its own order).
/// </summary>
internal static class KeystrokeParts
{
    private static readonly string[] PartNames = ["facts", "agreement", "linking", "diagnostics"];

    public static void Run(BenchContext context)
    {
        context.Section("Keystroke parts, in process, thread CPU time (the keystroke bench's edits)",
            $"{BenchContext.RunCommand} parts {context.Options.Flags("--sizes " + string.Join(',', context.Options.Sizes), "--edits " + context.Options.Edits)}");
        foreach (var size in context.Options.Sizes)
        {
            var corpus = context.Corpus(size);
            var snapshot = InProcessWorkspace.LoadWithFacts(corpus);
            var edited = InProcessWorkspace.EditedArticles(snapshot).Select(d => new Article(d, snapshot.GetRequiredArticle(d).Text)).ToList();
            var prepared = edited.Count(a => snapshot.PrepareToEdit(a.Document));
            foreach (var article in edited) snapshot.GetDiagnostics(article.Document); // the bench's first pulls
            context.Line($"{size,6:N0} articles ({corpus.Megabytes:F1} MB), {edited.Count} edited articles, {prepared} prepared for editing:");

            var warmUp = context.Quick ? 5 : 50;
            var plain = new Series("plain words");
            for (var i = 0; i < warmUp + context.Options.Edits; i++)
                snapshot = Type(snapshot, edited[i % edited.Count], ServerLatency.EditKind.Plain, i >= warmUp ? plain : null);
            snapshot = Restore(snapshot, edited);
            Report(context, corpus, plain, byArticle: true);

            foreach (var (kind, label) in new[] { (ServerLatency.EditKind.Quote, "a quote"), (ServerLatency.EditKind.Name, "a name") })
            {
                var series = new Series(label);
                for (var i = 0; i < Math.Max(10, context.Options.Edits / 4); i++)
                    snapshot = Type(snapshot, edited[i % edited.Count], kind, series);
                snapshot = Restore(snapshot, edited);
                Report(context, corpus, series, byArticle: false);
            }
        }
        context.Line("(parts timed in order on this thread: the edited article's facts, the agreement index, entity linking, then the article's diagnostics)");
    }

    // Types a letter at the article's place of that kind, or deletes the one typed there before; then times the parts.
    private static WorkspaceSnapshot Type(WorkspaceSnapshot snapshot, Article article, ServerLatency.EditKind kind, Series? series)
    {
        var at = InProcessWorkspace.Place(article.Original, kind);
        if (at < 0) return snapshot;
        article.Inserted = !article.Inserted;
        snapshot = snapshot.WithDocumentText(article.Document,
            article.Inserted ? article.Original.WithChanges(new TextChange(new TextSpan(at, 0), "e")) : article.Original);

        var parts = new double[PartNames.Length];
        var started = ThreadCpuClock.Milliseconds();
        snapshot.GetRequiredArticle(article.Document).Get(ArticleFacts.Query);
        parts[0] = ThreadCpuClock.Milliseconds();
        snapshot.Get(AgreementQuery.Instance);
        parts[1] = ThreadCpuClock.Milliseconds();
        snapshot.Get(EntityLinkingQuery.For(snapshot.Knowledge));
        parts[2] = ThreadCpuClock.Milliseconds();
        snapshot.GetDiagnostics(article.Document);
        parts[3] = ThreadCpuClock.Milliseconds();
        for (var p = PartNames.Length - 1; p > 0; p--) parts[p] -= parts[p - 1];
        parts[0] -= started;
        series?.Add(article.Document, parts);
        return snapshot;
    }

    private static WorkspaceSnapshot Restore(WorkspaceSnapshot snapshot, List<Article> edited)
    {
        foreach (var article in edited.Where(a => a.Inserted))
        {
            article.Inserted = false;
            snapshot = snapshot.WithDocumentText(article.Document, article.Original);
        }
        return snapshot;
    }

    private static void Report(BenchContext context, GeneratedCorpus corpus, Series series, bool byArticle)
    {
        if (series.Totals.Count == 0) return;
        context.Line($"  {Stats.Describe(series.Totals, $"{series.Totals.Count} edits in {series.Label}, whole pull")}");
        context.Line($"    parts, p50 / p99: {string.Join(", ", PartNames.Select((name, p) => $"{name} {Ms(Stats.Percentile(series.Parts[p], 0.5))} / {Ms(Stats.Percentile(series.Parts[p], 0.99))}"))}");
        foreach (var (document, edits) in series.ByArticle)
        {
            var name = InProcessWorkspace.Name(corpus, document);
            if (byArticle)
            {
                context.Line($"    {name}: {Stats.Describe([.. edits.Select(e => e.Sum())], $"{edits.Count} edits")}");
            }
            else
            {
                // Its first keystroke of this kind: what the preparation is for, and the series' p99 over the server.
                var first = edits[0];
                context.Line($"    {name}: first keystroke {Ms(first.Sum())} ({string.Join(", ", PartNames.Select((n, p) => $"{n} {Ms(first[p])}"))}); " +
                    $"the next {edits.Count - 1}: p50 {Ms(Stats.Percentile([.. edits.Skip(1).Select(e => e.Sum())], 0.5))}");
            }
        }
    }

    private static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString("F2", CultureInfo.InvariantCulture) + " ms";

    private sealed class Article(DocumentKey document, SourceText original)
    {
        public DocumentKey Document { get; } = document;
        public SourceText Original { get; } = original;
        public bool Inserted { get; set; }
    }

    private sealed class Series(string label)
    {
        public string Label { get; } = label;
        public List<double> Totals { get; } = [];
        public List<double>[] Parts { get; } = [.. PartNames.Select(_ => new List<double>())];
        public Dictionary<DocumentKey, List<double[]>> ByArticle { get; } = [];

        public void Add(DocumentKey document, double[] parts)
        {
            Totals.Add(parts.Sum());
            for (var p = 0; p < parts.Length; p++) Parts[p].Add(parts[p]);
            if (!ByArticle.TryGetValue(document, out var edits)) ByArticle[document] = edits = [];
            edits.Add(parts);
        }
    }
}
