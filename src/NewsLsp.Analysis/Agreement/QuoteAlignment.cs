using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// Aligns the quotes of an event's sources. Each quote is cut into segments (its sentences); two segments of
/// different quotes render the same statement when most content stems of the shorter one occur in the other
/// (containment ≥ <see cref="MinimumContainment"/>, with at least two shared stems once the shorter has three), which
/// tolerates translation variance (sostegno/supporto), partial quotes and split quotes. Connected segments form a
/// group; every quote with a segment in it is a variant. Differences are the words inside the overlapping window that
/// the word-level alignment could not match.
/// </summary>
public static class QuoteAlignment
{
    public const double MinimumContainment = 0.5;

    public static ImmutableArray<QuoteGroup> Align(AgreementEvent @event, IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, ref int nextId) =>
        Align(@event, articles, ref nextId, reuse: null, out _);

    /// <summary>
    /// Aligns as <see cref="Align(AgreementEvent, IReadOnlyList{ValueTuple{DocumentKey, ArticleFacts}}, ref int)"/>;
    /// with <paramref name="edited"/>, one article being edited, what the other articles' segments make among
    /// themselves comes from <paramref name="reuse"/> when it was made for the same article and the others' quotes are
    /// unchanged, and is computed once otherwise: each keystroke then compares the edited article's segments only
    /// (linear in the event, not quadratic). <paramref name="matches"/> is what the next keystroke reuses (null
    /// without an edited article); <paramref name="prepared"/>, matches made before the first keystroke.
    /// </summary>
    internal static ImmutableArray<QuoteGroup> Align(AgreementEvent @event, IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, ref int nextId,
        QuoteMatches? reuse, out QuoteMatches? matches, DocumentKey? edited = null, PreparedMatches? prepared = null)
    {
        var excluded = edited is { } key ? IndexOf(articles, key) : -1;
        List<QuoteUnit> units;
        int from = 0, count = 0;
        matches = null;
        if (excluded < 0)
        {
            units = [];
            for (var a = 0; a < articles.Count; a++) QuoteUnit.AddOf(articles, a, units);
        }
        else
        {
            matches = reuse is not null && reuse.AppliesTo(articles, excluded) ? reuse
                : prepared?.Find<QuoteMatches>(articles, excluded) ?? QuoteMatches.Among(articles, excluded);
            var editedUnits = new List<QuoteUnit>();
            QuoteUnit.AddOf(articles, excluded, editedUnits);
            units = matches.UnitsWith(editedUnits, out from);
            count = editedUnits.Count;
        }

        var parent = Enumerable.Range(0, units.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        Action<int, int> union = (x, y) => parent[Find(x)] = Find(y); // one delegate, not one per pair
        var matched = new HashSet<int>();
        var marks = new UnitMarks(units.Count);
        if (matches is null)
        {
            SharedStemPairs.ForEach(units, (x, y) => Pair(articles, units, x, y, union, matched, marks));
        }
        else
        {
            // The others' pairs as they were; then every pair with an edited unit: the edited units among themselves,
            // and each with the other units it renders the same statement as (which the matches know and remember).
            // Joins and marks do not depend on the order pairs are taken in.
            matches.Apply(from, count, union, matched, marks);
            for (var x = from; x < from + count; x++)
            {
                for (var y = x + 1; y < from + count; y++) Pair(articles, units, x, y, union, matched, marks);
                foreach (var (position, alignment) in matches.SameStatementsAs(units[x]))
                {
                    var y = position < from ? position : position + count; // positions count the other articles' units only
                    matched.Add(x);
                    matched.Add(y);
                    union(x, y);
                    if (y < x) Mark(units, marks, y, x, alignment);
                    else Mark(units, marks, x, y, alignment);
                }
            }
        }

        JoinStatementsOfOneQuote(units, matched, Find, union);
        var components = new Dictionary<int, List<int>>();
        for (var u = 0; u < units.Count; u++)
        {
            if (!matched.Contains(u)) continue;
            var root = Find(u);
            if (!components.TryGetValue(root, out var list)) components[root] = list = [];
            list.Add(u);
        }

        var groups = new List<(long Order, Func<int, QuoteGroup> Make)>();
        foreach (var (_, component) in components)
        {
            var quotes = component.Select(u => (units[u].Article, units[u].Quote)).Distinct().OrderBy(q => q.Article).ThenBy(q => q.Quote).ToList();
            var differing = Differences(units, marks, component);
            var variants = quotes.Select(q =>
            {
                var mention = articles[q.Article].Facts.Quotes[q.Quote];
                var spans = differing.TryGetValue(q, out var indexes) ? indexes.Select(w => new TextSpan(mention.Words[w].Offset, mention.Words[w].Length)).ToImmutableArray() : [];
                return new QuoteVariant(articles[q.Article].Key, q.Quote, mention, spans);
            }).ToImmutableArray();
            // Text order: by article, then by the quote's ordinal (quotes are extracted in text order).
            var order = quotes.Min(q => ((long)q.Article << 32) + q.Quote);
            groups.Add((order, id => Make(id, @event, variants)));
        }

        // Quotes no other rendering matched: a claim of one source.
        var matchedQuotes = matched.Select(u => (units[u].Article, units[u].Quote)).ToHashSet();
        for (var a = 0; a < articles.Count; a++)
        {
            var quotes = articles[a].Facts.Quotes;
            for (var q = 0; q < quotes.Count; q++)
            {
                var (article, quote) = (a, q);
                if (matchedQuotes.Contains((article, quote))) continue;
                var variant = new QuoteVariant(articles[a].Key, q, quotes[q], []);
                groups.Add((((long)a << 32) + q, id => Make(id, @event, [variant])));
            }
        }

        var result = ImmutableArray.CreateBuilder<QuoteGroup>();
        foreach (var (_, make) in groups.OrderBy(g => g.Order)) result.Add(make(nextId++));
        return result.ToImmutable();
    }

    /// <summary>
    /// Joins units <paramref name="x"/> &lt; <paramref name="y"/> when they render the same statement, and word-aligns
    /// them when they are of different sources. Pairs are not kept (a large event has millions): each cross-source pair
    /// is word-aligned as it is found and only its outcome is kept, per word of each unit. Every pair lies within one
    /// final group, and a unit's words are its quote's [Offset, Offset + Length), so per-unit marks give what per-group
    /// marks per quote would.
    /// </summary>
    internal static void Pair(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, List<QuoteUnit> units, int x, int y,
        Action<int, int> union, HashSet<int> matched, UnitMarks marks)
    {
        if (units[x].Article == units[y].Article && units[x].Quote == units[y].Quote) return;
        // Within one source only a headline restates the body; other repetitions are the article's own business.
        if (units[x].Article == units[y].Article && !(Quote(articles, units[x]).InHeadline ^ Quote(articles, units[y]).InHeadline)) return;
        if (!SameStatement(units[x], units[y])) return;
        matched.Add(x);
        matched.Add(y);
        union(x, y);
        // Differences are between sources; a headline restating its own body joins the group but is not compared.
        if (units[x].Article != units[y].Article) Mark(units, marks, x, y, WordDiff.Align(units[x].Words.AsSpan(), units[y].Words.AsSpan()));
    }

    private static int IndexOf(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, DocumentKey key)
    {
        for (var a = 0; a < articles.Count; a++) if (articles[a].Key == key) return a;
        return -1;
    }

    private static QuoteGroup Make(int id, AgreementEvent @event, ImmutableArray<QuoteVariant> variants)
    {
        var sources = variants.Select(v => v.Document).Distinct().Count();
        var agreement = sources < 2 ? QuoteAgreement.SingleSource
            : variants.Any(v => !v.Differing.IsEmpty) ? QuoteAgreement.Variant : QuoteAgreement.Identical;
        return new QuoteGroup($"quote-{id}", @event.Id, Speaker(variants), agreement, variants);
    }

    // The speaker most variants name (the same person however spelled: by slug), on a tie the one named at greatest
    // length, then the first; as that person's longest spelling, the first of equal length. A loop, not a query: it
    // runs for every group of an event each time the event is re-aligned.
    private static string? Speaker(ImmutableArray<QuoteVariant> variants)
    {
        var people = new List<(string Slug, int Count, string Longest)>(2);
        foreach (var variant in variants)
        {
            if (variant.Quote.Speaker is not { } name) continue;
            var slug = NameSpeakerIdentity.Slug(name);
            var k = people.FindIndex(p => p.Slug == slug);
            if (k < 0) people.Add((slug, 1, name));
            else people[k] = (slug, people[k].Count + 1, name.Length > people[k].Longest.Length ? name : people[k].Longest);
        }
        string? speaker = null;
        var (bestCount, bestLength) = (0, 0);
        foreach (var (_, count, longest) in people)
        {
            if (count < bestCount || (count == bestCount && longest.Length <= bestLength)) continue;
            (speaker, bestCount, bestLength) = (longest, count, longest.Length);
        }
        return speaker;
    }

    /// <summary>
    /// Sentences of one quote that other sources render in different places stay apart only when some source quotes
    /// them as separate quotations; otherwise they are one statement ("siamo grati… Ci aiuta a proteggere…").
    /// </summary>
    private static void JoinStatementsOfOneQuote(List<QuoteUnit> units, HashSet<int> matched, Func<int, int> find, Action<int, int> union)
    {
        var ordered = matched.Order().ToArray(); // sorted once: every root pair of every quote walks it
        // Each quote's units, grouped once (quotes in the order of their first unit, units ascending) and laid out one
        // quote after another: every pass walks the same groups.
        var quoteOf = new Dictionary<(int Article, int Quote), int>();
        var quoteOfUnit = new int[ordered.Length];
        for (var k = 0; k < ordered.Length; k++)
        {
            var key = (units[ordered[k]].Article, units[ordered[k]].Quote);
            if (!quoteOf.TryGetValue(key, out var q)) quoteOf[key] = q = quoteOf.Count;
            quoteOfUnit[k] = q;
        }
        var keys = new (int Article, int Quote)[quoteOf.Count];
        foreach (var (key, q) in quoteOf) keys[q] = key;
        var start = new int[keys.Length + 1];
        foreach (var q in quoteOfUnit) start[q + 1]++;
        for (var q = 0; q < keys.Length; q++) start[q + 1] += start[q];
        var laidOut = new int[ordered.Length];
        var filled = start[..^1];
        for (var k = 0; k < ordered.Length; k++) laidOut[filled[quoteOfUnit[k]]++] = ordered[k];

        var roots = new List<int>();
        bool changed;
        do
        {
            changed = false;
            for (var g = 0; g < keys.Length; g++)
            {
                var key = keys[g];
                roots.Clear();
                foreach (var u in laidOut.AsSpan(start[g], start[g + 1] - start[g]))
                {
                    var root = find(u);
                    if (!roots.Contains(root)) roots.Add(root); // a quote has a few units
                }
                for (var i = 0; i < roots.Count; i++)
                for (var j = i + 1; j < roots.Count; j++)
                {
                    if (find(roots[i]) == find(roots[j])) continue;
                    var quotesA = QuotesIn(units, ordered, find, roots[i]).Where(q => q != key).ToList();
                    var quotesB = QuotesIn(units, ordered, find, roots[j]).Where(q => q != key).ToList();
                    var separate = quotesA.Any(a => quotesB.Any(b => b.Article == a.Article && b.Quote != a.Quote));
                    if (separate) continue;
                    union(roots[i], roots[j]);
                    changed = true;
                }
            }
        } while (changed);
    }

    private static IEnumerable<(int Article, int Quote)> QuotesIn(List<QuoteUnit> units, int[] ordered, Func<int, int> find, int root) =>
        ordered.Where(u => find(u) == find(root)).Select(u => (units[u].Article, units[u].Quote)).Distinct();

    private static QuoteMention Quote(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles, QuoteUnit unit) => articles[unit.Article].Facts.Quotes[unit.Quote];

    internal static bool SameStatement(QuoteUnit x, QuoteUnit y)
    {
        if (x.Stems.Count == 0 || y.Stems.Count == 0) return false;
        var shared = 0;
        foreach (var stem in x.Stems) if (y.Stems.Contains(stem)) shared++; // no delegate: called for every pair of units
        var smaller = Math.Min(x.Stems.Count, y.Stems.Count);
        if (shared == 0) return false;
        // A short phrase is the same statement when it is contained whole, or as much as it differs (Dice ≥ ½):
        // "cause profonde" / "cause alla radice". Longer ones need two, then three shared stems.
        // One content word matches only as a whole quote ("immediatamente"), never as a short sentence of a longer one.
        if (smaller == 1 && (x.Stems.Count == 1 && x.IsWholeQuote is false || y.Stems.Count == 1 && y.IsWholeQuote is false)) return false;
        if (smaller <= 2) return shared == smaller || 2.0 * shared / (x.Stems.Count + y.Stems.Count) >= MinimumContainment;
        if (shared < (smaller == 3 ? 2 : 3)) return false;
        return (double)shared / smaller >= MinimumContainment;
    }

    // Marks what the word alignment of units a < b (left and right) found.
    private static void Mark(List<QuoteUnit> units, UnitMarks marks, int a, int b, WordDiff.Alignment alignment)
    {
        var (leftMarks, rightMarks) = (marks.Writable(a, units[a].Words.Length), marks.Writable(b, units[b].Words.Length));
        if (alignment.IsEmpty)
        {
            leftMarks.Unmatched.AsSpan().Fill(true);
            rightMarks.Unmatched.AsSpan().Fill(true);
            return;
        }
        Mark(leftMarks, alignment.LeftFrom, alignment.LeftTo, alignment.LeftMatched);
        Mark(rightMarks, alignment.RightFrom, alignment.RightTo, alignment.RightMatched);
    }

    private static void Mark(WordMarks marks, int from, int to, IReadOnlyList<int> matched)
    {
        var inWindow = new bool[to - from + 1];
        foreach (var i in matched)
        {
            marks.Matched[i] = true;
            if (i >= from && i <= to) inWindow[i - from] = true;
        }
        for (var i = from; i <= to; i++) if (!inWindow[i - from]) marks.Unmatched[i] = true;
    }

    // Word indexes (within their quote, ascending) that differ in one group: unmatched inside an overlap window, and
    // matched in no comparison. Units are in ascending order and a quote's units in segment order, so indexes ascend.
    private static Dictionary<(int Article, int Quote), List<int>> Differences(List<QuoteUnit> units, UnitMarks marks, List<int> component)
    {
        var result = new Dictionary<(int, int), List<int>>();
        foreach (var u in component)
        {
            if (marks[u] is not { } unit) continue;
            for (var i = 0; i < unit.Unmatched.Length; i++)
            {
                if (!unit.Unmatched[i] || unit.Matched[i]) continue;
                var key = (units[u].Article, units[u].Quote);
                if (!result.TryGetValue(key, out var list)) result[key] = list = [];
                list.Add(units[u].Offset + i);
            }
        }
        return result;
    }
}
