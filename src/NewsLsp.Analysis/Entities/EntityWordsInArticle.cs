using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace NewsLsp.Analysis.Entities;

/// <summary>
/// One article's linked mentions (<see cref="EntityOccurrences.InArticle"/>), and their words grouped by entity in order
/// of first mention, each word with its folded form (<see cref="NameForms.Fold"/>): what NEWS010, NEWS011 and NEWS012
/// read. Why a shared, remembered value: the three rules run for the edited article on every keystroke, and each used
/// to join the mentions with the entities (and the spelling rules to split every mention and fold every word) on its own.
/// Only the articles analysed last are remembered (<see cref="RecentSlots"/>): the rules read an article's words one
/// after the other, and a keystroke re-analyses the edited article; remembering every article's words, as long as its
/// mentions lived, kept about 80 MB alive after a cold analysis of 10,000 articles for no later use. A new version of a
/// remembered article whose names are the same, in the same order, under the same linking (most keystrokes) takes the
/// words of the version before, moved to its mentions, instead of splitting and folding every mention again.
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

    private EntityWordsInArticle(DocumentKey document, ArticleEntityMentions mentions, LinkedEntities linked, ImmutableArray<EntityOccurrence> occurrences,
        ImmutableArray<Entry> entries)
    {
        _document = document;
        _mentions = mentions;
        _linked = new WeakReference<LinkedEntities>(linked);
        _occurrences = occurrences;
        _entries = entries;
    }

    /// <summary>The article's words by entity.</summary>
    public static ImmutableArray<Entry> Of(ArticleState article, LinkedEntities linked) => For(article, linked)._entries;

    /// <summary>The same as <see cref="EntityOccurrences.InArticle"/>.</summary>
    public static ImmutableArray<EntityOccurrence> OccurrencesOf(ArticleState article, LinkedEntities linked) => For(article, linked)._occurrences;

    /// <summary>The article's words by entity computed afresh, from its mentions alone (what tests compare with).</summary>
    internal static ImmutableArray<Entry> Compute(ArticleState article, LinkedEntities linked) => Group(EntityOccurrences.InArticle(article, linked));

    private static EntityWordsInArticle For(ArticleState article, LinkedEntities linked)
    {
        var mentions = article.Get(ArticleEntityMentions.Query);
        ref var slot = ref Recent[(article.Key.GetHashCode() & int.MaxValue) % RecentSlots];
        var known = Volatile.Read(ref slot);
        if (known is null || known._document != article.Key || !known._linked.TryGetTarget(out var knownLinked) || !ReferenceEquals(knownLinked, linked)) known = null;
        if (known is not null && ReferenceEquals(known._mentions, mentions)) return known;
        EntityWordsInArticle computed;
        // A keystroke that changes no name leaves the article the same names in the same order, linked by the same
        // value: the words of its last version, moved to the new mentions, are the words a fresh computation gives.
        if (known is not null && SameNames(known._mentions.Mentions, mentions.Mentions)) computed = known.MovedTo(mentions, linked);
        else
        {
            var occurrences = EntityOccurrences.InArticle(article, linked);
            computed = new EntityWordsInArticle(article.Key, mentions, linked, occurrences, Group(occurrences));
        }
        Volatile.Write(ref slot, computed);
        return computed;
    }

    // The same texts with the same types, in the same order: the same entities (for one linking value), words and folded forms.
    private static bool SameNames(ImmutableArray<EntityMention> before, ImmutableArray<EntityMention> after)
    {
        if (before.Length != after.Length) return false;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i].Type != after[i].Type || before[i].Text != after[i].Text) return false;
        }
        return true;
    }

    /// <summary>
    /// These words for the article's next version, whose <paramref name="mentions"/> are the same names in the same
    /// order (<see cref="SameNames"/>): each entity keeps its words and folded forms; the occurrences are the new
    /// mentions, and each word's offset is where it stands in its new mention.
    /// </summary>
    private EntityWordsInArticle MovedTo(ArticleEntityMentions mentions, LinkedEntities linked)
    {
        var before = _mentions.Mentions;
        var occurrences = new EntityOccurrence[_occurrences.Length];
        var m = 0;
        for (var k = 0; k < occurrences.Length; k++)
        {
            // Occurrences are in mention order: the mention at the same index in the new version.
            while (!ReferenceEquals(before[m], _occurrences[k].Mention)) m++;
            occurrences[k] = new EntityOccurrence(_document, mentions.Mentions[m], _occurrences[k].Entity);
        }
        var entries = new Entry[_entries.Length];
        for (var e = 0; e < entries.Length; e++)
        {
            var entry = _entries[e];
            var words = new SpellingVariants.MentionWord[entry.Words.Length];
            var k = 0;
            for (var w = 0; w < words.Length; w++)
            {
                // An entity's words are in occurrence order too.
                var word = entry.Words[w];
                while (!ReferenceEquals(_occurrences[k], word.Occurrence)) k++;
                words[w] = new SpellingVariants.MentionWord(occurrences[k], word.Word, occurrences[k].Span.Start + (word.Offset - word.Occurrence.Span.Start));
            }
            entries[e] = new Entry(entry.Entity, ImmutableCollectionsMarshal.AsImmutableArray(words), entry.Folded);
        }
        return new EntityWordsInArticle(_document, mentions, linked, ImmutableCollectionsMarshal.AsImmutableArray(occurrences),
            ImmutableCollectionsMarshal.AsImmutableArray(entries));
    }

    private static ImmutableArray<Entry> Group(ImmutableArray<EntityOccurrence> occurrences)
    {
        // All words in text order with their entity's number (entities numbered in order of first mention), then each
        // entity's words picked out: one list for the article instead of a growing list per entity.
        var entities = new List<LinkedEntity>();
        var words = WordsScratch ??= [];
        var owners = OwnersScratch ??= [];
        words.Clear();
        owners.Clear();
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
        Span<int> wordCounts = entities.Count <= 256 ? stackalloc int[entities.Count] : new int[entities.Count];
        foreach (var owner in owners) wordCounts[owner]++;
        for (var e = 0; e < entities.Count; e++)
        {
            // Each entity's arrays are made at their size and filled, not grown and copied.
            var own = new SpellingVariants.MentionWord[wordCounts[e]];
            var folded = new string[wordCounts[e]];
            var filled = 0;
            for (var i = 0; i < words.Count; i++)
            {
                if (owners[i] != e) continue;
                own[filled] = words[i];
                folded[filled++] = SharedFold(words[i].Word);
            }
            result.Add(new Entry(entities[e], ImmutableCollectionsMarshal.AsImmutableArray(own), ImmutableCollectionsMarshal.AsImmutableArray(folded)));
        }
        words.Clear(); // the scratch lists do not keep the article's occurrences alive
        owners.Clear();
        return result.MoveToImmutable();
    }

    // This thread's lists of an article's words and their entities, reused: they do not outlive Group, and two lists
    // grown from empty for every keystroke were the largest garbage of the spelling rules.
    [ThreadStatic] private static List<SpellingVariants.MentionWord>? WordsScratch;
    [ThreadStatic] private static List<int>? OwnersScratch;

    // The shared instance of NameForms.Fold(word), folded on the stack: a capitalised word's folded copy is made only
    // when no shared instance of it is found.
    private static string SharedFold(string word)
    {
        if (word.Length > 64) return Agreement.SharedStrings.Share(NameForms.Fold(word));
        Span<char> folded = stackalloc char[word.Length];
        NameForms.FoldInto(word, folded);
        // The word itself when folding leaves it as it is (as Fold returns it).
        return Agreement.SharedStrings.Share(folded, whole: folded.SequenceEqual(word) ? word : null);
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
