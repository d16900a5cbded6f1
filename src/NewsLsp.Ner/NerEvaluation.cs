namespace NewsLsp.Ner;

/// <summary>
/// Scores predicted BIO tags against gold two ways. Token level is the official NERMuD measure: strip B-/I- and
/// count, per token, a true positive when gold and predicted types agree, a false positive for a predicted type
/// that is wrong, a false negative for a gold type that was missed. Span level is conlleval's exact match: a
/// predicted entity counts only if its type and both boundaries equal a gold entity.
/// </summary>
public sealed class NerEvaluation
{
    private readonly Dictionary<string, NerScore> _tokenScores = NerTags.EntityTypes.ToDictionary(t => t, _ => default(NerScore));
    private readonly Dictionary<string, NerScore> _spanScores = NerTags.EntityTypes.ToDictionary(t => t, _ => default(NerScore));

    public long Sentences { get; private set; }

    public long Tokens { get; private set; }

    /// <summary>Token-level micro-averaged score over PER, LOC and ORG (NERMuD official).</summary>
    public NerScore TokenMicro => _tokenScores.Values.Aggregate(default(NerScore), (a, b) => a + b);

    /// <summary>Span-level exact-match micro-averaged score (conlleval).</summary>
    public NerScore SpanMicro => _spanScores.Values.Aggregate(default(NerScore), (a, b) => a + b);

    public IReadOnlyDictionary<string, NerScore> TokenByType => _tokenScores;

    public IReadOnlyDictionary<string, NerScore> SpanByType => _spanScores;

    public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        if (gold.Count != predicted.Count) throw new ArgumentException("Gold and predicted tag sequences differ in length.");
        Sentences++;
        Tokens += gold.Count;
        for (var i = 0; i < gold.Count; i++)
        {
            var goldType = NerTags.TypeOf(gold[i]);
            var predictedType = NerTags.TypeOf(predicted[i]);
            if (goldType is not null && goldType == predictedType)
            {
                Bump(_tokenScores, goldType, tp: 1);
                continue;
            }
            if (predictedType is not null) Bump(_tokenScores, predictedType, fp: 1);
            if (goldType is not null) Bump(_tokenScores, goldType, fn: 1);
        }

        var goldSpans = Spans(gold);
        var predictedSpans = Spans(predicted);
        foreach (var span in predictedSpans)
        {
            if (goldSpans.Contains(span)) Bump(_spanScores, span.Type, tp: 1);
            else Bump(_spanScores, span.Type, fp: 1);
        }
        foreach (var span in goldSpans)
        {
            if (!predictedSpans.Contains(span)) Bump(_spanScores, span.Type, fn: 1);
        }
    }

    /// <summary>Entity spans as conlleval reads them: B- starts one, and so does an I- whose type differs from the open one.</summary>
    public static HashSet<(int Start, int End, string Type)> Spans(IReadOnlyList<string> tags)
    {
        var spans = new HashSet<(int, int, string)>();
        var start = -1;
        string? open = null;
        for (var i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : NerTags.Outside;
            var type = NerTags.TypeOf(tag);
            var continues = type is not null && type == open && tag[0] == 'I';
            if (continues) continue;
            if (open is not null) spans.Add((start, i, open));
            open = type;
            start = i;
        }
        return spans;
    }

    private static void Bump(Dictionary<string, NerScore> scores, string type, long tp = 0, long fp = 0, long fn = 0)
    {
        if (!scores.TryGetValue(type, out var score)) return;
        scores[type] = score + new NerScore(tp, fp, fn);
    }
}
