using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using Xunit;

namespace NewsLsp.Tests.Agreement;

/// <summary>
/// <see cref="AgreementQuery"/>'s incremental Update equals a fresh Compute after random edits, and the scalable event
/// clustering equals the all-pairs average-linkage algorithm it replaced.
/// </summary>
public partial class AgreementUpdateTests
{
    private static readonly string[] Words = ["decisivo", "storico", "nuovo", "grande", "molto", "ancora", "forse"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Update_after_random_edits_equals_a_fresh_compute(int seed)
    {
        var random = new Random(seed);
        var snapshot = Articles.Seeds();
        var gas = new AgreementIncrementalityTestsTexts();
        foreach (var (key, text) in gas.All) snapshot = snapshot.WithDocumentText(new DocumentKey(key), SourceText.From(text));
        var previous = snapshot.Get(AgreementQuery.Instance);
        int updated = 0, recomputed = 0;
        for (var step = 0; step < 40; step++)
        {
            var key = snapshot.Documents[random.Next(snapshot.DocumentCount)];
            var text = snapshot.GetRequiredArticle(key).Text.ToString();
            var edited = Mutate(text, random);
            if (edited == text) continue;
            var signatureBefore = snapshot.GetRequiredArticle(key).Get(ArticleFacts.Query).Signature;
            var before = snapshot.Counters.Read();
            snapshot = snapshot.WithDocumentText(key, SourceText.From(edited), step + 1);

            var incremental = snapshot.Get(AgreementQuery.Instance);
            var fresh = AgreementIndex.Compute([.. snapshot.Documents.Select(d => (d, snapshot.GetRequiredArticle(d).Get(ArticleFacts.Query)))]);
            Assert.Equal(Describe(fresh), Describe(incremental));
            foreach (var document in snapshot.Documents)
            {
                Assert.Equal(fresh.EventOf(document)?.Id, incremental.EventOf(document)?.Id);
                Assert.Equal(fresh.QuoteGroupsOf(document).Select(g => g.Id), incremental.QuoteGroupsOf(document).Select(g => g.Id));
                Assert.Equal(fresh.NumberFactsOf(document).Select(f => f.Id), incremental.NumberFactsOf(document).Select(f => f.Id));
            }
            if ((snapshot.Counters.Read() - before).CorpusComputations > 0 && !ReferenceEquals(incremental, previous))
            {
                if (snapshot.GetRequiredArticle(key).Get(ArticleFacts.Query).Signature == signatureBefore) updated++; else recomputed++;
            }
            previous = incremental;
        }
        // Both paths ran: edits inside quotes and numbers (folded in), and edits that move the signature (recomputed).
        Assert.True(updated >= 3, $"only {updated} incremental updates");
        Assert.True(recomputed >= 1, $"only {recomputed} recomputations");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Findings_reused_through_the_article_scoped_index_equal_fresh_ones_and_the_changed_documents_are_named(int seed)
    {
        var random = new Random(seed);
        var snapshot = Articles.Seeds();
        foreach (var (key, text) in new AgreementIncrementalityTestsTexts().All) snapshot = snapshot.WithDocumentText(new DocumentKey(key), SourceText.From(text));
        var shown = snapshot.Documents.ToDictionary(d => d, d => Describe(snapshot.GetDiagnostics(d)));
        var earlier = new List<(WorkspaceSnapshot Snapshot, Dictionary<DocumentKey, string> Shown)>();
        var named = 0;
        for (var step = 0; step < 12; step++)
        {
            var key = snapshot.Documents[random.Next(snapshot.DocumentCount)];
            var text = snapshot.GetRequiredArticle(key).Text.ToString();
            var edited = Mutate(text, random);
            if (edited == text) continue;
            var next = snapshot.WithDocumentText(key, SourceText.From(edited), step + 1);
            var fresh = Articles.Workspace([.. next.Documents.Select(d => (d.Value, next.GetRequiredArticle(d).Text.ToString()))]);
            var changed = next.DocumentsChangedSince(snapshot);
            earlier.Add((snapshot, new Dictionary<DocumentKey, string>(shown)));
            foreach (var document in next.Documents)
            {
                var now = Describe(next.GetDiagnostics(document));
                Assert.Equal(Describe(fresh.GetDiagnostics(document)), now);
                // Whatever a client was shown and is no longer true is named (or the engine says it cannot tell).
                if (changed is not null && now != shown[document]) Assert.Contains(document, changed);
                shown[document] = now;
            }
            if (changed is not null && changed.Count < next.DocumentCount) named++;
            // A few edits back too: the differences of the steps between are joined.
            var (then, thenShown) = earlier[Math.Max(0, earlier.Count - 3)];
            if (next.DocumentsChangedSince(then) is { } since)
            {
                foreach (var document in next.Documents)
                {
                    if (!thenShown.TryGetValue(document, out var was) || was != shown[document]) Assert.Contains(document, since);
                }
            }
            snapshot = next;
        }
        Assert.True(named >= 2, $"only {named} edits named their changed documents");
    }

    [Fact]
    public void A_fact_gained_or_lost_early_shifts_later_ids_without_naming_their_articles()
    {
        var snapshot = Articles.Seeds();
        foreach (var (key, text) in new AgreementIncrementalityTestsTexts().All) snapshot = snapshot.WithDocumentText(new DocumentKey(key), SourceText.From(text));
        var previous = snapshot.Get(AgreementQuery.Instance);
        // A figure changed in an early event until one edit changes how many facts that event has and keeps the events.
        foreach (var document in previous.Events.SelectMany(e => e.Documents))
        {
            var text = snapshot.GetRequiredArticle(document).Text.ToString();
            foreach (var figure in Regex.Matches(text, @"\b\d+\b").ToList())
            {
                var next = snapshot.WithDocumentText(document, SourceText.From(text[..figure.Index] + "917" + text[(figure.Index + figure.Length)..]), 1);
                var index = next.Get(AgreementQuery.Instance);
                if (index.Events != previous.Events) continue;
                var shifted = next.Documents.Where(d => Facts(index, d, ids: false) == Facts(previous, d, ids: false) && Facts(index, d, ids: true) != Facts(previous, d, ids: true)).ToList();
                if (shifted.Count == 0) continue;

                var changed = index.ArticlesChangedSince(previous);
                Assert.NotNull(changed);
                Assert.Contains(document, changed);
                foreach (var d in shifted) Assert.DoesNotContain(d, changed);
                foreach (var d in next.Documents.Where(d => Facts(index, d, ids: false) != Facts(previous, d, ids: false))) Assert.Contains(d, changed);
                // Read back, the kept facts carry the corpus ids a fresh build gives them.
                var fresh = AgreementIndex.Compute([.. next.Documents.Select(d => (d, next.GetRequiredArticle(d).Get(ArticleFacts.Query)))]);
                foreach (var d in next.Documents) Assert.Equal(Facts(fresh, d, ids: true), Facts(index, d, ids: true));
                Assert.Equal(Describe(fresh), Describe(index));
                return;
            }
        }
        Assert.Fail("no figure edit changed an event's facts while keeping the events");
    }

    private static string Facts(AgreementIndex index, DocumentKey document, bool ids) =>
        string.Join("\n", index.QuoteGroupsOf(document).Select(g => $"{(ids ? g.Id : "")} {g.EventId} {g.Speaker} {g.Agreement} {string.Join(",", g.Variants.Select(v => $"{v.Document.Value}#{v.Ordinal}"))}")
            .Concat(index.NumberFactsOf(document).Select(f => $"{(ids ? f.Id : "")} {f.EventId} {f.Claim} {f.Agreement} {string.Join(",", f.Mentions.Select(m => $"{m.Document.Value}#{m.Ordinal}:{m.Number.Text}"))}")));

    private static string Describe(IEnumerable<ArticleDiagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d =>
        $"{d.Id} {d.Span} {d.Range} {d.Severity} {d.Message} [{string.Join("; ", d.Related.Select(r => $"{r.Document.Value} {r.Span} {r.Range} {r.Message}"))}]" +
        $" [{string.Join("; ", d.Fixes.SelectMany(f => f.Edits).Select(e => $"{e.Document.Value} {e.Span} {e.NewText}"))}]"));

    [Theory]
    [InlineData(7, 40)]
    [InlineData(11, 120)]
    [InlineData(13, 300)]
    public void Event_clustering_equals_the_all_pairs_algorithm(int seed, int articles)
    {
        var list = RandomStories(new Random(seed), articles);
        var expected = AllPairsClustering(list);
        var actual = EventClustering.Cluster(list).Select(e => string.Join(",", e.Documents.Select(d => d.Value))).ToList();
        Assert.Equal(expected, actual);
        Assert.Contains(actual, e => e.Contains(',')); // the test has multi-article events to get right
    }

    [Theory]
    [InlineData(17, 150, 4)]
    [InlineData(19, 400, 4)]
    [InlineData(23, 300, 1)] // few terms shared across stories: many small components
    [InlineData(31, 200, 4, true)] // a third of the articles copy another's signature: exact ties everywhere
    public void Incremental_event_clustering_equals_a_fresh_clustering(int seed, int articles, int otherStoryTerms, bool copies = false)
    {
        var random = new Random(seed);
        var list = RandomStories(random, articles, otherStoryTerms, copies);
        var clusters = EventClusters.Compute(list);
        int eventsChanged = 0, eventsKept = 0;
        for (var step = 0; step < 60; step++)
        {
            // One to three articles change their signature: terms of another story, a common or borderline term, or none at all.
            var changes = new List<(DocumentKey, EquatableArray<string>)>();
            foreach (var i in Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(articles)).Distinct())
            {
                var terms = new SortedSet<string>(list[i].Facts.Signature, StringComparer.Ordinal);
                switch (random.Next(4))
                {
                    case 0: // moves towards another story
                        var story = random.Next(articles / 3);
                        for (var k = 0; k < 4; k++) terms.Add($"storia{story}-{random.Next(8)}");
                        break;
                    case 1: // loses terms, so the remaining ones weigh more
                        foreach (var term in terms.Where(_ => random.Next(3) == 0).ToList()) terms.Remove(term);
                        break;
                    case 2: terms.Add($"confine{random.Next(4)}"); terms.Add($"comune{random.Next(30)}"); break;
                    default: if (random.Next(3) == 0) terms.Clear(); else terms.Add($"refuso{step}"); break;
                }
                list[i] = (list[i].Key, list[i].Facts with { Signature = terms.ToImmutableArray() });
                changes.Add((list[i].Key, list[i].Facts.Signature));
            }
            var before = clusters.Events;
            clusters = clusters.Update(changes);
            var fresh = EventClustering.Cluster(list);
            Assert.Equal(Events(fresh), Events(clusters.Events));
            if (clusters.Events == before) eventsKept++; else eventsChanged++;
        }
        // Both outcomes occurred: edits that moved an event and edits that left every event as it was.
        Assert.True(eventsChanged >= 5, $"only {eventsChanged} updates changed the events");
        Assert.True(eventsKept >= 5, $"only {eventsKept} updates kept the events");
    }

    [Theory]
    [InlineData(37, 200, false)]
    [InlineData(41, 150, true)] // copied articles: exact ties everywhere
    public void An_earlier_clustering_updated_again_equals_a_fresh_clustering(int seed, int articles, bool copies)
    {
        // Snapshots share the chunks of their per-article state and merge logs with the clusterings they came from: an
        // update must copy what it writes, or a clustering an earlier snapshot holds changes under it. Each step
        // updates a random earlier clustering (not the latest), with the signatures that clustering was made from.
        var random = new Random(seed);
        var history = new List<(EventClusters Clusters, List<(DocumentKey Key, ArticleFacts Facts)> List)>();
        var first = RandomStories(random, articles, copies: copies);
        history.Add((EventClusters.Compute(first), first));
        for (var step = 0; step < 80; step++)
        {
            var (clusters, before) = history[random.Next(history.Count)];
            var list = new List<(DocumentKey Key, ArticleFacts Facts)>(before);
            var changes = new List<(DocumentKey, EquatableArray<string>)>();
            foreach (var i in Enumerable.Range(0, random.Next(1, 3)).Select(_ => random.Next(articles)).Distinct())
            {
                var terms = new SortedSet<string>(list[i].Facts.Signature, StringComparer.Ordinal);
                if (random.Next(2) == 0) foreach (var term in terms.Where(_ => random.Next(3) == 0).ToList()) terms.Remove(term);
                else for (var k = 0; k < 4; k++) terms.Add($"storia{random.Next(articles / 3)}-{random.Next(8)}");
                list[i] = (list[i].Key, list[i].Facts with { Signature = terms.ToImmutableArray() });
                changes.Add((list[i].Key, list[i].Facts.Signature));
            }
            var updated = clusters.Update(changes);
            Assert.Equal(Events(EventClustering.Cluster(list)), Events(updated.Events));
            history.Add((updated, list));
        }
        // Every clustering kept is still the clustering of its own signatures.
        foreach (var (clusters, list) in history.Where((_, k) => k % 10 == 0))
            Assert.Equal(Events(EventClustering.Cluster(list)), Events(clusters.Events));
    }

    [Fact]
    public void Updates_of_one_clustering_on_several_threads_at_once_each_equal_a_fresh_clustering()
    {
        // The updates descending from one clustering share its table of recent centroids: four threads each edit their
        // own copy of the corpus from the same start, at the same time, and each must still get its own events.
        const int articles = 120;
        var first = RandomStories(new Random(71), articles);
        // Updated once first: a fresh clustering has no table, its first update makes the one the threads share.
        first[0] = (first[0].Key, first[0].Facts with { Signature = first[0].Facts.Signature.Append("storia0-0").Order(StringComparer.Ordinal).ToImmutableArray() });
        var start = EventClusters.Compute(first).Update([(first[0].Key, first[0].Facts.Signature)]);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, thread =>
        {
            var random = new Random(100 + thread);
            var (clusters, list) = (start, new List<(DocumentKey Key, ArticleFacts Facts)>(first));
            for (var step = 0; step < 30; step++)
            {
                var i = random.Next(articles / 4) + thread * (articles / 4);
                var terms = new SortedSet<string>(list[i].Facts.Signature, StringComparer.Ordinal);
                if (random.Next(2) == 0) foreach (var term in terms.Where(_ => random.Next(3) == 0).ToList()) terms.Remove(term);
                else for (var k = 0; k < 4; k++) terms.Add($"storia{random.Next(articles / 3)}-{random.Next(8)}");
                list[i] = (list[i].Key, list[i].Facts with { Signature = terms.ToImmutableArray() });
                clusters = clusters.Update([(list[i].Key, list[i].Facts.Signature)]);
                var expected = Events(EventClustering.Cluster(list));
                if (!expected.SequenceEqual(Events(clusters.Events))) failures.Add($"thread {thread}, step {step}");
            }
        });
        Assert.Empty(failures);
    }

    [Fact]
    public void Words_typed_and_deleted_again_do_not_accumulate_and_compaction_keeps_the_clusters()
    {
        // A long session: articles keep gaining a fresh word and losing their last one, so the term table would only
        // grow; compaction must bound it and leave the clustering equal to a fresh one at every step.
        var random = new Random(29);
        var list = RandomStories(random, 120);
        var clusters = EventClusters.Compute(list);
        var compactions = 0;
        var previousTerms = clusters.TermCount;
        for (var step = 0; step < 400; step++)
        {
            var changes = new List<(DocumentKey, EquatableArray<string>)>();
            foreach (var i in Enumerable.Range(0, 3).Select(_ => random.Next(list.Count)).Distinct())
            {
                var terms = new SortedSet<string>(list[i].Facts.Signature, StringComparer.Ordinal);
                terms.RemoveWhere(t => t.StartsWith("digitato", StringComparison.Ordinal));
                for (var k = 0; k < 4; k++) terms.Add($"digitato{step}-{k}");
                list[i] = (list[i].Key, list[i].Facts with { Signature = terms.ToImmutableArray() });
                changes.Add((list[i].Key, list[i].Facts.Signature));
            }
            clusters = clusters.Update(changes);
            if (clusters.TermCount < previousTerms) compactions++;
            previousTerms = clusters.TermCount;
            var live = list.SelectMany(a => a.Facts.Signature).Distinct(StringComparer.Ordinal).Count();
            Assert.True(clusters.TermCount <= 2 * live + SignatureVectors.MinDeadTermsToCompact, $"{clusters.TermCount} terms for {live} live ones at step {step}");
            if (step % 20 == 0 || step == 399) Assert.Equal(Events(EventClustering.Cluster(list)), Events(clusters.Events));
        }
        Assert.True(compactions >= 1, "the table was never compacted");
    }

    [Theory]
    [InlineData(43, 150)]
    [InlineData(47, 300)]
    public void Updated_neighbour_lists_equal_a_fresh_computation_in_order(int seed, int articles)
    {
        var random = new Random(seed);
        var list = RandomStories(random, articles);
        var clusters = EventClusters.Compute(list);
        for (var step = 0; step < 40; step++)
        {
            var changes = new List<(DocumentKey, EquatableArray<string>)>();
            foreach (var i in Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(articles)).Distinct())
            {
                // Towards another story (pairs gained) or away from its own (pairs lost).
                var terms = new SortedSet<string>(list[i].Facts.Signature, StringComparer.Ordinal);
                if (random.Next(2) == 0) for (var k = 0; k < 4; k++) terms.Add($"storia{random.Next(articles / 3)}-{random.Next(8)}");
                else foreach (var term in terms.Where(_ => random.Next(2) == 0).ToList()) terms.Remove(term);
                list[i] = (list[i].Key, list[i].Facts with { Signature = terms.ToImmutableArray() });
                changes.Add((list[i].Key, list[i].Facts.Signature));
            }
            clusters = clusters.Update(changes);
            var fresh = EventClusters.Compute(list);
            for (var a = 0; a < articles; a++) Assert.Equal(fresh.NeighborsOf(a), clusters.NeighborsOf(a));
        }
    }

    private static List<string> Events(ImmutableArray<AgreementEvent> events) =>
        [.. events.Select(e => e.Id + ":" + string.Join(",", e.Documents.Select(d => d.Value)))];

    // Stories of a few articles each, sharing rare terms, plus common words everyone uses (too common to count in a
    // large corpus) and borderline ones used by about as many articles as the cap on counted terms.
    private static List<(DocumentKey Key, ArticleFacts Facts)> RandomStories(Random random, int articles, int otherStoryTerms = 4, bool copies = false)
    {
        var common = Enumerable.Range(0, 30).Select(i => $"comune{i}").ToArray();
        var borderline = Enumerable.Range(0, 4).Select(i => $"confine{i}").ToArray();
        var list = new List<(DocumentKey, ArticleFacts)>();
        for (var i = 0; i < articles; i++)
        {
            var story = random.Next(articles / 3);
            var terms = new SortedSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < 6; k++) terms.Add($"storia{story}-{random.Next(8)}");
            for (var k = 0; k < otherStoryTerms; k++) terms.Add($"storia{random.Next(articles / 3)}-{random.Next(8)}");
            for (var k = 0; k < 10; k++) terms.Add(common[random.Next(common.Length)]);
            foreach (var term in borderline) if (random.Next(articles) < SignatureVectors.CommonTermCap(articles)) terms.Add(term);
            if (random.Next(10) == 0) terms.Clear(); // an article with no signature
            if (copies && list.Count > 0 && random.Next(3) == 0) terms = new SortedSet<string>(list[random.Next(list.Count)].Item2.Signature, StringComparer.Ordinal);
            list.Add((new DocumentKey($"a{i:000}.txt"), new ArticleFacts(terms.ToImmutableArray(), ImmutableArray<QuoteMention>.Empty, ImmutableArray<NumberMention>.Empty)));
        }
        return list;
    }

    // The all-pairs greedy average linkage, kept as the reference: every group pair's mean summed over its article
    // pairs (exact dot products of the fixed-point unit vectors, as EventClustering defines similarity).
    private static List<string> AllPairsClustering(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles)
    {
        var n = articles.Count;
        var vectors = SignatureVectors.Create([.. articles.Select(a => a.Facts.Signature)]);
        var clusters = Enumerable.Range(0, n).Select(i => new List<int> { i }).ToList();
        while (true)
        {
            var best = (A: -1, B: -1, Score: EventClustering.Threshold);
            for (var a = 0; a < clusters.Count; a++)
            for (var b = a + 1; b < clusters.Count; b++)
            {
                Int128 sum = 0;
                foreach (var x in clusters[a]) foreach (var y in clusters[b]) sum += vectors.Dot(x, y);
                var score = SignatureVectors.Mean(sum, (long)clusters[a].Count * clusters[b].Count);
                if (score >= best.Score && (best.A < 0 || score > best.Score)) best = (a, b, score);
            }
            if (best.A < 0) break;
            clusters[best.A].AddRange(clusters[best.B]);
            clusters.RemoveAt(best.B);
        }
        return [.. clusters.Select(c => c.Select(i => articles[i].Key).Order().ToList()).OrderBy(c => c[0]).Select(c => string.Join(",", c.Select(d => d.Value)))];
    }

    private static string Mutate(string text, Random random)
    {
        switch (random.Next(5))
        {
            case 0: // a word inside a quote
            case 1:
            {
                var quotes = Regex.Matches(text, "“([^”\n]+)”").ToList();
                if (quotes.Count == 0) return text;
                var quote = quotes[random.Next(quotes.Count)].Groups[1];
                var words = Regex.Matches(quote.Value, @"\p{L}+").ToList();
                var word = words[random.Next(words.Count)];
                var at = quote.Index + word.Index;
                return text[..at] + Words[random.Next(Words.Length)] + text[(at + word.Length)..];
            }
            case 2: // a number
            {
                var numbers = Regex.Matches(text, @"\b\d+\b").ToList();
                if (numbers.Count == 0) return text;
                var number = numbers[random.Next(numbers.Count)];
                return text[..number.Index] + random.Next(2, 500) + text[(number.Index + number.Length)..];
            }
            case 3: // an ordinary word before everything else in the body
            {
                var line = text.IndexOf('\n');
                return line < 0 ? text : text[..line] + " " + Words[random.Next(Words.Length)] + text[line..];
            }
            default: // a name, which the signature counts
            {
                var line = text.IndexOf('\n');
                return line < 0 ? text : text[..line] + $" con Giulia Neri{random.Next(3)}" + text[line..];
            }
        }
    }

    private static string Describe(AgreementIndex index)
    {
        var text = new StringBuilder();
        foreach (var e in index.Events) text.Append(e.Id).Append(':').AppendJoin(',', e.Documents.Select(d => d.Value)).Append('\n');
        foreach (var g in index.QuoteGroups)
        {
            text.Append($"{g.Id} {g.EventId} {g.Speaker} {g.Agreement}");
            foreach (var v in g.Variants)
                text.Append($" [{v.Document.Value}#{v.Ordinal} {v.Quote.GetHashCode()} {v.Quote.Text} {string.Join(",", v.Differing.Select(s => s.ToString()))}]");
            text.Append('\n');
        }
        foreach (var f in index.NumberFacts)
            text.Append($"{f.Id} {f.EventId} {f.Claim} {f.Unit} {f.Agreement} ").AppendJoin(' ', f.Mentions.Select(m => $"{m.Document.Value}#{m.Ordinal}:{m.Number.Text}")).Append('\n');
        return text.ToString();
    }

    private sealed class AgreementIncrementalityTestsTexts
    {
        public ImmutableArray<(string Key, string Text)> All { get; } =
        [
            ("gas-a.txt", "Vertice di Bruxelles sul gas russo e sui prezzi\nIl ministro Mario Rossi ha parlato martedì a Bruxelles con i colleghi europei del prezzo del gas russo. " +
                          "“Abbiamo trovato un accordo importante sul prezzo del gas”, ha detto Rossi. Al vertice hanno partecipato 27 ministri europei.\n" +
                          "Il prezzo massimo del gas russo sarà deciso a Bruxelles dai ministri europei."),
            ("gas-b.txt", "Gas russo, accordo a Bruxelles sui prezzi\nA Bruxelles il ministro Mario Rossi ha discusso martedì il prezzo del gas russo con i ministri europei. " +
                          "“Abbiamo trovato un accordo storico sul prezzo del gas”, ha dichiarato Rossi. Al vertice hanno partecipato 26 ministri europei.\n" +
                          "Il prezzo massimo del gas russo sarà deciso dai ministri europei a Bruxelles."),
            ("gas-e.txt", "Gas, intesa a Bruxelles sui prezzi\nMartedì a Bruxelles il ministro Mario Rossi ha incontrato i ministri europei sul prezzo del gas russo. " +
                          "“Abbiamo trovato un accordo decisivo sul prezzo del gas”, ha detto Rossi. Al vertice hanno partecipato 27 ministri europei.\n" +
                          "Il prezzo massimo del gas russo sarà deciso dai ministri europei a Bruxelles."),
        ];
    }
}
