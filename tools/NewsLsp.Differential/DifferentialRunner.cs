using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Text;

namespace NewsLsp.Differential;

/// <summary>A step after which incremental and from-scratch analysis disagree (or the incremental side threw).</summary>
public sealed record Difference(int Step, Operation Operation, string What, string Expected, string Actual)
{
    public override string ToString() =>
        $"step {Step} ({Operation}): {What}\n  from scratch: {Expected}\n  incremental:  {Actual}";
}

public sealed record DifferentialResult(
    int Seed, int Steps, long Comparisons, long EditsApplied, TimeSpan Elapsed, Difference? Difference,
    IReadOnlyList<Operation>? Shrunk, Difference? ShrunkDifference, IReadOnlyList<string> InitialTexts)
{
    /// <summary>A report a person can act on: seed, step, replay command and the shrunk case.</summary>
    public string Report()
    {
        var sb = new StringBuilder();
        if (Difference is null)
        {
            sb.Append($"seed {Seed}: {Steps:N0} steps, {EditsApplied:N0} edits, {Comparisons:N0} comparisons, 0 differences ({Elapsed.TotalSeconds:0.0} s)");
            return sb.ToString();
        }
        sb.AppendLine($"DIFFERENCE with seed {Seed} at {Difference}");
        sb.AppendLine($"replay: dotnet run --project tools/NewsLsp.Differential -c Release -- --seed {Seed} --steps {Difference.Step + 1}");
        if (Shrunk is not null)
        {
            sb.AppendLine($"shrunk to {Shrunk.Count} operation(s) on the initial documents ({string.Join(", ", InitialTexts.Select((t, i) => $"doc{i}: {t.Length} chars"))}):");
            for (var i = 0; i < Shrunk.Count; i++) sb.AppendLine($"  {i}: {Shrunk[i]}");
            if (ShrunkDifference is not null) sb.AppendLine($"which fails at {ShrunkDifference}");
        }
        return sb.ToString();
    }
}

/// <summary>
/// Drives a workspace through random operations and, after every one, compares the incremental snapshot with a
/// snapshot built from scratch out of the same texts: text, syntax, article facts, diagnostics of every document
/// and corpus facts (see <see cref="Facts"/>). On a difference it shrinks the operation sequence by delta debugging.
/// </summary>
public sealed class DifferentialRunner(Facts facts, AnalyzerCatalog? catalog = null)
{
    private readonly AnalyzerCatalog _catalog = catalog ?? AnalyzerCatalog.Default;

    public static DocumentKey KeyOf(int document) => new($"doc{document}.txt");

    public DifferentialResult Run(int seed, int steps, IReadOnlyList<string> initialTexts, IReadOnlyList<string> pastes,
        bool shrink = true, TimeSpan? shrinkBudget = null, Action<int>? progress = null)
    {
        var generator = new Generator(seed, initialTexts.Count, pastes);
        var operations = new List<Operation>();
        var stopwatch = Stopwatch.StartNew();
        var session = new Session(this, initialTexts);
        for (var step = 0; step < steps; step++)
        {
            var operation = generator.Next();
            operations.Add(operation);
            var difference = session.Apply(step, operation);
            if (step % 1000 == 999) progress?.Invoke(step + 1);
            if (difference is null) continue;

            stopwatch.Stop();
            IReadOnlyList<Operation>? shrunk = null;
            Difference? shrunkDifference = null;
            if (shrink)
            {
                shrunk = Shrink(initialTexts, operations, shrinkBudget ?? TimeSpan.FromMinutes(2));
                shrunkDifference = Replay(initialTexts, shrunk);
            }
            return new DifferentialResult(seed, step + 1, session.Comparisons, session.Edits, stopwatch.Elapsed, difference, shrunk, shrunkDifference, initialTexts);
        }
        return new DifferentialResult(seed, steps, session.Comparisons, session.Edits, stopwatch.Elapsed, null, null, null, initialTexts);
    }

    /// <summary>Runs a fixed sequence; the first difference, or null.</summary>
    public Difference? Replay(IReadOnlyList<string> initialTexts, IReadOnlyList<Operation> operations)
    {
        var session = new Session(this, initialTexts);
        for (var step = 0; step < operations.Count; step++)
        {
            if (session.Apply(step, operations[step]) is { } difference) return difference;
        }
        return null;
    }

    /// <summary>
    /// Delta debugging (ddmin) over the operation sequence, then over the edits inside each operation: the
    /// smallest sequence found within the budget that still shows a difference.
    /// </summary>
    public IReadOnlyList<Operation> Shrink(IReadOnlyList<string> initialTexts, IReadOnlyList<Operation> failing, TimeSpan budget)
    {
        var deadline = Stopwatch.StartNew();
        bool Fails(IReadOnlyList<Operation> candidate) => Replay(initialTexts, candidate) is not null;

        var current = failing.ToList();
        var n = 2;
        while (current.Count >= 2 && deadline.Elapsed < budget)
        {
            var chunk = (int)Math.Ceiling(current.Count / (double)n);
            var reduced = false;
            for (var i = 0; i < n && deadline.Elapsed < budget; i++)
            {
                var complement = current.Take(i * chunk).Concat(current.Skip((i + 1) * chunk)).ToList();
                if (complement.Count == current.Count || !Fails(complement)) continue;
                current = complement;
                n = Math.Max(n - 1, 2);
                reduced = true;
                break;
            }
            if (reduced) continue;
            if (n >= current.Count) break;
            n = Math.Min(current.Count, n * 2);
        }

        // Then simplify each remaining operation (fewer edits, shorter inserted text) until nothing changes.
        for (var progress = true; progress && deadline.Elapsed < budget;)
        {
            progress = false;
            for (var i = 0; i < current.Count && deadline.Elapsed < budget; i++)
            {
                foreach (var simpler in Simplifications(current[i]))
                {
                    if (deadline.Elapsed >= budget) break;
                    var candidate = current.ToList();
                    candidate[i] = simpler;
                    if (!Fails(candidate)) continue;
                    current = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return current;
    }

    private static IEnumerable<Operation> Simplifications(Operation operation)
    {
        switch (operation)
        {
            case EditOperation e:
                if (e.Edits.Length > 1) for (var k = 0; k < e.Edits.Length; k++) yield return e with { Edits = e.Edits.RemoveAt(k) };
                for (var k = 0; k < e.Edits.Length; k++)
                    foreach (var spec in Simpler(e.Edits[k])) yield return e with { Edits = e.Edits.SetItem(k, spec) };
                break;
            case BurstOperation b:
                if (b.Edits.Length > 1) for (var k = 0; k < b.Edits.Length; k++) yield return b with { Edits = b.Edits.RemoveAt(k) };
                yield return new EditOperation(b.Document, b.Edits, FullSync: false);
                for (var k = 0; k < b.Edits.Length; k++)
                    foreach (var spec in Simpler(b.Edits[k])) yield return b with { Edits = b.Edits.SetItem(k, spec) };
                break;
            case ReplaceAllOperation { Text.Length: > 1 } r:
                yield return r with { Text = r.Text[..(r.Text.Length / 2)] };
                yield return r with { Text = r.Text[(r.Text.Length / 2)..] };
                break;
        }
    }

    private static IEnumerable<EditSpec> Simpler(EditSpec spec)
    {
        if (spec.Insert.Length > 1)
        {
            yield return spec with { Insert = spec.Insert[..(spec.Insert.Length / 2)] };
            yield return spec with { Insert = spec.Insert[(spec.Insert.Length / 2)..] };
        }
        if (spec.Length > 0) yield return spec with { Length = spec.Length / 2 };
        if (spec.Overshoot > 0) yield return spec with { Overshoot = 0 };
    }

    private WorkspaceSnapshot FromScratch(IReadOnlyList<string?> texts)
    {
        var snapshot = WorkspaceSnapshot.Create(_catalog);
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] is { } text) snapshot = snapshot.WithDocumentText(KeyOf(i), SourceText.From(text));
        }
        return snapshot;
    }

    /// <summary>One run: the incremental workspace, the client-side model of the texts, and a short history to revisit.</summary>
    private sealed class Session
    {
        private readonly DifferentialRunner _runner;
        private readonly string?[] _texts;
        private readonly int[] _versions;
        private readonly Queue<(WorkspaceSnapshot Snapshot, string?[] Texts)> _history = new();
        private WorkspaceSnapshot _snapshot;

        public Session(DifferentialRunner runner, IReadOnlyList<string> initialTexts)
        {
            _runner = runner;
            _texts = [.. initialTexts];
            _versions = new int[initialTexts.Count];
            _snapshot = runner.FromScratch(_texts);
        }

        public long Comparisons { get; private set; }
        public long Edits { get; private set; }

        public Difference? Apply(int step, Operation operation)
        {
            var touched = new HashSet<DocumentKey>();
            try
            {
                if (operation is RevisitOperation revisit) return Revisit(step, revisit);
                var d = operation.Document;
                var key = KeyOf(d);
                touched.Add(key);
                switch (operation)
                {
                    case EditOperation edit when _texts[d] is null || edit.FullSync:
                        var model = _texts[d] ?? "";
                        foreach (var spec in edit.Edits) model = Model.Apply(model, spec);
                        SetText(d, model);
                        Edits += edit.Edits.Length;
                        break;
                    case EditOperation edit:
                        ApplyEdits(d, edit.Edits);
                        break;
                    case BurstOperation burst:
                        if (_texts[d] is null) SetText(d, "");
                        foreach (var spec in burst.Edits) ApplyEdits(d, [spec]);
                        break;
                    case ReplaceAllOperation replace:
                        SetText(d, replace.Text);
                        Edits++;
                        break;
                    case LineEndingsOperation endings when _texts[d] is { } text:
                        SetText(d, Model.WithLineEndings(text, endings.Crlf));
                        Edits++;
                        break;
                    case RemoveOperation:
                        _snapshot = _snapshot.WithoutDocument(key);
                        _texts[d] = null;
                        break;
                    case BumpVersionOperation when _texts[d] is { } text:
                        _snapshot = _snapshot.WithDocumentText(key, SourceText.From(text), ++_versions[d]);
                        break;
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return new Difference(step, operation, "the incremental side threw", "no exception", ex.ToString());
            }

            _history.Enqueue((_snapshot, (string?[])_texts.Clone()));
            if (_history.Count > 8) _history.Dequeue();
            return Compare(step, operation, _snapshot, _texts, touched, order: step);
        }

        private Difference? Revisit(int step, RevisitOperation revisit)
        {
            if (_history.Count == 0) return null;
            var (snapshot, texts) = _history.ElementAt(Math.Max(0, _history.Count - 1 - revisit.Back));
            return Compare(step, revisit, snapshot, texts, null, order: step + 1);
        }

        private void SetText(int d, string text)
        {
            _snapshot = _snapshot.WithDocumentText(KeyOf(d), SourceText.From(text), ++_versions[d]);
            _texts[d] = text;
        }

        private void ApplyEdits(int d, ImmutableArray<EditSpec> specs)
        {
            var model = _texts[d]!;
            var edits = new List<TextEdit>();
            foreach (var spec in specs)
            {
                var (range, _, _) = Model.Resolve(model, spec);
                edits.Add(new TextEdit(range, spec.Insert));
                model = Model.Apply(model, spec);
            }
            _snapshot = _snapshot.WithDocumentEdits(KeyOf(d), edits, ++_versions[d]);
            _texts[d] = model;
            Edits += specs.Length;
        }

        private Difference? Compare(int step, Operation operation, WorkspaceSnapshot snapshot, string?[] texts,
            HashSet<DocumentKey>? touched, int order)
        {
            Comparisons++;
            for (var i = 0; i < texts.Length; i++)
            {
                var article = snapshot.GetArticle(KeyOf(i));
                var actual = article?.Text.ToString();
                if (actual != texts[i])
                {
                    var at = 0;
                    var expectedText = texts[i] ?? "";
                    var actualText = actual ?? "";
                    while (at < Math.Min(expectedText.Length, actualText.Length) && expectedText[at] == actualText[at]) at++;
                    return new Difference(step, operation, $"text of doc{i} differs from the client's at offset {at}",
                        Show(texts[i], at), Show(actual, at));
                }
            }
            var fresh = _runner.FromScratch(texts);
            string expected, incremental;
            try
            {
                incremental = _runner._facts.Dump(snapshot, touched, order);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return new Difference(step, operation, "analysing the incremental snapshot threw", "no exception", ex.ToString());
            }
            expected = _runner._facts.Dump(fresh, touched, 0);
            if (expected == incremental) return null;
            var (e, a) = FirstDifferingLine(expected, incremental);
            return new Difference(step, operation, "facts differ", e, a);
        }

        private static string Show(string? text, int at)
        {
            if (text is null) return "(absent)";
            var from = Math.Max(0, at - 60);
            return $"{text.Length} chars, from offset {from}: " + EditSpec.Quote(text.Substring(from, Math.Min(160, text.Length - from)));
        }

        private static (string Expected, string Actual) FirstDifferingLine(string expected, string actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
            {
                var x = i < e.Length ? e[i] : "(missing)";
                var y = i < a.Length ? a[i] : "(missing)";
                if (x == y) continue;
                var at = 0;
                while (at < Math.Min(x.Length, y.Length) && x[at] == y[at]) at++;
                var from = Math.Max(0, at - 120);
                return ($"line {i}: …{Cut(x, from)}", $"line {i}: …{Cut(y, from)}");
            }
            return ("(equal)", "(equal)");
        }

        private static string Cut(string s, int from) => from >= s.Length ? "" : s.Substring(from, Math.Min(400, s.Length - from));
    }

    private Facts _facts => facts;
}
