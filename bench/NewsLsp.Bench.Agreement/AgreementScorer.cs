using System.Text.Json;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;

namespace NewsLsp.Bench.Agreement;

/// <summary>
/// Scores an <see cref="AgreementIndex"/> against the hand-checked facts (gold/seeds.facts.json). Document keys are
/// the seed file names.
/// <list type="bullet">
/// <item>Events: the predicted multi-article events must equal the gold events as sets of files (exact).</item>
/// <item>Quote groups: only groups rendered by two or more sources are scored (gold lists no single-source quote).
/// A predicted group matches a gold group when every gold variant overlaps a predicted variant in the same file and
/// every predicted variant overlaps a gold variant. Matching is one-to-one.</item>
/// <item>Number facts: a predicted fact matches a gold fact when, for every gold file, one of the predicted mentions
/// in that file overlaps the gold span, and the predicted fact mentions no other file. Precision counts every
/// predicted fact in the events.</item>
/// </list>
/// </summary>
public static class AgreementScorer
{
    public sealed record Figures(bool EventsExact, int GoldEvents, int PredictedEvents,
        int GoldQuoteGroups, int PredictedQuoteGroups, int MatchedQuoteGroups, int SpeakersRight,
        int GoldNumbers, int PredictedNumbers, int MatchedNumbers, int AgreementLabelsRight,
        IReadOnlyList<string> MissedQuotes, IReadOnlyList<string> MissedNumbers, IReadOnlyList<string> ExtraQuotes, IReadOnlyList<string> ExtraNumbers)
    {
        public double QuotePrecision => PredictedQuoteGroups == 0 ? 1 : (double)MatchedQuoteGroups / PredictedQuoteGroups;
        public double QuoteRecall => GoldQuoteGroups == 0 ? 1 : (double)MatchedQuoteGroups / GoldQuoteGroups;
        public double NumberPrecision => PredictedNumbers == 0 ? 1 : (double)MatchedNumbers / PredictedNumbers;
        public double NumberRecall => GoldNumbers == 0 ? 1 : (double)MatchedNumbers / GoldNumbers;

        public override string ToString() =>
            $"events: {(EventsExact ? "exact" : "WRONG")} ({PredictedEvents} predicted, {GoldEvents} gold)\n" +
            $"quote groups: precision {QuotePrecision:0.000} ({MatchedQuoteGroups}/{PredictedQuoteGroups}), recall {QuoteRecall:0.000} ({MatchedQuoteGroups}/{GoldQuoteGroups}), speaker right for {SpeakersRight}/{MatchedQuoteGroups} matched\n" +
            $"number facts: precision {NumberPrecision:0.000} ({MatchedNumbers}/{PredictedNumbers}), recall {NumberRecall:0.000} ({MatchedNumbers}/{GoldNumbers}), agreement label right for {AgreementLabelsRight}/{MatchedNumbers} matched";
    }

    private sealed record Span(string File, int Start, int End)
    {
        public bool Overlaps(Span other) => File == other.File && Start < other.End && other.Start < End;
    }

    /// <param name="speakerOf">The speaker identity of a group (entity id), to compare with the gold speaker; null skips it.</param>
    /// <param name="snapshot">Where the index's quotes and numbers are (the snapshot it was computed from).</param>
    public static Figures Score(WorkspaceSnapshot snapshot, AgreementIndex index, JsonElement gold, Func<QuoteGroup, string?>? speakerOf = null)
    {
        var goldEvents = gold.GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).Order().ToList()).ToList();
        var predictedEvents = index.Events.Where(e => e.IsMultiSource).Select(e => e.Documents.Select(d => d.Value).Order().ToList()).ToList();
        var eventsExact = goldEvents.Count == predictedEvents.Count
            && goldEvents.All(g => predictedEvents.Any(p => p.SequenceEqual(g)));

        // Quote groups.
        var goldQuotes = gold.GetProperty("quotes").EnumerateArray().Select(q => (Id: q.GetProperty("id").GetString()!,
            Speaker: q.GetProperty("speaker").GetString(),
            Spans: q.GetProperty("variants").EnumerateArray().Select(v => new Span(v.GetProperty("file").GetString()!, v.GetProperty("start").GetInt32(), v.GetProperty("end").GetInt32())).ToList())).ToList();
        var predictedQuotes = index.QuoteGroups.Where(g => g.SourceCount >= 2).Select(g => (g.Id, Group: g,
            Spans: g.Variants.Select(v => v.SpanIn(snapshot)).Zip(g.Variants, (s, v) => new Span(v.Document.Value, s.Start, s.End)).ToList())).ToList();
        var usedGold = new HashSet<string>();
        var extraQuotes = new List<string>();
        var speakersRight = 0;
        foreach (var predicted in predictedQuotes)
        {
            var match = goldQuotes.FirstOrDefault(g => !usedGold.Contains(g.Id)
                && g.Spans.All(s => predicted.Spans.Any(s.Overlaps)) && predicted.Spans.All(p => g.Spans.Any(p.Overlaps)));
            if (match.Id is null) extraQuotes.Add(predicted.Id + ": " + string.Join(" | ", predicted.Spans.Select(s => $"{s.File[..3]}@{s.Start}")));
            else
            {
                usedGold.Add(match.Id);
                if (speakerOf is not null && speakerOf(predicted.Group) == match.Speaker) speakersRight++;
            }
        }
        var missedQuotes = goldQuotes.Where(g => !usedGold.Contains(g.Id)).Select(g => g.Id).ToList();

        // Number facts.
        var goldNumbers = gold.GetProperty("numbers").EnumerateArray().Select(n => (Id: n.GetProperty("id").GetString()!,
            Agreement: n.GetProperty("agreement").GetString()!,
            Spans: n.GetProperty("files").EnumerateObject().Select(f => new Span(f.Name, f.Value.GetProperty("start").GetInt32(), f.Value.GetProperty("end").GetInt32())).ToList())).ToList();
        var usedNumbers = new HashSet<string>();
        var extraNumbers = new List<string>();
        var labelsRight = 0;
        foreach (var fact in index.NumberFacts)
        {
            var spans = fact.Mentions.Select(m => (m.Document, Span: m.SpanIn(snapshot))).Select(m => new Span(m.Document.Value, m.Span.Start, m.Span.End)).ToList();
            var files = spans.Select(s => s.File).ToHashSet();
            var match = goldNumbers.FirstOrDefault(g => !usedNumbers.Contains(g.Id)
                && g.Spans.All(s => spans.Any(s.Overlaps)) && files.SetEquals(g.Spans.Select(s => s.File)));
            if (match.Id is null) { extraNumbers.Add($"{fact.Id} {fact.Claim} [{fact.Agreement}]: " + string.Join(" | ", fact.Mentions.Select(m => $"{m.Document.Value[..3]}@{m.SpanIn(snapshot).Start} '{m.Number.Text}'"))); continue; }
            usedNumbers.Add(match.Id);
            var label = fact.Agreement switch { NumberAgreement.Agree => "agree", NumberAgreement.Conflict => "conflict", _ => "single-source" };
            if (label == match.Agreement) labelsRight++;
        }
        var missedNumbers = goldNumbers.Where(g => !usedNumbers.Contains(g.Id)).Select(g => g.Id).ToList();

        return new Figures(eventsExact, goldEvents.Count, predictedEvents.Count,
            goldQuotes.Count, predictedQuotes.Count, usedGold.Count, speakersRight,
            goldNumbers.Count, index.NumberFacts.Length, usedNumbers.Count, labelsRight,
            missedQuotes, missedNumbers, extraQuotes, extraNumbers);
    }
}
