using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace NewsLsp.Analysis.Entities;

/// <summary>
/// One article's linked mentions (<see cref="EntityOccurrences.InArticle"/>), and their words grouped by entity in order
/// of first mention, each word with its folded form (<see cref="NameForms.Fold"/>): what NEWS010, NEWS011 and NEWS012
/// read. Why a shared, remembered value: the three rules run for the edited article on every keystroke, and each used
/// to join the mentions with the entities (and the spelling rules to split every mention and fold every word) on its own.
/// </summary>
internal sealed class EntityWordsInArticle
{
    /// <summary>One entity's words in this article, in text order, and their folded forms (parallel).</summary>
    internal sealed record Entry(LinkedEntity Entity, ImmutableArray<SpellingVariants.MentionWord> Words, ImmutableArray<string> Folded);

    // Keyed on the article's mentions (one instance per version of its text): the entry is collected with them. The
    // linking result is held weakly, so an article left unedited does not keep an old corpus-wide linking alive.
    private static readonly ConditionalWeakTable<ArticleEntityMentions, EntityWordsInArticle> Remembered = new();

    private readonly DocumentKey _document;
    private readonly WeakReference<LinkedEntities> _linked;
    private readonly ImmutableArray<EntityOccurrence> _occurrences;
    private readonly ImmutableArray<Entry> _entries;

    private EntityWordsInArticle(DocumentKey document, LinkedEntities linked, ImmutableArray<EntityOccurrence> occurrences)
    {
        _document = document;
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
        if (Remembered.TryGetValue(mentions, out var known) && known._document == article.Key
            && known._linked.TryGetTarget(out var knownLinked) && ReferenceEquals(knownLinked, linked)) return known;
        var computed = new EntityWordsInArticle(article.Key, linked, EntityOccurrences.InArticle(article, linked));
        Remembered.AddOrUpdate(mentions, computed);
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
                folded.Add(NameForms.Fold(words[i].Word));
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
