using System.Text.Json;

namespace NewsLsp.Bench.Entities;

/// <summary>A mention to score: the file's name (no folder), its span and type, and the entity it was put in.</summary>
public sealed record ScoredMention(string File, int Start, int End, string Type, string EntityId);

/// <summary>
/// Scores system mentions against gold. Mentions: precision, recall and F1 of exact (file, span, type) matches.
/// Linking: B-cubed precision/recall/F1 over the mentions whose span matches gold (type ignored there, so that a
/// typing error is not counted twice), each mention compared by the set of matched mentions in its cluster.
/// </summary>
public static class EntityScorer
{
    public sealed record Scores(int TruePositives, int FalsePositives, int FalseNegatives, double Precision, double Recall, double F1,
        int LinkedMentions, double CubedPrecision, double CubedRecall, double CubedF1);

    public static IReadOnlyList<ScoredMention> ReadGold(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var result = new List<ScoredMention>();
        foreach (var entity in document.RootElement.GetProperty("entities").EnumerateArray())
        {
            var id = entity.GetProperty("id").GetString()!;
            var type = entity.GetProperty("type").GetString()!;
            foreach (var mention in entity.GetProperty("mentions").EnumerateArray())
                result.Add(new ScoredMention(mention.GetProperty("file").GetString()!, mention.GetProperty("start").GetInt32(), mention.GetProperty("end").GetInt32(), type, id));
        }
        return result;
    }

    public static Scores Score(IReadOnlyList<ScoredMention> system, IReadOnlyList<ScoredMention> gold)
    {
        var goldTyped = gold.Select(m => (m.File, m.Start, m.End, m.Type)).ToHashSet();
        var systemTyped = system.Select(m => (m.File, m.Start, m.End, m.Type)).ToHashSet();
        var tp = systemTyped.Count(goldTyped.Contains);
        var fp = systemTyped.Count - tp;
        var fn = goldTyped.Count - tp;
        var precision = Ratio(tp, tp + fp);
        var recall = Ratio(tp, tp + fn);

        var goldBySpan = gold.GroupBy(m => (m.File, m.Start, m.End)).ToDictionary(g => g.Key, g => g.First().EntityId);
        var matched = system.Where(m => goldBySpan.ContainsKey((m.File, m.Start, m.End)))
            .DistinctBy(m => (m.File, m.Start, m.End)).ToList();
        double cubedPrecision = 0, cubedRecall = 0;
        var systemClusters = matched.GroupBy(m => m.EntityId).ToDictionary(g => g.Key, g => g.Select(Key).ToHashSet());
        var goldClusters = matched.GroupBy(m => goldBySpan[Key(m)]).ToDictionary(g => g.Key, g => g.Select(Key).ToHashSet());
        foreach (var mention in matched)
        {
            var ownCluster = systemClusters[mention.EntityId];
            var goldCluster = goldClusters[goldBySpan[Key(mention)]];
            var shared = ownCluster.Count(goldCluster.Contains);
            cubedPrecision += (double)shared / ownCluster.Count;
            cubedRecall += (double)shared / goldCluster.Count;
        }
        if (matched.Count > 0)
        {
            cubedPrecision /= matched.Count;
            cubedRecall /= matched.Count;
        }
        return new Scores(tp, fp, fn, precision, recall, F1(precision, recall), matched.Count, cubedPrecision, cubedRecall, F1(cubedPrecision, cubedRecall));
    }

    public static string Format(Scores s) =>
        $"mentions (exact span and type): P={s.Precision:F4} R={s.Recall:F4} F1={s.F1:F4} (tp={s.TruePositives} fp={s.FalsePositives} fn={s.FalseNegatives})\n" +
        $"linking (B-cubed over {s.LinkedMentions} span-matched mentions): P={s.CubedPrecision:F4} R={s.CubedRecall:F4} F1={s.CubedF1:F4}";

    private static (string, int, int) Key(ScoredMention m) => (m.File, m.Start, m.End);

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
