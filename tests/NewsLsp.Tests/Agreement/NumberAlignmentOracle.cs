using System.Collections.Immutable;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;

namespace NewsLsp.Tests.Agreement;

/// <summary>
/// Number alignment as first written, every comparable pair of the event scored (no index, no pruning, nothing
/// reused): what <see cref="NumberAlignment"/> must equal, ids and tie-breaking included. The pair scores are
/// <see cref="NumberAlignment"/>'s own: what the oracle checks is which pairs get scored and matched.
/// </summary>
internal static class NumberAlignmentOracle
{
    private const double MinimumScore = NumberAlignment.MinimumScore;

    public static ImmutableArray<NumberFact> Align(AgreementEvent @event, IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, ref int nextId)
    {
        var mentions = new List<(int Article, int Ordinal, NumberMention Number)>();
        for (var a = 0; a < articles.Count; a++)
        {
            var numbers = articles[a].Facts.Numbers;
            for (var n = 0; n < numbers.Count; n++) mentions.Add((a, n, numbers[n]));
        }

        var parent = Enumerable.Range(0, mentions.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        void Union(int x, int y) => parent[Find(x)] = Find(y);

        Match(mentions, Union);
        // A weekday names one date of its article: a mention no other source corroborates joins the article's
        // corroborated fact of the same weekday that it resembles most.
        var sourcesOf = Enumerable.Range(0, mentions.Count).GroupBy(Find).ToDictionary(g => g.Key, g => g.Select(i => mentions[i].Article).Distinct().Count());
        for (var x = 0; x < mentions.Count; x++)
        {
            if (mentions[x].Number.Unit != NumberUnit.Weekday || sourcesOf[Find(x)] > 1) continue;
            var host = Enumerable.Range(0, mentions.Count)
                .Where(y => y != x && mentions[y].Article == mentions[x].Article && mentions[y].Number.Unit == NumberUnit.Weekday
                            && mentions[y].Number.ValueText == mentions[x].Number.ValueText && sourcesOf[Find(y)] > 1)
                .OrderByDescending(y => NumberAlignment.Jaccard(mentions[x].Number, mentions[y].Number)).ThenBy(y => y).Cast<int?>().FirstOrDefault();
            if (host is { } h) parent[Find(x)] = Find(h);
        }

        var facts = new List<(int Order, ImmutableArray<NumberFactMention> Mentions, NumberMention First)>();
        foreach (var component in Enumerable.Range(0, mentions.Count).GroupBy(Find))
        {
            var members = component.OrderBy(i => i).ToList();
            var sources = members.Select(i => mentions[i].Article).Distinct().Count();
            var first = mentions[members[0]].Number;
            if (sources < 2 && first.Unit == NumberUnit.Weekday) continue;
            facts.Add((members[0], [.. members.Select(i => new NumberFactMention(articles[mentions[i].Article].Key, mentions[i].Ordinal, mentions[i].Number))], first));
        }

        var result = ImmutableArray.CreateBuilder<NumberFact>();
        foreach (var (_, factMentions, first) in facts.OrderBy(f => f.Order))
        {
            var sources = factMentions.Select(m => m.Document).Distinct().Count();
            var agreement = sources < 2 ? NumberAgreement.SingleSource
                : factMentions.All(m => factMentions.All(o => o.Document == m.Document || m.Number.AgreesWith(o.Number))) ? NumberAgreement.Agree
                : NumberAgreement.Conflict;
            result.Add(new NumberFact($"number-{nextId++}", @event.Id, first.Claim, first.Unit, agreement, factMentions));
        }
        return result.ToImmutable();
    }

    private static void Match(List<(int Article, int Ordinal, NumberMention Number)> mentions, Action<int, int> union)
    {
        // Only comparable mentions can match (the same unit, and counted noun where it matters), so each kind is
        // compared within itself; mentions in ascending order, so ties resolve as over all pairs.
        var kinds = Enumerable.Range(0, mentions.Count)
            .GroupBy(i => NumberAlignment.Kind(mentions[i].Number)).Select(g => g.ToArray()).ToList();

        // Repeated mentions within one source.
        foreach (var kind in kinds)
        for (var i = 0; i < kind.Length; i++)
        for (var j = i + 1; j < kind.Length; j++)
        {
            var (x, y) = (kind[i], kind[j]);
            if (mentions[x].Article != mentions[y].Article) continue;
            if (NumberAlignment.Repeats(mentions[x].Number, mentions[y].Number)) union(x, y);
        }

        // Mutual best matches across sources: for each mention and other source, the first best-scoring mention there.
        var best = new Dictionary<(int Mention, int OtherArticle), (int Other, double Score)>();
        void Offer(int x, int y, double score)
        {
            var key = (x, mentions[y].Article);
            if (!best.TryGetValue(key, out var current) || score > current.Score) best[key] = (y, score);
        }
        foreach (var kind in kinds)
        for (var i = 0; i < kind.Length; i++)
        for (var j = i + 1; j < kind.Length; j++)
        {
            var (x, y) = (kind[i], kind[j]);
            if (mentions[x].Article == mentions[y].Article) continue;
            var score = NumberAlignment.Score(mentions[x].Number, mentions[y].Number); // symmetric
            if (score < MinimumScore) continue;
            Offer(x, y, score);
            Offer(y, x, score);
        }
        foreach (var ((x, _), (y, _)) in best)
        {
            if (best.TryGetValue((y, mentions[x].Article), out var back) && back.Other == x) union(x, y);
        }
    }
}
