using System.Collections.Immutable;

namespace NewsLsp.Analysis.Entities;

/// <summary>
/// One article's linked mentions (<see cref="EntityOccurrences.InArticle"/>), and their words grouped by entity in order
/// of first mention, each word with its folded form (<see cref="NameForms.Fold"/>): what NEWS010, NEWS011 and NEWS012
/// read. Why a shared, remembered value: the three rules run for the edited article on every keystroke, and each used
/// to join the mentions with the entities (and the spelling rules to split every mention and fold every word) on its own.
/// Only the articles analysed last are remembered (<see cref="RecentSlots"/>): the rules read an article's words one
/// after the other, and a keystroke re-analyses the edited article; remembering every article's words, as long as its
/// mentions lived, kept about 80 MB alive after a cold analysis of 10,000 articles for no later use.
/// </summary>
internal sealed class EntityWordsInArticle
{
    /// <summary>One entity's words in this article, in text order, and their folded forms (parallel).</summary>
    internal sealed record Entry(LinkedEntity Entity, ImmutableArray<SpellingVariants.MentionWord> Words, ImmutableArray<string> Folded);

    /// <summary>How many articles' words are remembered: one slot per article, chosen by its key (a collision only recomputes).</summary>
    internal const int RecentSlots = 64;

    // Each slot is replaced whole (a single reference store), so readers on other threads see an old or a new value, never a mix.
    private static readonly EntityWordsInArticle?[] Recent = new EntityWordsInArticle?[RecentSlots];

    private readonly DocumentKey _document;
    private readonly ArticleEntityMentions _mentions; // the version of the article's text these words are of
    // Held weakly, so a remembered article does not keep an old corpus-wide linking alive.
    private readonly WeakReference<LinkedEntities> _linked;
    private readonly ImmutableArray<EntityOccurrence> _occurrences;
    private readonly ImmutableArray<Entry> _entries;

    private EntityWordsInArticle(DocumentKey document, ArticleEntityMentions mentions, LinkedEntities linked, ImmutableArray<EntityOccurrence> occurrences)
    {
        _document = document;
        _mentions = mentions;
        _linked = new WeakReference<LinkedEntities>(linked);
        _occurrences = occurrences;
        _entries = Group(occurrences);
    }

    /// <summary>The article's words by entity.</summary>
    public static ImmutableArray<Entry> Of(ArticleState article, LinkedEntities linked) => For(article, linked)._entries;

    /// <summary>The same as <see cref="EntityOccurrences.InArticle"/>.</summary>
    public static ImmutableArray<EntityOccurrence> OccurrencesOf(ArticleState article, LinkedEntities linked) => For(article, linked)._occurrences;

    private static EntityWordsInArticle For(ArticleState article, LinkedEntities linked)
    {
        var mentions = article.Get(ArticleEntityMentions.Query);
        ref var slot = ref Recent[(article.Key.GetHashCode() & int.MaxValue) % RecentSlots];
        var known = Volatile.Read(ref slot);
        if (known is not null && ReferenceEquals(known._mentions, mentions) && known._document == article.Key
            && known._linked.TryGetTarget(out var knownLinked) && ReferenceEquals(knownLinked, linked)) return known;
        var computed = new EntityWordsInArticle(article.Key, mentions, linked, EntityOccurrences.InArticle(article, linked));
        Volatile.Write(ref slot, computed);
        return computed;
    }

    private static ImmutableArray<Entry> Group(ImmutableArray<EntityOccurrence> occurrences)
    {
        // All words in text order with their entity's number (entities numbered in order of first mention), then each
        // entity's words picked out: one list for the article instead of a growing list per entity.
        var entities = new List<LinkedEntity>();
        var words = new List<SpellingVariants.MentionWord>();
        var owners = new List<int>();
        foreach (var occurrence in occurrences)
        {
            var owner = IndexOf(entities, occurrence.Entity.Id);
            if (owner < 0)
            {
                owner = entities.Count;
                entities.Add(occurrence.Entity);
            }
            var before = words.Count;
            SpellingVariants.AddWords(occurrence, words);
            for (var i = before; i < words.Count; i++) owners.Add(owner);
        }
        var result = ImmutableArray.CreateBuilder<Entry>(entities.Count);
        var own = ImmutableArray.CreateBuilder<SpellingVariants.MentionWord>();
        var folded = ImmutableArray.CreateBuilder<string>();
        for (var e = 0; e < entities.Count; e++)
        {
            own.Clear();
            folded.Clear();
            for (var i = 0; i < words.Count; i++)
            {
                if (owners[i] != e) continue;
                own.Add(words[i]);
                folded.Add(Agreement.SharedStrings.Share(NameForms.Fold(words[i].Word)));
            }
            result.Add(new Entry(entities[e], own.ToImmutable(), folded.ToImmutable()));
        }
        return result.MoveToImmutable();
    }

    // An article names a few tens of entities: a scan is cheaper than a dictionary made for each article.
    private static int IndexOf(List<LinkedEntity> entities, string id)
    {
        for (var i = 0; i < entities.Count; i++)
        {
            if (entities[i].Id == id) return i;
        }
        return -1;
    }
}
