using System.Collections.Immutable;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// Cross-source agreement over the whole corpus: the events, and within each event the quote groups and the numeric
/// facts. Computed from <see cref="ArticleFacts"/> alone (see <see cref="AgreementQuery"/>).
/// </summary>
public sealed class AgreementIndex
{
    private readonly ImmutableDictionary<DocumentKey, AgreementEvent> _eventOf;
    private readonly ILookup<DocumentKey, QuoteGroup> _quotesOf;
    private readonly ILookup<DocumentKey, NumberFact> _numbersOf;

    public AgreementIndex(ImmutableArray<AgreementEvent> events, ImmutableArray<QuoteGroup> quotes, ImmutableArray<NumberFact> numbers)
    {
        Events = events;
        QuoteGroups = quotes;
        NumberFacts = numbers;
        _eventOf = events.SelectMany(e => e.Documents.Select(d => (d, e))).ToImmutableDictionary(p => p.d, p => p.e);
        _quotesOf = quotes.SelectMany(g => g.Variants.Select(v => v.Document).Distinct().Select(d => (d, g))).ToLookup(p => p.d, p => p.g);
        _numbersOf = numbers.SelectMany(f => f.Mentions.Select(m => m.Document).Distinct().Select(d => (d, f))).ToLookup(p => p.d, p => p.f);
    }

    public ImmutableArray<AgreementEvent> Events { get; }
    public ImmutableArray<QuoteGroup> QuoteGroups { get; }
    public ImmutableArray<NumberFact> NumberFacts { get; }

    public AgreementEvent? EventOf(DocumentKey document) => _eventOf.GetValueOrDefault(document);
    public IEnumerable<QuoteGroup> QuoteGroupsOf(DocumentKey document) => _quotesOf[document];
    public IEnumerable<NumberFact> NumberFactsOf(DocumentKey document) => _numbersOf[document];

    public static AgreementIndex Compute(IReadOnlyList<(DocumentKey Key, ArticleFacts Facts)> articles)
    {
        var events = EventClustering.Cluster(articles);
        var byKey = articles.ToDictionary(a => a.Key, a => a.Facts);
        var quotes = ImmutableArray.CreateBuilder<QuoteGroup>();
        var numbers = ImmutableArray.CreateBuilder<NumberFact>();
        int quoteId = 1, numberId = 1;
        foreach (var @event in events)
        {
            var members = @event.Documents.Select(d => (d, byKey[d])).ToList();
            quotes.AddRange(QuoteAlignment.Align(@event, members, ref quoteId));
            numbers.AddRange(NumberAlignment.Align(@event, members, ref numberId));
        }
        return new AgreementIndex(events, quotes.ToImmutable(), numbers.ToImmutable());
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
}
