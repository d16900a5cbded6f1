using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Differential;

namespace NewsLsp.Soak;

public sealed record SoakOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Articles open at once: the seed articles first, then generated ones.</summary>
    public int Documents { get; init; } = 100;
    public int Seed { get; init; } = 1;
    /// <summary>Edits between two text checks; every document edited since the last check is checked. 1 = after every edit.</summary>
    public int CheckEvery { get; init; } = 500;
    /// <summary>
    /// Edits the run sends before it ends, even past <see cref="Duration"/> (up to four times it): on a machine shared
    /// with other work the checks' own engine takes the time, and a short run would otherwise test too little.
    /// </summary>
    public int MinimumEdits { get; init; }
    /// <summary>Upper bound on edits per second (0: as fast as the server takes them).</summary>
    public int MaxEditsPerSecond { get; init; }
    /// <summary>Memory bound: least-squares VmRSS slope over the second half of the samples.</summary>
    public double MaxSlopeMiBPerMinute { get; init; } = 1.0;
    public string ServerDll { get; init; } = SoakRunner.DefaultServerDll();
    public Action<string>? Progress { get; init; }
}

public sealed record Mismatch(long Edit, string Uri, int TextLength, string Expected, string Actual)
{
    public override string ToString() => $"after edit {Edit:N0}, {Uri} ({TextLength} chars):\n  only the engine (client's text): {Expected}\n  only the server:                 {Actual}";
}

public sealed record SoakResult(
    long EditsSent, long Changes, long Checks, TimeSpan Elapsed, IReadOnlyList<(double Seconds, long KiB)> Samples,
    double SlopeMiBPerMinute, long PeakKiB, IReadOnlyList<Mismatch> Mismatches, IReadOnlyList<string> ServerComplaints,
    int? ExitCode, SoakOptions Options)
{
    public double EditsPerSecond => EditsSent / Elapsed.TotalSeconds;
    /// <summary>Where the session's time went: writing edits, waiting for pulls, the in-process engine computing the expected diagnostics.</summary>
    public TimeSpan SendTime { get; init; }
    public TimeSpan ServerWaitTime { get; init; }
    public TimeSpan EngineTime { get; init; }
    /// <summary>Responses received (bytes, count) in the first and the second half of the session: what the server had to build per pull.</summary>
    public (long Bytes, long Count) FirstHalfResponses { get; init; }
    public (long Bytes, long Count) SecondHalfResponses { get; init; }
    /// <summary>Characters in all open articles when the memory sampling started and at the end: the corpus the server holds grows while documents fill up.</summary>
    public long StartChars { get; init; }
    public long EndChars { get; init; }
    /// <summary>The server's OS threads, sampled with VmRSS: most and last.</summary>
    public long PeakThreads { get; init; }
    public long EndThreads { get; init; }
    public long StartKiB => Samples.Count > 0 ? Samples[0].KiB : 0;
    public long EndKiB => Samples.Count > 0 ? Samples[^1].KiB : 0;
    public int SlopeSamples => Samples.Count - Samples.Count / 2;

    /// <summary>
    /// The highest VmRSS of each minute: the GC heap breathes in steps of 10–40 MiB over minutes, which a slope over a
    /// few minutes can read as a trend; a run of minute peaks shows whether it levels off.
    /// </summary>
    public IReadOnlyList<long> PeakPerMinute() =>
        [.. Samples.GroupBy(s => (int)(s.Seconds / 60)).OrderBy(g => g.Key).Select(g => g.Max(s => s.KiB))];

    /// <summary>Enough samples in the second half for a slope to mean something (at least 5).</summary>
    public bool SlopeMeasured => SlopeSamples >= 5;

    public bool Passed => Mismatches.Count == 0 && ServerComplaints.Count == 0 && ExitCode == 0 &&
                          (!SlopeMeasured || SlopeMiBPerMinute < Options.MaxSlopeMiBPerMinute);

    public string Report()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"soak: {Options.Documents} open articles, seed {Options.Seed}, {Elapsed.TotalSeconds:0.0} s");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  edits sent        {EditsSent:N0} in {Changes:N0} didChange/didOpen notifications ({EditsPerSecond:N0} edits/s)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  text checks       {Checks:N0} (pull diagnostics vs the engine on the client's text, every {Options.CheckEvery} edits for each document edited since the last check, and all at the end)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  time              {SendTime.TotalSeconds:0.0} s sending edits, {ServerWaitTime.TotalSeconds:0.0} s waiting for pulls, {EngineTime.TotalSeconds:0.0} s in-process engine (expected diagnostics)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  responses         first half {Mean(FirstHalfResponses):0.0} KiB each ({FirstHalfResponses.Count:N0}), second half {Mean(SecondHalfResponses):0.0} KiB each ({SecondHalfResponses.Count:N0})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  corpus            {StartChars:N0} characters at the start, {EndChars:N0} at the end");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  server threads    peak {PeakThreads}, end {EndThreads}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  mismatches        {Mismatches.Count}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  memory samples    {Samples.Count} (VmRSS every second)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  RSS               start {StartKiB / 1024.0:0.0} MiB, end {EndKiB / 1024.0:0.0} MiB, peak {PeakKiB / 1024.0:0.0} MiB");
        sb.AppendLine("  RSS by minute     " + string.Join(" ", PeakPerMinute().Select(kib => (kib / 1024.0).ToString("0", CultureInfo.InvariantCulture))) + " MiB (peak of each minute)");
        sb.AppendLine(SlopeMeasured
            ? string.Create(CultureInfo.InvariantCulture, $"  slope             {SlopeMiBPerMinute:+0.000;-0.000} MiB/min over the last {SlopeSamples} samples (bound {Options.MaxSlopeMiBPerMinute} MiB/min)")
            : $"  slope             not measured ({SlopeSamples} samples in the second half; 5 needed)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  server warnings   {ServerComplaints.Count}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  exit code         {(ExitCode is { } code ? code.ToString(CultureInfo.InvariantCulture) : "none (did not exit)")}");
        foreach (var complaint in ServerComplaints.Take(5)) sb.AppendLine("  server: " + complaint);
        foreach (var mismatch in Mismatches.Take(5)) sb.AppendLine("  MISMATCH " + mismatch);
        sb.Append(Passed ? "PASS" : "FAIL");
        return sb.ToString();
    }

    private static double Mean((long Bytes, long Count) traffic) => traffic.Count == 0 ? 0 : traffic.Bytes / 1024.0 / traffic.Count;
}

/// <summary>
/// A scripted editing session against the real server: many open articles, random incremental edits (inside quotes
/// and names, CRLF, astral characters, pastes, multi-edit changes, full syncs, close/reopen), VmRSS sampled every
/// second, and the server's text checked through <c>textDocument/diagnostic</c> against the diagnostics the engine
/// computes in-process from the client's own text (no text-reading backdoor in the server).
/// </summary>
public sealed class SoakRunner(SoakOptions options)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);
    private const int MaxMismatchesKept = 50;

    private static readonly string[] Typed =
        ["a", "e", "i", "o", "u", "n", "r", "t", "s", " ", " ", ",", ".", "'", "’", "“", "”", "«", "»", "\"", "\n", "\r\n", "é", "à", "😀", "𝔸", "👩‍👩‍👧", "\u00A0"];

    private readonly Random _random = new(options.Seed);
    private readonly List<string> _uris = [];
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _versions = new(StringComparer.Ordinal);
    /// <summary>Each article's size target (its first text's length): above it, edits replace at least what they insert.</summary>
    private readonly Dictionary<string, int> _targets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    private readonly List<Mismatch> _mismatches = [];
    private IReadOnlyList<string> _seeds = [];
    private WorkspaceSnapshot _expected = WorkspaceSnapshot.Create();
    private long _edits, _changes, _checks;
    private readonly Stopwatch _sendTime = new(), _serverTime = new(), _engineTime = new();

    public static string DefaultServerDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "NewsLsp.sln"))) continue;
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
            return Path.Combine(dir.FullName, "src", "NewsLsp.Cli", "bin", configuration, "net10.0", "newslsp.dll");
        }
        throw new InvalidOperationException("cannot find the repository root above " + AppContext.BaseDirectory);
    }

    public async Task<SoakResult> RunAsync()
    {
        if (!File.Exists(options.ServerDll)) throw new FileNotFoundException("build the server first: dotnet build src/NewsLsp.Cli -c Release", options.ServerDll);
        _seeds = Corpus.Load();
        var folder = Path.Combine(Path.GetTempPath(), "newslsp-soak-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try { return await RunInAsync(folder); }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private async Task<SoakResult> RunInAsync(string folder)
    {
        await using var server = new ServerProcess(options.ServerDll, folder, ["--log-level", "warning"]);
        var root = new Uri(folder + Path.DirectorySeparatorChar).AbsoluteUri;
        await server.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = root,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = root, ["name"] = "soak" }),
            ["capabilities"] = new JsonObject { ["textDocument"] = new JsonObject { ["diagnostic"] = new JsonObject() } },
        }, RequestTimeout);
        await server.NotifyAsync("initialized", new JsonObject());

        for (var i = 0; i < options.Documents; i++)
        {
            var uri = new Uri(Path.Combine(folder, $"articolo-{i:000}.txt")).AbsoluteUri;
            _uris.Add(uri);
            var text = InitialText(i);
            _targets[uri] = Math.Clamp(text.Length, MinChars, MaxChars);
            await OpenAsync(server, uri, text);
        }
        await CheckAsync(server, _uris);

        var startChars = _texts.Values.Sum(t => (long)t.Length);
        var samples = new List<(double, long)>();
        long peakThreads = 0, endThreads = 0;
        var clock = Stopwatch.StartNew();
        using var stopSampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            do
            {
                try
                {
                    var threads = server.ThreadCount();
                    lock (samples)
                    {
                        samples.Add((clock.Elapsed.TotalSeconds, server.ResidentKiB()));
                        (peakThreads, endThreads) = (Math.Max(peakThreads, threads), threads);
                    }
                }
                catch (IOException) { return; }   // the process is gone; the session reports it
            } while (await timer.WaitForNextTickAsync(stopSampling.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result));
        });

        var lastCheck = 0L;
        var lastProgress = TimeSpan.Zero;
        var startTraffic = server.ResponseTraffic;
        (long Bytes, long Count)? halfTraffic = null;
        var lastTraffic = startTraffic;
        while ((clock.Elapsed < options.Duration || _edits < options.MinimumEdits && clock.Elapsed < options.Duration * 4) && !server.HasExited)
        {
            _sendTime.Start();
            await StepAsync(server);
            _sendTime.Stop();
            if (_edits - lastCheck >= options.CheckEvery)
            {
                lastCheck = _edits;
                await CheckAsync(server, [.. _dirty]);
            }
            if (options.MaxEditsPerSecond > 0)
            {
                var ahead = TimeSpan.FromSeconds((double)_edits / options.MaxEditsPerSecond) - clock.Elapsed;
                if (ahead > TimeSpan.FromMilliseconds(5)) await Task.Delay(ahead);
            }
            if (halfTraffic is null && clock.Elapsed >= options.Duration / 2) halfTraffic = server.ResponseTraffic;
            if (options.Progress is { } progress && clock.Elapsed - lastProgress >= TimeSpan.FromSeconds(10))
            {
                lastProgress = clock.Elapsed;
                long rss, threads;
                lock (samples) (rss, threads) = (samples.Count > 0 ? samples[^1].Item2 : 0, endThreads);
                var traffic = server.ResponseTraffic;
                var (bytes, count) = (traffic.Bytes - lastTraffic.Bytes, traffic.Count - lastTraffic.Count);
                lastTraffic = traffic;
                progress(string.Create(CultureInfo.InvariantCulture,
                    $"  {clock.Elapsed.TotalSeconds,5:0} s: {_edits:N0} edits ({_edits / clock.Elapsed.TotalSeconds:N0}/s), {_checks:N0} checks, {_mismatches.Count} mismatches, RSS {rss / 1024.0:0.0} MiB, {threads} threads, corpus {_texts.Values.Sum(t => (long)t.Length):N0} chars, responses {(count == 0 ? 0 : bytes / 1024.0 / count):0.0} KiB each"));
            }
        }
        var elapsed = clock.Elapsed;
        var endTraffic = server.ResponseTraffic;
        var half = halfTraffic ?? endTraffic;
        if (!server.HasExited) await CheckAsync(server, _uris);
        await stopSampling.CancelAsync();
        await sampler;

        int? exitCode = null;
        if (!server.HasExited)
        {
            try { exitCode = await server.ShutdownAndExitAsync(RequestTimeout); }
            catch (OperationCanceledException) { }
        }
        else exitCode = -1;

        var complaints = server.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        complaints.AddRange(server.Notifications
            .Where(n => (string?)n["method"] is "window/showMessage" or "window/logMessage" && n["params"]?["type"]?.GetValue<int>() is 1 or 2)
            .Select(n => "(" + (string?)n["method"] + ") " + (string?)n["params"]!["message"]));
        List<(double Seconds, long KiB)> taken;
        lock (samples) taken = [.. samples];
        return new SoakResult(_edits, _changes, _checks, elapsed, taken, Slope(taken), taken.Count > 0 ? taken.Max(s => s.KiB) : 0,
            _mismatches, complaints, exitCode, options)
        {
            SendTime = _sendTime.Elapsed, ServerWaitTime = _serverTime.Elapsed, EngineTime = _engineTime.Elapsed,
            FirstHalfResponses = (half.Bytes - startTraffic.Bytes, half.Count - startTraffic.Count),
            SecondHalfResponses = (endTraffic.Bytes - half.Bytes, endTraffic.Count - half.Count),
            StartChars = startChars, EndChars = _texts.Values.Sum(t => (long)t.Length),
            PeakThreads = peakThreads, EndThreads = endThreads,
        };
    }

    /// <summary>Least-squares slope of VmRSS over the second half of the samples, in MiB per minute.</summary>
    public static double Slope(IReadOnlyList<(double Seconds, long KiB)> samples)
    {
        var half = samples.Skip(samples.Count / 2).ToList();
        if (half.Count < 2) return 0;
        var meanT = half.Average(s => s.Seconds);
        var meanM = half.Average(s => s.KiB / 1024.0);
        var num = half.Sum(s => (s.Seconds - meanT) * (s.KiB / 1024.0 - meanM));
        var den = half.Sum(s => (s.Seconds - meanT) * (s.Seconds - meanT));
        return den == 0 ? 0 : num / den * 60;
    }

    // ---- the session ----

    private async Task OpenAsync(ServerProcess server, string uri, string text)
    {
        _texts[uri] = text;
        _versions[uri] = _versions.GetValueOrDefault(uri) + 1;
        _dirty.Add(uri);
        _changes++;
        await server.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "plaintext", ["version"] = _versions[uri], ["text"] = text },
        });
    }

    private async Task StepAsync(ServerProcess server)
    {
        // A few hot documents get most edits (the one being written), the rest occasional touches.
        var index = _random.Next(4) == 0 ? _random.Next(_uris.Count) : _random.Next(Math.Min(8, _uris.Count));
        var uri = _uris[index];
        var text = _texts[uri];
        var roll = _random.Next(1000);
        if (roll < 10)
        {
            // Close and reopen: the temp folder has no file, so the server forgets the document in between.
            _changes++;
            await server.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
            _expected = _expected.WithoutDocument(new DocumentKey(uri));
            _edits++;
            await OpenAsync(server, uri, roll < 3 ? InitialText(_random.Next(1000)) : text);
            return;
        }
        if (roll < 30)
        {
            // Full sync: the whole new text in one change (line endings rewritten, or a typing edit).
            var full = roll < 18 ? Model.WithLineEndings(text, crlf: _random.Next(2) == 0) : Model.Apply(text, Spec(text, _targets[uri]));
            await ChangeAsync(server, uri, full, [new JsonObject { ["text"] = full }]);
            _edits++;
            return;
        }
        var count = roll < 150 ? 2 + _random.Next(3) : 1;
        var changes = new List<JsonObject>();
        for (var i = 0; i < count; i++)
        {
            var spec = Spec(text, _targets[uri]);
            var (range, _, _) = Model.Resolve(text, spec);
            text = Model.Apply(text, spec);
            changes.Add(new JsonObject
            {
                ["range"] = new JsonObject
                {
                    ["start"] = new JsonObject { ["line"] = range.Start.Line, ["character"] = range.Start.Character },
                    ["end"] = new JsonObject { ["line"] = range.End.Line, ["character"] = range.End.Character },
                },
                ["text"] = spec.Insert,
            });
        }
        await ChangeAsync(server, uri, text, changes);
        _edits += count;
    }

    private async Task ChangeAsync(ServerProcess server, string uri, string newText, List<JsonObject> changes)
    {
        _texts[uri] = newText;
        _versions[uri]++;
        _dirty.Add(uri);
        _changes++;
        await server.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = _versions[uri] },
            ["contentChanges"] = new JsonArray([.. changes]),
        });
    }

    private const int MinChars = 300, MaxChars = 12_000;

    /// <summary>
    /// One edit, mostly typing-sized. Below <paramref name="target"/> characters edits are as they come (pastes
    /// outweigh deletions, so the text grows); above it every edit replaces at least as much as it inserts (a paste
    /// over a selection, typing over a word), so each article hovers around its target and the corpus stays the
    /// same size: the memory slope then measures the server, not the articles filling up.
    /// </summary>
    private EditSpec Spec(string text, int target)
    {
        var anchor = _random.Next(100) switch
        {
            < 50 => Anchor.Fraction,
            < 65 => Anchor.InsideQuote,
            < 82 => Anchor.InsideName,
            < 88 => Anchor.Start,
            _ => Anchor.End,
        };
        var position = Math.Round(_random.NextDouble(), 4);
        // Inserts at the very end replace nothing, so they can still push a text past its target: cut it back.
        if (text.Length > Math.Min(MaxChars, target + 200)) return new EditSpec(Anchor.Fraction, position, 50 + _random.Next(450), "", 0);
        if (text.Length < MinChars) return new EditSpec(anchor, position, 0, Paste(), 0);
        var kind = _random.Next(100);
        var length = kind switch { < 60 => 0, < 90 => 1 + _random.Next(3), < 98 => 4 + _random.Next(40), _ => 40 + _random.Next(300) };
        var insert = _random.Next(100) switch
        {
            < 55 => Typed[_random.Next(Typed.Length)],
            < 80 => Generator.Fragments[_random.Next(Generator.Fragments.Length)],
            < 95 => length > 0 ? "" : Typed[_random.Next(Typed.Length)],
            _ => Paste(),
        };
        if (text.Length > target) length = Math.Max(length, insert.Length);
        // An editor never splits a surrogate pair; a lone surrogate cannot be sent as valid UTF-8 JSON either.
        var overshoot = _random.Next(50) == 0 ? 1 + _random.Next(20) : 0;
        return new EditSpec(anchor, position, length, insert, overshoot);
    }

    private string Paste()
    {
        var source = _seeds[_random.Next(_seeds.Count)];
        var start = _random.Next(source.Length);
        var paste = source.Substring(start, Math.Min(source.Length - start, 1 + _random.Next(800)));
        return _random.Next(4) == 0 ? Model.WithLineEndings(paste, crlf: true) : paste;
    }

    /// <summary>The seed articles as they are, then articles assembled from their lines with fragments, CRLF and astral characters.</summary>
    private string InitialText(int i)
    {
        if (i < _seeds.Count) return _seeds[i];
        var random = new Random(options.Seed * 7919 + i);
        var lines = _seeds.SelectMany(s => s.Split('\n')).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        var sb = new StringBuilder();
        sb.Append("Articolo ").Append(i).Append(": ").Append(lines[random.Next(lines.Count)]).Append('\n');
        var count = 6 + random.Next(20);
        for (var k = 0; k < count; k++)
        {
            sb.Append(lines[random.Next(lines.Count)]);
            if (random.Next(3) == 0) sb.Append(' ').Append(Generator.Fragments[random.Next(Generator.Fragments.Length)]);
            if (random.Next(8) == 0) sb.Append(" 😀 𝔸");
            sb.Append(random.Next(4) == 0 ? "\n\n" : "\n");
        }
        var text = sb.ToString();
        return random.Next(3) == 0 ? Model.WithLineEndings(text, crlf: true) : text;
    }

    // ---- the check ----

    /// <summary>Pulls diagnostics for <paramref name="uris"/> (all in flight at once) and compares each with the engine's on the client's text.</summary>
    private async Task CheckAsync(ServerProcess server, IReadOnlyList<string> uris)
    {
        var pulls = uris.Select(uri => (Uri: uri, Response: server.RequestAsync("textDocument/diagnostic",
            new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }, RequestTimeout))).ToList();
        _engineTime.Start();
        foreach (var uri in _dirty) _expected = _expected.WithDocumentText(new DocumentKey(uri), SourceText.From(_texts[uri]));
        _dirty.Clear();
        _engineTime.Stop();
        var resync = new List<string>();
        foreach (var (uri, pending) in pulls)
        {
            _engineTime.Start();
            var expected = _expected.GetDiagnostics(new DocumentKey(uri)).Select(d =>
                $"{d.Range.Start.Line}:{d.Range.Start.Character}-{d.Range.End.Line}:{d.Range.End.Character} {d.Id} {d.Message}").Order(StringComparer.Ordinal).ToList();
            _engineTime.Stop();
            _serverTime.Start();
            var response = await pending;
            _serverTime.Stop();
            _checks++;
            var actual = response["result"]?["items"] is JsonArray items
                ? items.Select(d =>
                {
                    var r = d!["range"]!;
                    return $"{r["start"]!["line"]}:{r["start"]!["character"]}-{r["end"]!["line"]}:{r["end"]!["character"]} {d["code"]} {d["message"]}";
                }).Order(StringComparer.Ordinal).ToList()
                : ["no result: " + response.ToJsonString()];
            if (expected.SequenceEqual(actual)) continue;
            // Only what differs: diagnostics missing from the server, and diagnostics only the server has.
            var missing = string.Join(" | ", expected.Except(actual));
            var extra = string.Join(" | ", actual.Except(expected));
            if (missing.Length + extra.Length == 0) { missing = $"{expected.Count} diagnostics"; extra = $"{actual.Count} diagnostics (duplicates differ)"; }
            _mismatches.Add(_mismatches.Count < MaxMismatchesKept
                ? new Mismatch(_edits, uri, _texts[uri].Length, missing, extra)
                : new Mismatch(_edits, uri, _texts[uri].Length, "", ""));
            resync.Add(uri);
        }
        // A diverged document is re-sent whole so later mismatches are independent findings, not the same one again.
        foreach (var uri in resync) await ChangeAsync(server, uri, _texts[uri], [new JsonObject { ["text"] = _texts[uri] }]);
    }
}
