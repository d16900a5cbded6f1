using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// Aligns the numeric facts of an event's sources. Two mentions in different sources are candidates when they have
/// the same unit (and, for counts and ordinals, the same counted noun); their score is the overlap (Jaccard) of their
/// sentences' content stems, plus a small bonus when the values agree. Each mention pairs with its best candidate in
/// each other source when that choice is mutual and the score reaches <see cref="MinimumScore"/>; repeated mentions of
/// the same value in one source about the same thing are merged. A weekday is relative to the publication date, so a
/// weekday only one source gives is not reported as a claim (it cannot be compared, and it is not a quantity).
/// </summary>
public static class NumberAlignment
{
    public const double MinimumScore = 0.2;
    private const double SameArticleScore = 0.3;
    private const double AgreementBonus = 0.1;

    // Only pairs whose contexts share a stem are scored (ContextOverlaps): the others score at most the bonus, so it must
    // stay below the minimum. Checked when compiling: otherwise this divides by the constant zero, which does not build.
    private const int BonusBelowMinimumScore = 1 / (AgreementBonus < MinimumScore ? 1 : 0);

    public static ImmutableArray<NumberFact> Align(AgreementEvent @event, IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, ref int nextId) =>
        Align(@event, articles, ref nextId, reuse: null, out _);

    /// <summary>
    /// Aligns as <see cref="Align(AgreementEvent, IReadOnlyList{ValueTuple{DocumentKey, ArticleFacts}}, ref int)"/>;
    /// with <paramref name="edited"/>, one article being edited, the matches among the other articles come from
    /// <paramref name="reuse"/> when it was made for the same article and the others' numbers are unchanged, and are
    /// computed once otherwise: each keystroke then compares the edited article's mentions only (linear in the event,
    /// not quadratic). <paramref name="matches"/> is what the next keystroke reuses (null without an edited article);
    /// <paramref name="prepared"/>, matches made before the first keystroke.
    /// </summary>
    internal static ImmutableArray<NumberFact> Align(AgreementEvent @event, IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, ref int nextId,
        NumberMatches? reuse, out NumberMatches? matches, DocumentKey? edited = null, PreparedMatches? prepared = null)
    {
        var mentions = Mentions(articles);

        var parent = new int[mentions.Count];
        for (var i = 0; i < parent.Length; i++) parent[i] = i;
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        Action<int, int> union = (x, y) => parent[Find(x)] = Find(y); // one delegate, not one per pair

        var excluded = edited is { } key ? IndexOf(articles, key) : -1;
        matches = null;
        if (excluded < 0) Match(mentions, union, excluded: -1);
        else
        {
            matches = reuse is not null && reuse.AppliesTo(articles, excluded) ? reuse
                : prepared?.Find<NumberMatches>(articles, excluded) ?? NumberMatches.Among(articles, excluded, mentions);
            matches.Apply(mentions, excluded, union);
            MatchArticle(mentions, excluded, union, matches);
        }
        var sources = SourcesOfComponents(mentions, Find);
        JoinUncorroboratedWeekdays(mentions, parent, Find, sources);
        return Facts(@event, articles, mentions, Find, ref nextId);
    }

    // Every article's mentions, grouped by article in article order.
    private static List<(int Article, int Ordinal, NumberMention Number)> Mentions(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles)
    {
        var total = 0;
        for (var a = 0; a < articles.Count; a++) total += articles[a].Facts.Numbers.Count;
        var mentions = new List<(int Article, int Ordinal, NumberMention Number)>(total);
        for (var a = 0; a < articles.Count; a++)
        {
            var numbers = articles[a].Facts.Numbers;
            for (var n = 0; n < numbers.Count; n++) mentions.Add((a, n, numbers[n]));
        }
        return mentions;
    }

    /// <summary>
    /// What aligning the event's numbers while the <paramref name="edited"/>-th article is edited reuses (see
    /// <see cref="EditPreparation"/>), with the answers for the article's mentions as they are now already given: a
    /// keystroke changes one of them, and finds the others'.
    /// </summary>
    internal static NumberMatches MatchesAmong(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, int edited)
    {
        var mentions = Mentions(articles);
        var matches = NumberMatches.Among(articles, edited, mentions);
        MatchArticle(mentions, edited, static (_, _) => { }, matches);
        return matches;
    }

    // Per component root: how many articles its mentions are in (mentions are grouped by article, in article order).
    private static int[] SourcesOfComponents(List<(int Article, int Ordinal, NumberMention Number)> mentions, Func<int, int> find)
    {
        var sources = new int[mentions.Count];
        var lastArticle = new int[mentions.Count];
        lastArticle.AsSpan().Fill(-1);
        for (var i = 0; i < mentions.Count; i++)
        {
            var root = find(i);
            if (lastArticle[root] == mentions[i].Article) continue;
            lastArticle[root] = mentions[i].Article;
            sources[root]++;
        }
        return sources;
    }

    /// <summary>
    /// A weekday names one date of its article: a mention no other source corroborates joins the article's
    /// corroborated fact of the same weekday that it resembles most (the first such mention on a tie). Mentions are
    /// taken in order and a joined one counts as corroborated for the next. Only the mention's own article is searched.
    /// </summary>
    private static void JoinUncorroboratedWeekdays(List<(int Article, int Ordinal, NumberMention Number)> mentions, int[] parent, Func<int, int> find, int[] sources)
    {
        var articleStart = 0;
        for (var x = 0; x < mentions.Count; x++)
        {
            if (x > 0 && mentions[x].Article != mentions[x - 1].Article) articleStart = x;
            var number = mentions[x].Number;
            // A joined component's root is the host's, whose count was over one, so the counts need no update.
            if (number.Unit != NumberUnit.Weekday || sources[find(x)] > 1) continue;
            var (host, hostScore) = (-1, 0.0);
            for (var y = articleStart; y < mentions.Count && mentions[y].Article == mentions[x].Article; y++)
            {
                var other = mentions[y].Number;
                if (y == x || other.Unit != NumberUnit.Weekday || other.ValueText != number.ValueText || sources[find(y)] <= 1) continue;
                var score = Jaccard(number, other);
                if (host < 0 || score > hostScore) (host, hostScore) = (y, score);
            }
            if (host >= 0) parent[find(x)] = find(host);
        }
    }

    // One fact per component, in the order of their first mentions; a weekday of one source is no claim.
    private static ImmutableArray<NumberFact> Facts(AgreementEvent @event, IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles,
        List<(int Article, int Ordinal, NumberMention Number)> mentions, Func<int, int> find, ref int nextId)
    {
        // Components numbered in the order of their first mentions, and their mentions laid out one component after
        // another in mention order: three arrays, where a list per component was most of what re-aligning allocated.
        var componentOf = new int[mentions.Count];
        componentOf.AsSpan().Fill(-1);
        var ofMention = new int[mentions.Count];
        var count = 0;
        for (var i = 0; i < mentions.Count; i++)
        {
            var root = find(i);
            if (componentOf[root] < 0) componentOf[root] = count++;
            ofMention[i] = componentOf[root];
        }
        var start = new int[count + 1];
        foreach (var c in ofMention) start[c + 1]++;
        for (var c = 0; c < count; c++) start[c + 1] += start[c];
        var laidOut = new int[mentions.Count];
        var filled = componentOf; // reused: the next free place of each component
        start.AsSpan(0, count).CopyTo(filled);
        for (var i = 0; i < mentions.Count; i++) laidOut[filled[ofMention[i]]++] = i;

        var result = ImmutableArray.CreateBuilder<NumberFact>(count);
        for (var c = 0; c < count; c++)
        {
            var members = laidOut.AsSpan(start[c], start[c + 1] - start[c]);
            var sources = 1;
            for (var k = 1; k < members.Length; k++) if (mentions[members[k]].Article != mentions[members[k - 1]].Article) sources++;
            var first = mentions[members[0]].Number;
            if (sources < 2 && first.Unit == NumberUnit.Weekday) continue;
            var factMentions = new NumberFactMention[members.Length];
            for (var k = 0; k < members.Length; k++)
                factMentions[k] = new NumberFactMention(articles[mentions[members[k]].Article].Key, mentions[members[k]].Ordinal, mentions[members[k]].Number);
            var agreement = sources < 2 ? NumberAgreement.SingleSource : AllAgree(factMentions) ? NumberAgreement.Agree : NumberAgreement.Conflict;
            result.Add(new NumberFact($"number-{nextId++}", @event.Id, first.Claim, first.Unit, agreement, ImmutableCollectionsMarshal.AsImmutableArray(factMentions)));
        }
        return result.Count == result.Capacity ? result.MoveToImmutable() : result.ToImmutable();
    }

    // Whether every two mentions of different sources agree. Agreeing is symmetric, so each pair is checked once; when
    // every value is the same (or no value and the same label) all agree without comparing pairs.
    private static bool AllAgree(NumberFactMention[] mentions)
    {
        var first = mentions[0].Number;
        var same = true;
        foreach (var m in mentions) same &= m.Number.Value == first.Value && (first.Value is not null || m.Number.ValueText == first.ValueText);
        if (same) return true;
        for (var i = 0; i < mentions.Length; i++)
        for (var j = i + 1; j < mentions.Length; j++)
            if (mentions[i].Document != mentions[j].Document && !mentions[i].Number.AgreesWith(mentions[j].Number)) return false;
        return true;
    }

    private static int IndexOf(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, DocumentKey key)
    {
        for (var a = 0; a < articles.Count; a++) if (articles[a].Key == key) return a;
        return -1;
    }

    /// <summary>
    /// Joins repeated mentions within one source and mutual best matches across sources, among every article but
    /// <paramref name="excluded"/> (-1: all).
    /// </summary>
    internal static void Match(List<(int Article, int Ordinal, NumberMention Number)> mentions, Action<int, int> union, int excluded)
    {
        // Only comparable mentions can match (the same unit, and counted noun where it matters), so each kind is
        // compared within itself; mentions in ascending order, so ties resolve as over all pairs.
        var kinds = Enumerable.Range(0, mentions.Count).Where(i => mentions[i].Article != excluded)
            .GroupBy(i => Kind(mentions[i].Number)).Select(g => g.ToArray()).ToList();

        // Only pairs whose contexts share a stem can repeat or reach the minimum score (ContextOverlaps), so each
        // mention is compared with those alone; the scores are computed as Score and Jaccard compute them.
        var later = new List<(int Mention, int Shared)>();
        var pairs = new List<(int First, int Second, double Score)>();
        foreach (var kind in kinds)
        {
            if (kind.Length < 2) continue;
            var numbers = new NumberMention[kind.Length];
            var sourceOf = new int[kind.Length];
            for (var i = 0; i < kind.Length; i++) (numbers[i], sourceOf[i]) = (mentions[kind[i]].Number, mentions[kind[i]].Article);
            var overlaps = new ContextOverlaps(numbers);
            pairs.Clear();
            for (var i = 0; i < kind.Length; i++)
            {
                overlaps.Later(i, later);
                var p = numbers[i];
                foreach (var (j, shared) in later)
                {
                    var q = numbers[j];
                    var jaccard = (double)shared / (p.Context.Count + q.Context.Count - shared);
                    if (sourceOf[i] == sourceOf[j])
                    {
                        // Repeated mentions within one source.
                        if (p.ValueText == q.ValueText && jaccard >= SameArticleScore) union(kind[i], kind[j]);
                        continue;
                    }
                    var score = jaccard + (p.AgreesWith(q) ? AgreementBonus : 0); // symmetric
                    if (score >= MinimumScore) pairs.Add((i, j, score));
                }
            }
            // Mutual best matches across sources: for each mention and other source, the first best-scoring mention there.
            MutualBestMatches.Find(sourceOf, pairs, (x, y) => union(kind[x], kind[y]));
        }
    }

    /// <summary>
    /// The matches <see cref="Match"/> makes that involve <paramref name="article"/>: its repeated mentions, and its
    /// mutual best matches with every other source. Only mentions of one kind can match, so the article's mentions
    /// are taken kind by kind, and <paramref name="others"/> gives each kind's matches with the other articles.
    /// </summary>
    private static void MatchArticle(List<(int Article, int Ordinal, NumberMention Number)> mentions, int article, Action<int, int> union, NumberMatches others)
    {
        var start = 0;
        while (start < mentions.Count && mentions[start].Article < article) start++;
        var count = 0; // an article's mentions are consecutive
        while (start + count < mentions.Count && mentions[start + count].Article == article) count++;
        var kinds = new Dictionary<(NumberUnit, string?), List<int>>();
        for (var x = start; x < start + count; x++)
        {
            var kind = Kind(mentions[x].Number);
            if (!kinds.TryGetValue(kind, out var ofKind)) kinds[kind] = ofKind = [];
            ofKind.Add(x);
        }
        foreach (var ofKind in kinds.Values)
        {
            for (var i = 0; i < ofKind.Count; i++)
            for (var j = i + 1; j < ofKind.Count; j++)
                if (Repeats(mentions[ofKind[i]].Number, mentions[ofKind[j]].Number)) union(ofKind[i], ofKind[j]);
            var numbers = ImmutableArray.CreateBuilder<NumberMention>(ofKind.Count);
            foreach (var x in ofKind) numbers.Add(mentions[x].Number);
            foreach (var (own, position) in others.MutualBestOf(numbers.MoveToImmutable()))
                union(ofKind[own], position < start ? position : position + count); // positions count the other articles' mentions only
        }
    }

    /// <summary>
    /// Among <paramref name="numbers"/> (mentions of one kind, in order), the first that scores best with
    /// <paramref name="other"/>, at least <see cref="MinimumScore"/>; -1 if none.
    /// </summary>
    internal static int BestAmong(ImmutableArray<NumberMention> numbers, NumberMention other)
    {
        var (best, bestScore) = (-1, 0.0);
        for (var i = 0; i < numbers.Length; i++)
        {
            var score = Score(other, numbers[i]);
            if (score >= MinimumScore && (best < 0 || score > bestScore)) (best, bestScore) = (i, score);
        }
        return best;
    }

    internal static bool Repeats(NumberMention p, NumberMention q) => p.ValueText == q.ValueText && Jaccard(p, q) >= SameArticleScore;

    private static bool Comparable(NumberMention a, NumberMention b) => Kind(a) == Kind(b);

    // Mentions of one kind are comparable: the same unit, and for counts, ordinals, money and durations the same counted noun.
    internal static (NumberUnit Unit, string? Head) Kind(NumberMention a) =>
        (a.Unit, a.Unit is NumberUnit.Count or NumberUnit.Ordinal or NumberUnit.Money or NumberUnit.Duration ? a.Head : null);

    public static double Score(NumberMention a, NumberMention b) =>
        !Comparable(a, b) ? 0 : Jaccard(a, b) + (a.AgreesWith(b) ? AgreementBonus : 0);

    internal static double Jaccard(NumberMention a, NumberMention b)
    {
        if (a.Context.Count == 0 || b.Context.Count == 0) return 0;
        // Contexts are distinct stems in ordinal order: count the shared ones by merging.
        ReadOnlySpan<string> x = a.Context.Items.AsSpan(), y = b.Context.Items.AsSpan();
        var shared = 0;
        for (int i = 0, j = 0; i < x.Length && j < y.Length;)
        {
            var order = string.CompareOrdinal(x[i], y[j]);
            if (order < 0) i++;
            else if (order > 0) j++;
            else { shared++; i++; j++; }
        }
        return (double)shared / (a.Context.Count + b.Context.Count - shared);
    }
}
