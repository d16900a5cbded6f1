using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using Xunit;

namespace NewsLsp.Tests.Agreement;

/// <summary>
/// The editing session the alignment-reuse tests replay: mostly keystrokes in one article, sometimes another article
/// changes or the user moves to another one. After every edit the alignment that reuses what the other articles make
/// among themselves must equal a fresh alignment, ids included.
/// </summary>
internal static class AlignmentReuseSession
{
    public delegate T FreshAlignment<T>(AgreementEvent @event, List<(DocumentKey Key, ArticleFacts Facts)> articles, ref int nextId);

    public delegate T ReusingAlignment<T, TMatches>(AgreementEvent @event, List<(DocumentKey Key, ArticleFacts Facts)> articles, ref int nextId,
        TMatches? reuse, out TMatches? matches, DocumentKey edited) where TMatches : class;

    /// <summary>Runs 80 edits; returns how often the matches were reused and how often made anew.</summary>
    public static (int Reused, int Rebuilt) Run<T, TMatches>(int seed, int articleCount, Func<Random, ArticleFacts> facts,
        Func<ArticleFacts, Random, ArticleFacts> mutate, FreshAlignment<T> fresh, ReusingAlignment<T, TMatches> reusing,
        Func<T, List<string>> describe, Action<T>? inspect = null) where TMatches : class
    {
        var random = new Random(seed);
        var articles = Enumerable.Range(0, articleCount).Select(a => (Key: new DocumentKey($"a{a:00}.txt"), Facts: facts(random))).ToList();
        var @event = new AgreementEvent("event-1", [.. articles.Select(a => a.Key)]);
        TMatches? matches = null;
        var edited = 0;
        int reused = 0, rebuilt = 0;
        for (var step = 0; step < 80; step++)
        {
            var roll = random.Next(10);
            if (roll == 0) edited = random.Next(articleCount);
            var changed = roll == 1 ? random.Next(articleCount) : edited;
            articles[changed] = (articles[changed].Key, mutate(articles[changed].Facts, random));

            var freshId = 1;
            var expected = fresh(@event, articles, ref freshId);
            var reusedId = 1;
            var before = matches;
            var actual = reusing(@event, articles, ref reusedId, matches, out matches, articles[edited].Key);
            if (ReferenceEquals(before, matches)) reused++; else rebuilt++;
            inspect?.Invoke(expected);
            Assert.Equal(freshId, reusedId);
            Assert.Equal(describe(expected), describe(actual));
        }
        return (reused, rebuilt);
    }
}
