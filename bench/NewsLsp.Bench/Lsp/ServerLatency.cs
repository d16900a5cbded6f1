using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NewsLsp.Bench.Lsp;

/// <summary>
/// Latency over the real stdio server: start-up to <c>initialize</c> answered, then, in workspaces of each size
/// (workspace folder = the generated corpus, which the server scans), one-character <c>didChange</c> followed by a
/// pull <c>textDocument/diagnostic</c> for the edited article, timed from writing the change to reading the
/// answer; and hover / references in the largest workspace when the server offers them.
/// </summary>
internal static partial class ServerLatency
{
    public static void Startup(BenchContext context)
    {
        context.EnsureCliBuilt();
        var runs = context.Quick ? 3 : 15;
        context.Section("Server start → initialize answered (cold process, no workspace folder)",
            $"{BenchContext.RunCommand} startup {context.Options.Flags()}");
        if (!SupportsServe(context)) return;
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            using var server = LspProcess.Start(context.NewsLspExecutable, context.RepoRoot);
            var response = server.RequestSync("initialize", LspProcess.InitializeParams(null));
            times.Add(LspProcess.Milliseconds(server.StartedAt, response.ReceivedAt));
            server.Notify("initialized", new JsonObject());
            server.Shutdown();
        }
        context.Line(Stats.Describe(times, $"{runs} starts"));
    }

    public static void Keystrokes(BenchContext context)
    {
        context.EnsureCliBuilt();
        var sizes = context.Options.Sizes;
        context.Section("Keystroke latency over the stdio server: didChange (1 character) → textDocument/diagnostic answered",
            $"{BenchContext.RunCommand} keystroke {context.Options.Flags("--sizes " + string.Join(',', sizes), "--edits " + context.Options.Edits)}");
        if (!SupportsServe(context)) return;
        var p99s = new Dictionary<int, double>();
        foreach (var size in sizes)
        {
            var corpus = context.Corpus(size);
            using var server = LspProcess.Start(context.NewsLspExecutable, corpus.Folder);
            var indexed = new ManualResetEventSlim();
            server.Notification += (method, @params) =>
            {
                if (method == "$/progress" && @params?["value"]?["kind"]?.GetValue<string>() == "end") indexed.Set();
            };
            var init = server.RequestSync("initialize", LspProcess.InitializeParams(Path.GetFullPath(corpus.Folder)));
            var capabilities = init.Result?["capabilities"];
            var initializedAt = Stopwatch.GetTimestamp();
            server.Notify("initialized", new JsonObject());
            if (capabilities?["diagnosticProvider"] is null)
            {
                context.Note("the server does not offer pull diagnostics (textDocument/diagnostic); keystroke latency not measured");
                server.Shutdown();
                return;
            }
            var indexMs = indexed.Wait(TimeSpan.FromMinutes(10)) ? LspProcess.Milliseconds(initializedAt, Stopwatch.GetTimestamp()) : double.NaN;

            // Edit generated articles that have sibling sources (cross-article work is real), a few in turn.
            var targets = corpus.Files.Where(f => !f.Contains("/seeds/", StringComparison.Ordinal)).ToList();
            if (targets.Count == 0) targets = [.. corpus.Files];
            var picked = Enumerable.Range(0, Math.Min(5, targets.Count)).Select(i => targets[i * targets.Count / Math.Min(5, targets.Count)]).ToList();
            var documents = picked.Select(p => new EditedDocument(p, File.ReadAllText(p))).ToList();
            foreach (var document in documents)
            {
                server.Notify("textDocument/didOpen", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = document.Uri, ["languageId"] = "plaintext", ["version"] = 1, ["text"] = document.Text },
                });
            }
            var firstPullClock = Stopwatch.StartNew();
            foreach (var document in documents) document.Pull(server);
            var firstPullMs = firstPullClock.Elapsed.TotalMilliseconds;

            var warmUp = context.Quick ? 5 : 50;
            var latencies = new List<double>();
            var gap = TimeSpan.FromMilliseconds(context.Quick ? 2 : 15);
            for (var i = 0; i < warmUp + context.Options.Edits; i++)
            {
                var document = documents[i % documents.Count];
                var started = Stopwatch.GetTimestamp();
                document.TypeOneCharacter(server, EditKind.Plain);
                var answered = document.Pull(server);
                if (i >= warmUp) latencies.Add(LspProcess.Milliseconds(started, answered));
                Thread.Sleep(gap);
            }
            p99s[size] = Stats.Percentile(latencies, 0.99);
            context.Line($"{size,6:N0} articles ({corpus.Megabytes:F1} MB): {Stats.Describe(latencies, $"{latencies.Count} edits in plain words")}; " +
                $"workspace indexed {(double.IsNaN(indexMs) ? "(no progress end seen)" : BenchContext.Ms(indexMs))} after initialized; first pulls of {documents.Count} articles {BenchContext.Ms(firstPullMs)}");
            // Edits that change cross-article facts: a letter inside a quote (agreement) and inside a name (entities).
            foreach (var kind in new[] { EditKind.Quote, EditKind.Name })
            {
                var special = new List<double>();
                var edits = Math.Max(10, context.Options.Edits / 4);
                for (var i = 0; i < edits; i++)
                {
                    var document = documents[i % documents.Count];
                    var started = Stopwatch.GetTimestamp();
                    if (!document.TypeOneCharacter(server, kind)) continue;
                    special.Add(LspProcess.Milliseconds(started, document.Pull(server)));
                    Thread.Sleep(gap);
                }
                foreach (var document in documents) document.Restore(server);
                if (special.Count > 0)
                    context.Line($"{size,6:N0} articles: {Stats.Describe(special, $"{special.Count} edits inside {(kind == EditKind.Quote ? "a quote" : "a name")}")}");
            }
            context.Target($"keystroke p99 ≤ 5 ms at {size:N0} articles", p99s[size] <= 5, BenchContext.Ms(p99s[size]));

            if (size == sizes.Max()) Navigation(context, server, capabilities, documents[0], size);
            server.Shutdown();
        }
        if (p99s.Count >= 2)
        {
            var (small, large) = (p99s[p99s.Keys.Min()], p99s[p99s.Keys.Max()]);
            context.Target($"keystroke p99 flat in workspace size ({p99s.Keys.Max():N0} vs {p99s.Keys.Min():N0} articles, ≤ 1.2×)",
                large <= 1.2 * small || large - small < 0.5,
                string.Create(CultureInfo.InvariantCulture, $"{large / small:F2}× ({BenchContext.Ms(large)} vs {BenchContext.Ms(small)}; differences under 0.5 ms count as flat)"));
        }
    }

    private static void Navigation(BenchContext context, LspProcess server, JsonNode capabilities, EditedDocument document, int size)
    {
        var runs = context.Quick ? 10 : 200;
        var position = document.NamePosition();
        foreach (var (method, capability) in new[] { ("textDocument/hover", "hoverProvider"), ("textDocument/references", "referencesProvider") })
        {
            if (capabilities[capability] is null || (capabilities[capability] is JsonValue v && v.TryGetValue<bool>(out var on) && !on))
            {
                context.Note($"{method} not offered by the server yet; its latency at {size:N0} articles is not measured");
                continue;
            }
            var latencies = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var @params = new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = document.Uri },
                    ["position"] = new JsonObject { ["line"] = position.Line, ["character"] = position.Character },
                };
                if (method == "textDocument/references") @params["context"] = new JsonObject { ["includeDeclaration"] = true };
                var started = Stopwatch.GetTimestamp();
                var response = server.RequestSync(method, @params);
                latencies.Add(LspProcess.Milliseconds(started, response.ReceivedAt));
            }
            context.Line($"{method} at {size:N0} articles (on '{position.Word}'): {Stats.Describe(latencies, $"{runs} requests")}");
        }

        // As in an editor: each keystroke makes a new snapshot, and the next hover or colouring answers from it (the
        // requests above all answer from one).
        var afterEdits = context.Quick ? 5 : 30;
        foreach (var (method, capability) in new[] { ("textDocument/hover", "hoverProvider"), ("textDocument/semanticTokens/full", "semanticTokensProvider") })
        {
            if (capabilities[capability] is null) continue;
            var latencies = new List<double>();
            for (var i = 0; i < afterEdits; i++)
            {
                document.TypeOneCharacter(server, EditKind.Plain);
                var @params = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = document.Uri } };
                if (method == "textDocument/hover") @params["position"] = new JsonObject { ["line"] = position.Line, ["character"] = position.Character };
                var started = Stopwatch.GetTimestamp();
                var response = server.RequestSync(method, @params);
                latencies.Add(LspProcess.Milliseconds(started, response.ReceivedAt));
                Thread.Sleep(TimeSpan.FromMilliseconds(context.Quick ? 2 : 15));
            }
            document.Restore(server);
            context.Line($"{method} after a keystroke at {size:N0} articles: {Stats.Describe(latencies, $"{afterEdits} keystrokes, each followed by one request")}");
        }
    }

    private static bool SupportsServe(BenchContext context)
    {
        var (_, output) = BenchContext.Run(context.NewsLspExecutable, "--help", context.RepoRoot);
        if (output.Contains("serve", StringComparison.Ordinal)) return true;
        context.Note("this build of newslsp has no `serve` command yet (the language server is not merged); server figures skipped");
        return false;
    }

    internal enum EditKind { Plain, Quote, Name }

    /// <summary>
    /// An open document the benchmark types into: alternately inserts a letter and deletes it again, in the middle of
    /// its longest paragraph (plain words), inside its first quote, or inside a name.
    /// </summary>
    internal sealed class EditedDocument(string path, string text)
    {
        private readonly int _line = ChooseLine(text);
        private readonly (int Line, int Character)? _quote = QuotePosition(text);
        private int _version = 1;
        private bool _inserted;
        private EditKind _insertedKind;
        private string? _resultId;

        public string Uri { get; } = new Uri(Path.GetFullPath(path)).AbsoluteUri;
        public string Text => text;

        /// <summary>Deletes a letter left inserted, so the next series starts from the file's text.</summary>
        public void Restore(LspProcess server)
        {
            if (_inserted) TypeOneCharacter(server, _insertedKind);
        }

        /// <summary>False when the document has no place of that kind.</summary>
        public bool TypeOneCharacter(LspProcess server, EditKind kind)
        {
            if (_inserted && kind != _insertedKind) Restore(server);
            (int Line, int Character)? at = kind switch
            {
                EditKind.Quote => _quote,
                EditKind.Name => NamePosition() is var (l, c, w) && w.Length > 2 ? (l, c + 2) : null,
                _ => (_line, text.Split('\n')[_line].Length / 2),
            };
            if (at is not var (line, character)) return false;
            _insertedKind = kind;
            var range = new JsonObject
            {
                ["start"] = new JsonObject { ["line"] = line, ["character"] = character },
                ["end"] = new JsonObject { ["line"] = line, ["character"] = _inserted ? character + 1 : character },
            };
            _version++;
            server.Notify("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = _version },
                ["contentChanges"] = new JsonArray(new JsonObject { ["range"] = range, ["text"] = _inserted ? "" : "e" }),
            });
            _inserted = !_inserted;
            return true;
        }

        // Inside the first word of the first quote with a few words in it.
        internal static (int Line, int Character)? QuotePosition(string text)
        {
            var lines = text.Split('\n');
            for (var l = 1; l < lines.Length; l++)
            {
                var match = QuoteInSentence().Match(lines[l]);
                if (match.Success) return (l, match.Index + 3);
            }
            return null;
        }

        /// <summary>Pulls diagnostics; returns when the answer was read.</summary>
        public long Pull(LspProcess server)
        {
            var @params = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } };
            if (_resultId is not null) @params["previousResultId"] = _resultId;
            var response = server.RequestSync("textDocument/diagnostic", @params);
            var kind = response.Result?["kind"]?.GetValue<string>();
            if (kind is not ("full" or "unchanged")) throw new InvalidOperationException($"unexpected diagnostic report: {response.Result?.ToJsonString()}");
            _resultId = response.Result?["resultId"]?.GetValue<string>();
            return response.ReceivedAt;
        }

        /// <summary>A capitalised word inside a sentence (a name, most likely) to hover and find references of.</summary>
        public (int Line, int Character, string Word) NamePosition() => NamePosition(text);

        internal static (int Line, int Character, string Word) NamePosition(string text)
        {
            var lines = text.Split('\n');
            for (var l = 1; l < lines.Length; l++)
            {
                var match = NameInSentence().Match(lines[l]);
                if (match.Success) return (l, match.Index + 1, match.Value);
            }
            return (0, 0, lines[0].Split(' ')[0]);
        }

        // The longest paragraph: typing there changes one block and nothing else.
        internal static int ChooseLine(string text)
        {
            var lines = text.Split('\n');
            var best = 0;
            for (var i = 1; i < lines.Length; i++) if (lines[i].Length > lines[best].Length) best = i;
            return best;
        }
    }

    [GeneratedRegex(@"(?<=[“«""])\p{L}{4,}(?= \p{L}+ \p{L}+)")]
    private static partial Regex QuoteInSentence();

    [GeneratedRegex(@"(?<=\p{Ll} )\p{Lu}\p{Ll}{3,}")]
    private static partial Regex NameInSentence();
}

internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static string Describe(IReadOnlyList<double> values, string what) =>
        $"{what}: p50 {BenchContext.Ms(Percentile(values, 0.5))}, p90 {BenchContext.Ms(Percentile(values, 0.9))}, " +
        $"p99 {BenchContext.Ms(Percentile(values, 0.99))}, max {BenchContext.Ms(values.Max())}, mean {BenchContext.Ms(values.Average())}";
}
