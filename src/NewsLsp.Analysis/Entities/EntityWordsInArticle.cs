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
        var entities = new List<LinkedEntity>();
        var words = new List<List<SpellingVariants.MentionWord>>();
        var indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var occurrence in occurrences)
        {
            if (!indexById.TryGetValue(occurrence.Entity.Id, out var index))
            {
                index = entities.Count;
                indexById.Add(occurrence.Entity.Id, index);
                entities.Add(occurrence.Entity);
                words.Add([]);
            }
            SpellingVariants.AddWords(occurrence, words[index]);
        }
        var result = ImmutableArray.CreateBuilder<Entry>(entities.Count);
        for (var i = 0; i < entities.Count; i++)
        {
            var folded = ImmutableArray.CreateBuilder<string>(words[i].Count);
            foreach (var word in words[i]) folded.Add(NameForms.Fold(word.Word));
            result.Add(new Entry(entities[i], [.. words[i]], folded.MoveToImmutable()));
        }
        return result.MoveToImmutable();
    }
}
