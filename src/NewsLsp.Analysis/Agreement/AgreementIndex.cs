using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// Cross-source agreement over the whole corpus: the events, and within each event the quote groups and the numeric
/// facts. Computed from <see cref="ArticleFacts"/> alone (see <see cref="AgreementQuery"/>). Holds no absolute
/// positions: quotes and numbers are referred to by ordinal (see <see cref="AgreementLocations"/>).
/// Article-scoped: an article's part is its event with that event's quote groups and number facts; an update that kept
/// the events knows the members of the events whose facts it made anew.
/// </summary>
public sealed class AgreementIndex : IArticleScopedFact
{
    private readonly IReadOnlyDictionary<DocumentKey, int> _eventOf;
    private readonly ImmutableArray<EventFacts> _facts; // as aligned: an event kept from an earlier index keeps that index's ids
    private readonly FirstIds[]? _firstIds;             // per event, its first ids in corpus order; null: the facts' ids are final
    private readonly EventFacts?[] _numbered;           // per event, its facts with the ids of _firstIds, made on first read
    private readonly EventClusters? _clusters; // what Update needs to re-cluster incrementally; null when built from parts
    private ArticleScopedHistory _history = ArticleScopedHistory.None;
    private PreparedMatches _prepared = new(); // shared along the history of updates (see PrepareToEdit)

    /// <summary>Where an event's quote and number ids start when the events' lists are numbered one after another.</summary>
    private readonly record struct FirstIds(int Quote, int Number);

    /// <summary>
    /// What one event contributes: its quote groups and number facts, and the first ids they were numbered from;
    /// <see cref="NumberMatches"/> and <see cref="QuoteMatches"/>: what aligning its numbers and quotes again while one
    /// article is edited reuses.</summary>
    internal sealed record EventFacts(int FirstQuoteId, int FirstNumberId, ImmutableArray<QuoteGroup> Quotes, ImmutableArray<NumberFact> Numbers,
        NumberMatches? NumberMatches = null, QuoteMatches? QuoteMatches = null);

    public AgreementIndex(ImmutableArray<AgreementEvent> events, ImmutableArray<QuoteGroup> quotes, ImmutableArray<NumberFact> numbers)
        : this(null, events, EventIndexes(events), [.. events.Select(e => new EventFacts(0, 0,
            [.. quotes.Where(g => g.EventId == e.Id)], [.. numbers.Where(f => f.EventId == e.Id)]))], firstIds: null, quotes, numbers)
    {
    }

    private AgreementIndex(EventClusters? clusters, ImmutableArray<AgreementEvent> events, IReadOnlyDictionary<DocumentKey, int> eventOf,
        ImmutableArray<EventFacts> facts, FirstIds[]? firstIds, ImmutableArray<QuoteGroup> quotes, ImmutableArray<NumberFact> numbers)
    {
        _clusters = clusters;
        Events = events;
        _eventOf = eventOf;
        _facts = facts;
        _firstIds = firstIds;
        _numbered = new EventFacts?[facts.Length];
        _quoteGroups = quotes;
        _numberFacts = numbers;
    }

    // The corpus-wide lists are the events' numbered lists joined. Rules read one article's groups through QuoteGroupsOf
    // and NumberFactsOf, so an update leaves them default and they are joined on first use: copying every group and fact
    // of the corpus on each keystroke was garbage nobody read. A race joins twice into equal arrays (one reference written).
    private ImmutableArray<QuoteGroup> _quoteGroups;
    private ImmutableArray<NumberFact> _numberFacts;

    public ImmutableArray<AgreementEvent> Events { get; }

    public ImmutableArray<QuoteGroup> QuoteGroups
    {
        get
        {
            if (_quoteGroups.IsDefault) _quoteGroups = [.. Enumerable.Range(0, _facts.Length).SelectMany(k => Numbered(k).Quotes)];
            return _quoteGroups;
        }
    }

    public ImmutableArray<NumberFact> NumberFacts
    {
        get
        {
            if (_numberFacts.IsDefault) _numberFacts = [.. Enumerable.Range(0, _facts.Length).SelectMany(k => Numbered(k).Numbers)];
            return _numberFacts;
        }
    }

    public AgreementEvent? EventOf(DocumentKey document) => _eventOf.TryGetValue(document, out var i) ? Events[i] : null;

    public IEnumerable<QuoteGroup> QuoteGroupsOf(DocumentKey document) =>
        _eventOf.TryGetValue(document, out var i) ? Numbered(i).Quotes.Where(g => g.Variants.Any(v => v.Document == document)) : [];

    public IEnumerable<NumberFact> NumberFactsOf(DocumentKey document) =>
        _eventOf.TryGetValue(document, out var i) ? Numbered(i).Numbers.Where(f => f.Mentions.Any(m => m.Document == document)) : [];

    public static AgreementIndex Compute(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles)
    {
        var clusters = EventClusters.Compute(articles);
        var events = clusters.Events;
        var byKey = articles.ToDictionary(a => a.Key, a => a.Facts);
        // Events are aligned independently, on every core, largest first so that the cores finish together; each is
        // numbered from 1, and numbered in event order when read, so the ids are those of aligning one event after another.
        var aligned = new EventFacts[events.Length];
        var largestFirst = Enumerable.Range(0, events.Length).OrderByDescending(i => events[i].Documents.Length).ThenBy(i => i).ToArray();
        Parallel.ForEach(Partitioner.Create(largestFirst, loadBalance: true), i =>
        {
            int firstQuote = 1, firstNumber = 1;
            aligned[i] = Align(events[i], byKey, ref firstQuote, ref firstNumber);
        });
        var firstIds = new FirstIds[events.Length];
        int quoteId = 1, numberId = 1;
        for (var i = 0; i < events.Length; i++) Advance(aligned[i], ref firstIds[i], ref quoteId, ref numberId);
        return new AgreementIndex(clusters, events, EventIndexes(events), ImmutableArray.Create(aligned), firstIds, quotes: default, numbers: default);
    }

    /// <summary>
    /// Folds changed summaries into <paramref name="previous"/>. When only signatures and facts of existing articles
    /// changed, the events are updated incrementally (<see cref="EventClusters.Update"/>); an event whose articles are
    /// the same and none of their quotes or numbers changed keeps its quote groups and number facts as they are (their
    /// ids are shifted when read, see <see cref="Numbered"/>), the others are aligned again. Adding or removing an article
    /// changes every term weight, so that recomputes everything. Equal to <see cref="Compute"/> on the same summaries.
    /// </summary>
    public static AgreementIndex Update(AgreementIndex previous, IReadOnlyDictionary<DocumentKey, ArticleFacts> summaries,
        IReadOnlyList<SummaryChange<ArticleFacts>> changes, Func<AgreementIndex> compute)
    {
        if (previous._clusters is null) return compute();
        var signatures = new List<(DocumentKey, EquatableArray<string>)>();
        foreach (var change in changes)
        {
            if (change.Before is null || change.After is null) return compute();
            if (change.Before.Signature != change.After.Signature) signatures.Add((change.Key, change.After.Signature));
        }
        var clusters = previous._clusters.Update(signatures);
        var events = clusters.Events;
        var sameEvents = events == previous.Events;
        var eventOf = sameEvents ? previous._eventOf : EventIndexes(events);
        // Alignment reads quotes and numbers only: an article whose signature alone changed keeps its event's facts.
        var editedIn = new Dictionary<int, List<SummaryChange<ArticleFacts>>>(); // event index -> changes to its articles' quotes or numbers
        foreach (var change in changes)
        {
            if (change.Before!.Quotes == change.After!.Quotes && change.Before.Numbers == change.After.Numbers) continue;
            var index = eventOf[change.Key];
            if (!editedIn.TryGetValue(index, out var list)) editedIn[index] = list = [];
            list.Add(change);
        }
        var facts = new EventFacts[events.Length];
        var firstIds = new FirstIds[events.Length];
        int quoteId = 1, numberId = 1;
        for (var k = 0; k < events.Length; k++)
        {
            var @event = events[k];
            var before = sameEvents ? k : previous._eventOf[@event.Documents[0]];
            var sameArticles = sameEvents || previous.Events[before].Documents.AsSpan().SequenceEqual(@event.Documents.AsSpan());
            List<SummaryChange<ArticleFacts>>? edited = !sameArticles ? null : editedIn.TryGetValue(k, out var list) ? list : [];
            var (firstQuote, firstNumber) = (quoteId, numberId);
            facts[k] = edited is null ? Align(@event, summaries, ref firstQuote, ref firstNumber)
                : edited is [] ? previous._facts[before]
                : Realign(previous._facts[before], @event, summaries, edited, quoteId, numberId, previous._prepared);
            Advance(facts[k], ref firstIds[k], ref quoteId, ref numberId);
        }
        var next = new AgreementIndex(clusters, events, eventOf, ImmutableArray.Create(facts), firstIds, quotes: default, numbers: default);
        // Set before the value is returned, so no reader sees it change.
        next._prepared = previous._prepared;
        next._history = ArticleScopedHistory.After(previous, previous._history, sameEvents ? MembersOfNewFacts(events, next._facts, previous._facts) : null);
        return next;
    }

    /// <summary>
    /// Makes ahead what the first keystroke in <paramref name="document"/> would compute for its event: the quote and
    /// number matches its other sources make among themselves (<see cref="PreparedMatches"/>) with their answers for
    /// its segments and figures as they are now, and the centroids of
    /// the groups re-clustering frees around it (a dry update with its signature unchanged, whose result is dropped:
    /// it fills the table the next updates take centroids from). Changes no result. False when there was nothing to
    /// prepare (no event with other sources, or prepared already).
    /// </summary>
    internal bool PrepareToEdit(DocumentKey document, Func<DocumentKey, ArticleFacts> factsOf)
    {
        if (EventOf(document) is not { Documents.Length: > 1 } @event) return false;
        var articles = @event.Documents.Select(d => (d, factsOf(d))).ToList();
        var edited = articles.FindIndex(a => a.d == document);
        var prepared = false;
        if (articles.Where((a, i) => i != edited && a.Item2.Quotes.Count > 0).Any() && _prepared.Find<QuoteMatches>(articles, edited) is null)
        {
            var quoteMatches = QuoteMatches.Among(articles, edited);
            quoteMatches.AnswerAhead(articles);
            _prepared.Add(quoteMatches);
            prepared = true;
        }
        if (articles.Where((a, i) => i != edited && a.Item2.Numbers.Count > 0).Any() && _prepared.Find<NumberMatches>(articles, edited) is null)
        {
            _prepared.Add(NumberAlignment.MatchesAmong(articles, edited));
            prepared = true;
        }
        if (prepared) _clusters?.Update([(document, articles[edited].Item2.Signature)]);
        return prepared;
    }

    /// <summary>The articles whose part differs when the events are the same objects: the members of events whose facts are new.</summary>
    public IReadOnlySet<DocumentKey>? ArticlesChangedSince(object earlier) => _history.ChangedSince(this, earlier);

    // Null past what a history remembers. Ids are not part of an article's part: an event that kept its facts while an
    // earlier one gained some reads the same groups under shifted ids, and no per-article result shows an id.
    private static HashSet<DocumentKey>? MembersOfNewFacts(ImmutableArray<AgreementEvent> events, ImmutableArray<EventFacts> facts, ImmutableArray<EventFacts> before)
    {
        var changed = new HashSet<DocumentKey>();
        for (var i = 0; i < events.Length; i++)
        {
            if (ReferenceEquals(facts[i], before[i])) continue;
            changed.UnionWith(events[i].Documents);
            if (changed.Count > ArticleScopedHistory.MaxRememberedArticles) return null;
        }
        return changed;
    }

    // Where the event's ids start, and the next event's.
    private static void Advance(EventFacts facts, ref FirstIds first, ref int quoteId, ref int numberId)
    {
        first = new FirstIds(quoteId, numberId);
        quoteId += facts.Quotes.Length;
        numberId += facts.Numbers.Length;
    }

    // The event's facts aligned afresh.
    private static EventFacts Align(AgreementEvent @event, IReadOnlyDictionary<DocumentKey, ArticleFacts> summaries, ref int quoteId, ref int numberId)
    {
        var (firstQuote, firstNumber) = (quoteId, numberId);
        var members = @event.Documents.Select(d => (d, summaries[d])).ToList();
        var quotes = QuoteAlignment.Align(@event, members, ref quoteId);
        var numbers = NumberAlignment.Align(@event, members, ref numberId);
        return new EventFacts(firstQuote, firstNumber, quotes, numbers);
    }

    // The same articles, some with new facts: quotes are aligned again only when a member's quotes changed, numbers only
    // when its numbers did (each alignment reads nothing else), so a keystroke in a sentence with a figure does not
    // re-align every quote of a large event; with one article edited, quote and number matches among the others are reused.
    // What is not aligned again keeps the ids it had.
    private static EventFacts Realign(EventFacts facts, AgreementEvent @event, IReadOnlyDictionary<DocumentKey, ArticleFacts> summaries,
        List<SummaryChange<ArticleFacts>> edited, int quoteId, int numberId, PreparedMatches prepared)
    {
        bool quotesChanged = false, numbersChanged = false;
        foreach (var change in edited)
        {
            quotesChanged |= change.Before!.Quotes != change.After!.Quotes;
            numbersChanged |= change.Before.Numbers != change.After.Numbers;
        }
        var (firstQuote, firstNumber) = (quoteId, numberId);
        var members = @event.Documents.Select(d => (d, summaries[d])).ToList();
        DocumentKey? editedOne = edited is [var one] ? one.Key : null;
        // Matches are kept when their facts are: checked against the articles when next reused.
        var quoteMatches = facts.QuoteMatches;
        var quotes = !quotesChanged ? facts.Quotes
            : QuoteAlignment.Align(@event, members, ref quoteId, facts.QuoteMatches, out quoteMatches, editedOne, prepared);
        var numberMatches = facts.NumberMatches;
        var numbers = !numbersChanged ? facts.Numbers
            : NumberAlignment.Align(@event, members, ref numberId, facts.NumberMatches, out numberMatches, editedOne, prepared);
        return new EventFacts(quotesChanged ? firstQuote : facts.FirstQuoteId, numbersChanged ? firstNumber : facts.FirstNumberId,
            quotes, numbers, numberMatches, quoteMatches);
    }

    /// <summary>
    /// Event <paramref name="k"/>'s facts with their corpus ids: as stored when they were numbered from the right ids in
    /// this event, otherwise renumbered once, on first read. Keeping facts as they are on update and numbering them only
    /// here makes an update cost the events that changed: a fact gained early in the corpus used to renumber every later
    /// event on each keystroke. A race numbers twice into equal facts (one reference written).
    /// </summary>
    private EventFacts Numbered(int k)
    {
        var facts = _facts[k];
        if (_firstIds is null) return facts;
        if (_numbered[k] is { } numbered) return numbered;
        var (first, @event) = (_firstIds[k], Events[k]);
        var quotes = IdsAre(facts.Quotes, facts.FirstQuoteId, first.Quote, @event, static g => g.EventId) ? facts.Quotes : WithIds(facts.Quotes, first.Quote, @event.Id);
        var numbers = IdsAre(facts.Numbers, facts.FirstNumberId, first.Number, @event, static f => f.EventId) ? facts.Numbers : WithIds(facts.Numbers, first.Number, @event.Id);
        numbered = quotes == facts.Quotes && numbers == facts.Numbers ? facts
            : new EventFacts(first.Quote, first.Number, quotes, numbers, facts.NumberMatches, facts.QuoteMatches);
        _numbered[k] = numbered;
        return numbered;
    }

    // Whether items numbered from `numberedFrom` carry the ids numbering from `first` in `event` gives them.
    private static bool IdsAre<T>(ImmutableArray<T> items, int numberedFrom, int first, AgreementEvent @event, Func<T, string> eventOf)
    {
        if (items.IsEmpty) return true;
        if (numberedFrom != first) return false;
        foreach (var item in items) if (eventOf(item) != @event.Id) return false;
        return true;
    }

    private static ImmutableArray<QuoteGroup> WithIds(ImmutableArray<QuoteGroup> groups, int first, string eventId) =>
        [.. groups.Select((g, k) => g with { Id = $"quote-{first + k}", EventId = eventId })];

    private static ImmutableArray<NumberFact> WithIds(ImmutableArray<NumberFact> facts, int first, string eventId) =>
        [.. facts.Select((f, k) => f with { Id = $"number-{first + k}", EventId = eventId })];

    private static Dictionary<DocumentKey, int> EventIndexes(ImmutableArray<AgreementEvent> events)
    {
        var result = new Dictionary<DocumentKey, int>();
        for (var i = 0; i < events.Length; i++) foreach (var document in events[i].Documents) result[document] = i;
        return result;
    }
}

/// <summary>The corpus query behind <see cref="AgreementIndex"/>; its per-article input is <see cref="ArticleFacts"/>.</summary>
public sealed class AgreementQuery : CorpusQuery<ArticleFacts, AgreementIndex>
{
    public static AgreementQuery Instance { get; } = new();

    private AgreementQuery() : base("agreement") { }

    public override ArticleQuery<ArticleFacts> Summary => ArticleFacts.Query;

    protected internal override AgreementIndex Compute(ImmutableSortedDictionary<DocumentKey, ArticleFacts> summaries) =>
        AgreementIndex.Compute([.. summaries.Select(kv => (kv.Key, kv.Value))]);

    protected internal override AgreementIndex Update(AgreementIndex previous, ImmutableSortedDictionary<DocumentKey, ArticleFacts> summaries,
        IReadOnlyList<SummaryChange<ArticleFacts>> changes) =>
        AgreementIndex.Update(previous, summaries, changes, () => Compute(summaries));
}
