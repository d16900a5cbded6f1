using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis.Agreement;
using NewsLsp.Ner;
using NewsLsp.Syntax;

namespace NewsLsp.Analysis.Entities;

/// <summary>
/// The named-entity mentions of one article, in text order: what the NER model tags (PER, LOC, ORG) in the
/// headline and paragraphs, plus other named things (<see cref="MiscNameFinder"/>), each with the role the article
/// gives it where it stands (<see cref="RoleFinder"/>). Image lines and comments are not prose and are skipped.
/// </summary>
public sealed class ArticleEntityMentions
{
    // The words of lines seen before, for the articles being edited (LineMemo.ForArticle): a keystroke changes one
    // line, and the words of the others are found by their tokens' identity instead of looking each token's text up
    // again. 1,024 lines are about fifty articles.
    private static readonly LineMemo<ImmutableArray<ImmutableArray<string>>> LineWords = new(slotBits: 10);

    public static readonly ArticleQuery<ArticleEntityMentions> Query =
        new FunctionArticleQuery<ArticleEntityMentions>("entity-mentions", article => Find(article.Syntax, LineMemo.ForArticle(article, LineWords)));

    private static readonly Func<BlockContent, ImmutableArray<ImmutableArray<string>>> WordsOfLine = static line => Words(line);

    // Sentences tagged before, for the articles being edited: a keystroke changes one sentence, and the tags of the
    // others are reused only when their tokens and document codes are equal, so results are those of a full tagging.
    // 8,192 sentences per generation is a few hundred articles, far more than anyone edits at once. Lazy: commands
    // that never tag must not load the model.
    private static readonly Lazy<SentenceTagCache> TagCache = new(() => NerModel.LoadDefault().CreateTagCache(8192));

    /// <summary>
    /// Starts loading the NER model and the place lists mentions are retyped with, on a pool thread. Why: a batch
    /// run that will tag every article can decompress them (about 0.3 s) while it reads the files, instead of making
    /// the first articles wait.
    /// </summary>
    public static Task PreloadModelAsync() => Task.Run(() =>
    {
        _ = TagCache.Value;
        TypeEvidence.LoadLists();
    });

    private ArticleEntityMentions(ImmutableArray<EntityMention> mentions) => Mentions = mentions;

    public ImmutableArray<EntityMention> Mentions { get; }

    /// <summary>The mention whose span contains <paramref name="offset"/> (its end included), or null.</summary>
    public EntityMention? At(int offset)
    {
        foreach (var mention in Mentions)
        {
            if (offset >= mention.Span.Start && offset <= mention.Span.End) return mention;
            if (mention.Span.Start > offset) break;
        }
        return null;
    }

    public static ArticleEntityMentions Find(ArticleSyntax syntax) => Find(syntax, memo: null);

    /// <param name="memo">Where the words of lines seen before are found; null to read every sentence's tokens.</param>
    internal static ArticleEntityMentions Find(ArticleSyntax syntax, LineMemo<ImmutableArray<ImmutableArray<string>>>? memo)
    {
        // Sized up front (the lists grew from empty on every keystroke).
        var sentenceCount = 0;
        foreach (var block in syntax.ProseBlocks) sentenceCount += block.Sentences.Length;
        var sentences = new List<SentenceTokens>(sentenceCount);
        foreach (var block in syntax.ProseBlocks)
        {
            var lineWords = memo?.GetOrCompute(block.Content, WordsOfLine);
            for (var s = 0; s < block.Sentences.Length; s++)
            {
                var sentence = block.Sentences[s];
                var words = lineWords is { } known ? known[s] : Words(block.Content, sentence);
                // The memo's arrays are only read here, as every sentence's words are.
                sentences.Add(new SentenceTokens(block, sentence, ImmutableCollectionsMarshal.AsArray(words)!));
            }
        }
        if (sentences.Count == 0) return new ArticleEntityMentions([]);

        var sentenceWords = new IReadOnlyList<string>[sentences.Count];
        for (var i = 0; i < sentences.Count; i++) sentenceWords[i] = sentences[i].Words;
        var tags = TagCache.Value.Model.Tag(sentenceWords, TagCache.Value);
        var spans = new List<List<(int First, int Last, EntityType Type)>>(sentences.Count);
        for (var i = 0; i < sentences.Count; i++) spans.Add(NameSpans(sentences[i].Words, JoinHyphenatedNames(sentences[i], tags[i])));
        var personNameWords = PersonNameWords(sentences, spans);
        Func<string, bool> isPersonNameWord = personNameWords.Contains; // one delegate for the article, not one per name
        var singleWordTypes = SingleWordTypes(sentences, spans);
        // A category noun types a name wherever the article repeats it: "la rivista Spiegel" … "ha riferito Spiegel".
        var cueTypes = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        for (var s = 0; s < sentences.Count; s++)
        {
            foreach (var m in spans[s])
            {
                if (m.First != m.Last) continue;
                if (CueType(sentences[s].Words, m.First) is { } cued) cueTypes.TryAdd(sentences[s].Words[m.First], cued);
            }
        }
        var spanCount = 0;
        foreach (var sentenceSpans in spans) spanCount += sentenceSpans.Count;
        var mentions = ImmutableArray.CreateBuilder<EntityMention>(spanCount + spanCount / 4);
        var heads = new List<(int First, int Last, EntityType Type)>();
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            var words = sentence.Words;
            heads.Clear();
            AddConsistentHeads(words, spans[s], singleWordTypes, heads);
            // Room for the other names MiscNameFinder may add, so the list is not regrown for them.
            var found = new List<(int First, int Last, EntityType Type)>(heads.Count == 0 ? 0 : heads.Count + 2);
            foreach (var m in heads)
            {
                if (m.First == m.Last && CalendarWords.Contains(words[m.First])) continue;
                found.Add((m.First, m.Last, Retype(words, m.First, m.Last, m.Type, isPersonNameWord, cueTypes)));
            }
            foreach (var (first, last) in MiscNameFinder.Find(words, found)) found.Add((first, last, EntityType.Misc));
            // Usually in order already (the stable sort is for the names MiscNameFinder adds).
            List<(int First, int Last, EntityType Type)> ordered = InOrder(found) ? found : [.. found.OrderBy(f => f.First)];
            foreach (var (first, last, type) in ordered)
            {
                var block = sentence.Block;
                var start = block.Start + block.Tokens[sentence.Sentence.FirstToken + first].Start;
                var end = block.Start + block.Tokens[sentence.Sentence.FirstToken + last].End;
                var span = TextSpan.FromBounds(start, end);
                var role = RoleFinder.Find(words, first, found);
                // Shared: the same names recur in every article that reports them.
                var text = SharedStrings.Share(block.Chars[(start - block.Start)..(end - block.Start)], whole: null);
                mentions.Add(new EntityMention(span, text, type, role));
            }
        }
        return new ArticleEntityMentions(mentions.ToImmutable());
    }

    /// <summary>The words of each sentence of a line, in order.</summary>
    private static ImmutableArray<ImmutableArray<string>> Words(BlockContent line)
    {
        var words = new ImmutableArray<string>[line.Sentences.Length];
        for (var s = 0; s < words.Length; s++) words[s] = Words(line, line.Sentences[s]);
        return ImmutableCollectionsMarshal.AsImmutableArray(words);
    }

    /// <summary>The text of each token of a sentence, in order.</summary>
    private static ImmutableArray<string> Words(BlockContent line, Sentence sentence)
    {
        var words = new string[sentence.TokenCount];
        // Shared instances: an article's words recur in every version of it and in other articles, so the words of
        // a sentence read again are found already made instead of copying each token's text again.
        for (var i = 0; i < words.Length; i++)
        {
            var token = line.Tokens[sentence.FirstToken + i];
            words[i] = SharedStrings.Share(line.Chars.Slice(token.Start, token.Length), whole: null);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(words);
    }

    /// <summary>
    /// The model's spans, cleaned with rules of Italian orthography: a name starts with a capital, so leading
    /// lower-case words are dropped ("via Truth" → "Truth"; a span of common nouns like "esercito russo" goes);
    /// a person's name does not contain ordinary lower-case words, so "Trump di Putin" is two names (particles such
    /// as "de", "von" stay); and an elided article ("all'") never sits inside a place or organisation name.
    /// </summary>
    private static List<(int First, int Last, EntityType Type)> NameSpans(string[] words, IReadOnlyList<string> tags)
    {
        var spans = new List<(int First, int Last, EntityType Type)>(BeginTags(tags));
        for (var t = 0; t < tags.Count; t++)
        {
            if (NerSpanAt(tags, t) is not var (nerFirst, nerLast, type)) continue;
            var partStart = nerFirst;
            for (var i = nerFirst; i <= nerLast + 1; i++)
            {
                if (i <= nerLast && !SplitsName(words[i], type)) continue;
                if (Trim(words, partStart, i - 1) is { } part) spans.Add((part.First, part.Last, type));
                partStart = i + 1;
            }
            t = nerLast;
        }
        return spans;
    }

    // How many names the model begins in a sentence: about how many spans it gives (splitting a name adds one).
    private static int BeginTags(IReadOnlyList<string> tags)
    {
        var count = 0;
        foreach (var tag in tags)
        {
            if (tag.StartsWith("B-", StringComparison.Ordinal)) count++;
        }
        return count;
    }

    private static bool InOrder(List<(int First, int Last, EntityType Type)> spans)
    {
        for (var i = 1; i < spans.Count; i++)
        {
            if (spans[i].First < spans[i - 1].First) return false;
        }
        return true;
    }

    /// <summary>
    /// Consistency with the rest of the article. "Ucraina sovrana", "Stato ucraino": a name the article uses alone
    /// elsewhere, followed only by lower-case words, is that name; the adjective is not part of it, and the name
    /// keeps the type it has alone. "Cremlino Peskov" typed as one place: an institution the article names alone
    /// with another type, followed by one more name, is the institution and a person (its spokesman, its leader).
    /// </summary>
    private static void AddConsistentHeads(string[] words, List<(int First, int Last, EntityType Type)> spans,
        Dictionary<string, EntityType> singleWordTypes, List<(int First, int Last, EntityType Type)> heads)
    {
        foreach (var span in spans)
        {
            var tailIsLowercase = span.Last > span.First && AllStartLower(words, span.First + 1, span.Last);
            var headAloneType = singleWordTypes.TryGetValue(words[span.First], out var type) ? type : (EntityType?)null;
            if (tailIsLowercase && headAloneType is { } alone) heads.Add((span.First, span.First, alone));
            else if (span.Last == span.First + 1 && headAloneType is { } institution && institution != span.Type && institution != EntityType.Person &&
                     char.IsUpper(words[span.Last][0]))
            {
                // "portavoce del Cremlino Peskov": an institution named alone elsewhere, then one more name: its person.
                heads.Add((span.First, span.First, institution));
                heads.Add((span.Last, span.Last, EntityType.Person));
            }
            else heads.Add(span);
        }
    }

    // The words of the article's multi-word person names.
    private static HashSet<string> PersonNameWords(List<SentenceTokens> sentences, List<List<(int First, int Last, EntityType Type)>> spans)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < sentences.Count; s++)
        {
            foreach (var m in spans[s])
            {
                if (m.Type != EntityType.Person || m.Last <= m.First) continue;
                for (var i = m.First; i <= m.Last; i++) words.Add(sentences[s].Words[i]);
            }
        }
        return words;
    }

    // The type each single-word name has most often in the article; a tie goes to the type it was given first.
    private static Dictionary<string, EntityType> SingleWordTypes(List<SentenceTokens> sentences, List<List<(int First, int Last, EntityType Type)>> spans)
    {
        var tallies = TalliesScratch ??= new Dictionary<string, TypeTally>(StringComparer.Ordinal);
        tallies.Clear();
        for (var s = 0; s < sentences.Count; s++)
        {
            foreach (var m in spans[s])
            {
                if (m.First != m.Last) continue;
                CollectionsMarshal.GetValueRefOrAddDefault(tallies, sentences[s].Words[m.First], out _).Add(m.Type);
            }
        }
        var types = new Dictionary<string, EntityType>(tallies.Count, StringComparer.Ordinal);
        foreach (var (word, tally) in tallies) types.Add(word, tally.MostFrequent);
        tallies.Clear(); // the scratch table does not keep the article's words alive
        return types;
    }

    // This thread's tally table, reused: the tallies do not outlive SingleWordTypes, and a table per article was garbage on every keystroke.
    [ThreadStatic] private static Dictionary<string, TypeTally>? TalliesScratch;

    /// <summary>How often a word was given each type, and the order the types were first given in.</summary>
    private struct TypeTally
    {
        private const int Types = 4; // EntityType's values: Person, Location, Organisation, Misc
        private TypeCounts _counts;
        private TypeCounts _firstGiven; // 1-based rank of each type's first use; 0 when never given
        private int _given;

        public void Add(EntityType type)
        {
            var t = (int)type;
            if (_counts[t]++ == 0) _firstGiven[t] = ++_given;
        }

        public readonly EntityType MostFrequent
        {
            get
            {
                var best = -1;
                for (var t = 0; t < Types; t++)
                {
                    if (_counts[t] == 0) continue;
                    if (best < 0 || _counts[t] > _counts[best] || (_counts[t] == _counts[best] && _firstGiven[t] < _firstGiven[best])) best = t;
                }
                return (EntityType)best;
            }
        }
    }

    [InlineArray(4)]
    private struct TypeCounts
    {
        private int _element;
    }

    // Words first..last (inclusive) all start with a lower-case letter; a loop, not a slice of the sentence per name.
    private static bool AllStartLower(string[] words, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (words[i].Length == 0 || !char.IsLower(words[i][0])) return false;
        }
        return true;
    }

    /// <summary>"Jean-Noël Barrot": the tokenizer splits at the hyphen; name parts touching a hyphen, inside a longer name, are one name.</summary>
    private static IReadOnlyList<string> JoinHyphenatedNames(SentenceTokens sentence, IReadOnlyList<string> tags)
    {
        // Copied only when a name is joined: most sentences have none, and the tags are read, never changed, after this.
        string[]? joined = null;
        IReadOnlyList<string> current = tags;
        var tokens = sentence.Block.Tokens;
        var offset = sentence.Sentence.FirstToken;
        for (var i = 1; i + 1 < current.Count; i++)
        {
            if (sentence.Words[i] != "-" || NerTags.TypeOf(current[i - 1]) is not { } type || current[i + 1] != "B-" + type) continue;
            if (tokens[offset + i - 1].End != tokens[offset + i].Start || tokens[offset + i].End != tokens[offset + i + 1].Start) continue;
            // Two single names on either side are a pair ("Trump-Putin"), not one name.
            var leftIsPartOfName = current[i - 1].StartsWith("I-", StringComparison.Ordinal);
            var rightContinues = i + 2 < current.Count && current[i + 2] == "I-" + type;
            if (!leftIsPartOfName && !rightContinues) continue;
            current = joined ??= [.. tags];
            joined[i] = "I-" + type;
            joined[i + 1] = "I-" + type;
        }
        return current;
    }

    private static (int First, int Last)? Trim(string[] words, int first, int last)
    {
        while (first <= last && !StartsUpperOrDigit(words[first])) first++;
        while (last > first && !StartsUpperOrDigit(words[last]) && !char.IsLetterOrDigit(words[last][^1])) last--;
        return first <= last ? (first, last) : null;
    }

    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "de", "del", "della", "da", "dos", "das", "van", "von", "der", "den", "bin", "ben", "al", "el", "la", "le", "du", "y",
    };

    private static bool SplitsName(string word, EntityType type)
    {
        if (word.EndsWith('\'') || word.EndsWith('’')) return true;
        return type == EntityType.Person && word.Length > 0 && char.IsLower(word[0]) && !NameParticles.Contains(word);
    }

    private static bool StartsUpperOrDigit(string word) => word.Length > 0 && (char.IsUpper(word[0]) || char.IsDigit(word[0]));

    // A category noun in front ("i sistemi Patriot", "la piattaforma Truth Social") outranks the model's guess,
    // then name lists correct places the model typed otherwise.
    private static EntityType Retype(string[] words, int first, int last, EntityType type, Func<string, bool> isPersonNameWord,
        Dictionary<string, EntityType> cueTypes)
    {
        if (CueType(words, first) is { } cued) return cued;
        if (first == last && cueTypes.TryGetValue(words[first], out var elsewhere)) return elsewhere;
        if (type == EntityType.Location) return type; // as TypeEvidence.Correct would, without slicing the name's words
        return TypeEvidence.Correct(words[first..(last + 1)], type, isPersonNameWord);
    }

    private static EntityType? CueType(string[] words, int first) =>
        MiscNameFinder.IsCategoryCue(words, first, includePrepositions: false) ? EntityType.Misc
        : TypeEvidence.IsOrganisationCue(words, first) ? EntityType.Organisation
        : null;

    /// <summary>The model's span beginning at tag <paramref name="i"/> (a B- tag and the I- tags continuing it), or null.</summary>
    private static (int First, int Last, EntityType Type)? NerSpanAt(IReadOnlyList<string> tags, int i)
    {
        var tag = tags[i];
        if (tag.Length <= 2 || !tag.StartsWith("B-", StringComparison.Ordinal)) return null;
        var last = i;
        while (last + 1 < tags.Count && Continues(tags[last + 1], tag)) last++;
        return (i, last, TypeOfTag(tag));
    }

    // EntityTypes.FromCode of the code after "B-", compared in place for the model's own codes.
    private static EntityType TypeOfTag(string tag) => tag.AsSpan(2) switch
    {
        "PER" => EntityType.Person,
        "LOC" => EntityType.Location,
        "ORG" => EntityType.Organisation,
        "MISC" => EntityType.Misc,
        _ => EntityTypes.FromCode(tag[2..])!.Value,
    };

    // "I-" + the type of the B- tag, compared in place: building "I-PER" to compare with cost a string per token.
    private static bool Continues(string tag, string beginTag) =>
        tag.Length == beginTag.Length && tag.StartsWith("I-", StringComparison.Ordinal) && tag.AsSpan(2).SequenceEqual(beginTag.AsSpan(2));

    private sealed record SentenceTokens(Block Block, Sentence Sentence, string[] Words);
}
