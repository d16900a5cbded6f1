using System.Collections.Frozen;
using System.Collections.Immutable;
using NewsLsp.Syntax;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// Extracts the quoted statements of one article with their speakers. Attribution, in order of preference:
/// a speech verb after the quote (<c>"…", ha detto X</c>, <c>ha aggiunto</c>, <c>secondo X</c>); a name before a colon
/// (<c>Rutte: "…"</c>, <c>il portavoce Peskov: "…"</c>); a speech verb before it in the sentence (<c>X ha dichiarato
/// che "…"</c>, <c>X ha scritto su X: "…"</c>, <c>per gli USA "…"</c>); a following <c>A parlare è X</c>; and, when a
/// verb says someone spoke but names no one, or nothing attributes a quote at all, the speaker of the previous quote
/// in the paragraph or the person named in the previous sentence.
/// </summary>
public static class QuoteExtractor
{
    private static readonly FrozenSet<string> SpeechVerbs = new[]
    {
        "detto", "dichiarato", "affermato", "scritto", "aggiunto", "sottolineato", "spiegato", "concluso", "continuato",
        "definito", "ribadito", "annunciato", "precisato", "osservato", "commentato", "replicato", "risposto", "riferito",
        "ammesso", "avvertito", "chiarito", "descritto", "parlato", "assicurato", "evidenziato", "insistito", "promesso",
        "dice", "dicono", "afferma", "dichiara", "scrive", "aggiunge", "sottolinea", "spiega", "conclude", "ribadisce",
        "aggiungendo", "dicendo", "affermando", "sottolineando", "spiegando", "definendo", "scrivendo",
        "secondo",
    }.ToFrozenSet(StringComparer.Ordinal);

    // A role in place of a name: the subject is someone named earlier.
    private static readonly FrozenSet<string> RoleNouns = new[]
    {
        "presidente", "leader", "ministro", "portavoce", "tycoon", "capo", "segretario", "cancelliere", "quale", "consigliere",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> NotNames = new[]
    {
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "gennaio", "febbraio", "marzo", "aprile",
        "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre", "oggi", "ieri", "domani",
        "intanto", "allo", "nel", "secondo", "mentre", "sempre", "dopo", "prima", "ore", "nessuno", "insieme", "immediata",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Prepositions = new[]
    {
        "su", "in", "di", "del", "della", "dello", "dei", "degli", "delle", "dell'", "a", "al", "alla", "all'", "con", "da",
        "dal", "dalla", "tra", "fra", "verso", "nel", "nella", "sul", "sulla", "via",
    }.ToFrozenSet(StringComparer.Ordinal);

    // The word sets looked up by characters: attribution reads a dozen tokens around every quote, and each used to be
    // copied and lower-cased into two strings to be looked up.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbsByChars = SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RoleNounsByChars = RoleNouns.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PrepositionsByChars = Prepositions.GetAlternateLookup<ReadOnlySpan<char>>();

    // Words are normalised into stack buffers of this size; longer ones take the string path.
    private const int StackWord = 64;

    // The words of quotations read before, keyed on the quoted tokens, for the articles being edited
    // (SentenceMemo.ForArticle): a keystroke re-extracted every quote of the article, normalising, stemming and sharing
    // each of its words again (1-2 % of a keystroke's CPU in the server, mostly cache misses in the shared-string table).
    private static readonly SentenceMemo<QuotedText> QuotedTexts = new(1024);

    public static readonly ArticleQuery<ArticleQuotes> Query =
        new FunctionArticleQuery<ArticleQuotes>("agreement-quotes", a => Extract(a.Syntax, a.Get(QuotePairs.Query), SentenceMemo.ForArticle(a, QuotedTexts)));

    public static ArticleQuotes Extract(ArticleSyntax syntax, QuotePairs pairs) => Extract(syntax, pairs, memo: null);

    /// <param name="memo">Where quotations read before are found; null to read every quotation (what tests compare with).</param>
    internal static ArticleQuotes Extract(ArticleSyntax syntax, QuotePairs pairs, SentenceMemo<QuotedText>? memo)
    {
        var result = ImmutableArray.CreateBuilder<QuoteMention>();
        var spans = ImmutableArray.CreateBuilder<Microsoft.CodeAnalysis.Text.TextSpan>();
        Block? previousBlock = null;
        string? previousSpeaker = null;
        foreach (var pair in pairs.Pairs)
        {
            var block = syntax.FindBlock(pair.Open);
            if (block is null) continue;
            if (!ReferenceEquals(block, previousBlock)) previousSpeaker = null;
            var (text, words) = memo is null ? Read(syntax, block, pair) : ReadThroughMemo(syntax, block, pair, memo);
            if (words.Length == 0) continue;
            var speaker = Attribute(syntax, block, pair, previousSpeaker);
            previousBlock = block;
            previousSpeaker = speaker ?? previousSpeaker;
            result.Add(new QuoteMention(text, SharedStrings.ShareOptional(speaker), block.Kind == BlockKind.Headline, words));
            spans.Add(pair.Inner);
        }
        return new ArticleQuotes(result.ToImmutable(), spans.ToImmutable());
    }

    // This thread's buffer for one quote's words, reused (a builder grown from empty per quote left its arrays behind).
    [ThreadStatic] private static ImmutableArray<QuoteWord>.Builder? WordsScratch;

    /// <summary>A quotation's text and words, as <see cref="QuotedTexts"/> keeps them.</summary>
    internal sealed record QuotedText(string Text, ImmutableArray<QuoteWord> Words);

    // Shared: the sources of an event quote the same statements by the same speakers.
    private static (string Text, ImmutableArray<QuoteWord> Words) Read(ArticleSyntax syntax, Block block, QuotePair pair)
    {
        var (first, end) = InnerTokens(block, pair);
        return (SharedStrings.Share(syntax.Text.ToString(pair.Inner)), Words(block, first, end, pair.Inner.Start));
    }

    private static readonly Func<Block, Sentence, QuotedText> ReadQuoted = static (block, tokens) =>
    {
        var origin = SentenceMemo.Origin(block, tokens);
        var text = tokens.TokenCount == 0 ? "" : SharedStrings.Share(block.Chars[origin..block.Tokens[tokens.FirstToken + tokens.TokenCount - 1].End], whole: null);
        return new QuotedText(text, Words(block, tokens.FirstToken, tokens.FirstToken + tokens.TokenCount, block.Start + origin));
    };

    // The quoted tokens are looked up as a sentence would be: what the memo gives depends only on them and their
    // characters, with offsets from the first of them; a quotation whose text does not start and end with a token
    // (a space inside the marks) takes its text and offsets from the quotation itself.
    private static (string Text, ImmutableArray<QuoteWord> Words) ReadThroughMemo(ArticleSyntax syntax, Block block, QuotePair pair, SentenceMemo<QuotedText> memo)
    {
        var (first, end) = InnerTokens(block, pair);
        if (first == end || block.Start + block.Tokens[first].Start != pair.Inner.Start || block.Start + block.Tokens[end - 1].End != pair.Inner.End)
            return Read(syntax, block, pair);
        var quoted = memo.GetOrCompute(block, new Sentence(first, end - first, default), ReadQuoted);
        return (quoted.Text, quoted.Words);
    }

    // The tokens strictly between the quotation's marks: [first, end).
    private static (int First, int End) InnerTokens(Block block, QuotePair pair)
    {
        var tokens = block.Tokens;
        var first = 0;
        while (first < tokens.Length && block.Start + tokens[first].Start <= pair.Open) first++;
        var end = first;
        while (end < tokens.Length && block.Start + tokens[end].Start < pair.Close) end++;
        return (first, end);
    }

    // Offsets are from origin (an offset in the article).
    private static ImmutableArray<QuoteWord> Words(Block block, int first, int end, int origin)
    {
        var words = WordsScratch ??= ImmutableArray.CreateBuilder<QuoteWord>(64);
        words.Clear();
        var segment = 0;
        for (var i = first; i < end; i++)
        {
            var token = block.Tokens[i];
            var start = block.Start + token.Start;
            var text = block.Chars.Slice(token.Start, token.Length);
            if (token.Kind is TokenKind.Word or TokenKind.Number)
            {
                words.Add(Word(text, start - origin, token.Kind == TokenKind.Number, segment));
            }
            else if (token.Kind == TokenKind.Punctuation && text is "." or "!" or "?" or "..." && words.Count > 0 && words[^1].Segment == segment)
            {
                segment++;
            }
        }
        var result = words.ToImmutable();
        words.Clear(); // the buffer does not keep the quote's strings alive
        return result;
    }

    // A quoted word, normalised on the stack: its normalised form and stem come shared, made only when new.
    private static QuoteWord Word(ReadOnlySpan<char> text, int offset, bool isNumber, int segment)
    {
        Span<char> buffer = stackalloc char[StackWord];
        var length = ItalianWords.Normalize(text, buffer);
        if (length < 0)
        {
            var normalized = ItalianWords.Normalize(text.ToString());
            return new QuoteWord(offset, text.Length, SharedStrings.Share(normalized), ItalianWords.Stem(normalized), isNumber || ItalianWords.IsContent(normalized), segment);
        }
        var norm = buffer[..length];
        return new QuoteWord(offset, text.Length, SharedStrings.Share(norm, whole: null), ItalianWords.Stem(norm), isNumber || ItalianWords.IsContent(norm), segment);
    }

    private static string? Attribute(ArticleSyntax syntax, Block block, QuotePair pair, string? previousSpeaker)
    {
        var tokens = block.Tokens;
        var open = IndexAt(block, pair.Open);
        var close = IndexAt(block, pair.Close);
        var verbSeen = false;

        // 1. After the quote: ", ha detto X", "secondo X", up to the sentence end or the next quotation.
        for (var i = close + 1; i < tokens.Length && i <= close + 12; i++)
        {
            if (tokens[i].Kind == TokenKind.Quote || IsSentenceEnd(block, tokens[i])) break;
            if (tokens[i].Kind == TokenKind.Word && NormIn(block, i, SpeechVerbsByChars))
            {
                verbSeen = true;
                if (NameAfter(block, i + 1) is { } name) return name;
                break;
            }
        }

        // 2. A name right before a colon: "Rutte: "…"", "il portavoce del Cremlino Peskov: "…"".
        var j = open - 1;
        if (j >= 0 && TextIs(block, j, "che")) j--;
        if (j >= 0 && TextIs(block, j, ":"))
        {
            if (NameEndingAt(block, j - 1) is { } name) return name;
            if (j >= 1 && tokens[j - 1].Kind == TokenKind.Word && NormIn(block, j - 1, SpeechVerbsByChars)) verbSeen = true;
        }

        // 3. Before the quote, in its sentence: a speech verb and its subject; "per gli USA "…"".
        var sentenceStart = SentenceStartIndex(block, open);
        for (var i = open - 1; i >= sentenceStart; i--)
        {
            if (tokens[i].Kind == TokenKind.Quote) break;
            if (tokens[i].Kind != TokenKind.Word || !NormIn(block, i, SpeechVerbsByChars)) continue;
            verbSeen = true;
            if (SubjectBefore(block, sentenceStart, i) is { } subject) return subject;
            break;
        }
        if (sentenceStart < open && NormIs(block, sentenceStart, "per") && NameAfter(block, sentenceStart + 1) is { } per) return per;

        // 4. "… ". A parlare è X."
        if (close + 4 < tokens.Length && IsSentenceEnd(block, tokens[close + 1]) && NormIs(block, close + 2, "a") && NormIs(block, close + 3, "parlare")
            && NameAfter(block, close + 4) is { } announced) return announced;

        // 5. Continuation of the paragraph's previous quote, or someone spoke and the previous sentence names them.
        if (previousSpeaker is not null) return previousSpeaker;
        if (verbSeen) return PreviousSentenceName(syntax, block, open);
        return null;
    }

    private static string? SubjectBefore(Block block, int sentenceStart, int verb)
    {
        var roleSeen = false;
        for (var i = verb - 1; i >= sentenceStart; i--)
        {
            if (NormIn(block, i, RoleNounsByChars)) roleSeen = true;
            if (!roleSeen && NameEndingAt(block, i) is { } name && !IsPrepositional(block, i, name)) return name;
        }
        return FirstNameIn(block, sentenceStart, verb);
    }

    private static bool IsPrepositional(Block block, int end, string name)
    {
        var start = end;
        while (start - 1 >= 0 && (IsNameToken(block, start - 1) || TextIs(block, start - 1, "-"))) start--;
        return start > 0 && NormIn(block, start - 1, PrepositionsByChars);
    }

    private static string? FirstNameIn(Block block, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!IsNameToken(block, i)) continue;
            var end = i;
            while (end + 1 < to && (IsNameToken(block, end + 1) || (TextIs(block, end + 1, "-") && end + 2 < to && IsNameToken(block, end + 2)))) end++;
            if (end + 1 < block.Tokens.Length && TextIs(block, end + 1, "-")) { i = end + 2; continue; }
            if (i > 0 && NormIn(block, i - 1, PrepositionsByChars)) { i = end; continue; }
            return NameText(block, i, end);
        }
        return null;
    }

    private static string? PreviousSentenceName(ArticleSyntax syntax, Block block, int open)
    {
        var sentences = block.Sentences;
        for (var s = sentences.Length - 1; s >= 0; s--)
        {
            var sentence = sentences[s];
            if (sentence.FirstToken >= open) continue;
            if (sentence.FirstToken + sentence.TokenCount > open) continue; // the quote's own sentence
            return FirstNameIn(block, sentence.FirstToken, sentence.FirstToken + sentence.TokenCount);
        }
        var previous = syntax.ProseBlocks.LastOrDefault(b => b.Start < block.Start);
        if (previous is null || previous.Sentences.Length == 0) return null;
        var last = previous.Sentences[^1];
        return FirstNameIn(previous, last.FirstToken, last.FirstToken + last.TokenCount);
    }

    private static string? NameAfter(Block block, int from)
    {
        var tokens = block.Tokens;
        var commas = 0;
        for (var i = from; i < tokens.Length && i < from + 12; i++)
        {
            if (tokens[i].Kind == TokenKind.Quote || IsSentenceEnd(block, tokens[i])) return null;
            if (TextIs(block, i, ",") && ++commas > 1) return null;
            if (!IsNameToken(block, i)) continue;
            var end = i;
            while (end + 1 < tokens.Length && (IsNameToken(block, end + 1) || (TextIs(block, end + 1, "-") && end + 2 < tokens.Length && IsNameToken(block, end + 2)))) end++;
            var name = NameText(block, i, end);
            if (i > 0 && NormIn(block, i - 1, PrepositionsByChars))
            {
                // "il segretario generale della NATO Mark Rutte": the organisation, then the person.
                if (end > i && AllUpper(Chars(block, i))) return name;
                i = end;
                continue;
            }
            return name;
        }
        return null;
    }

    /// <summary>The name run ending at token <paramref name="end"/>; null when it is not a name or joins two (Trump-Putin).</summary>
    private static string? NameEndingAt(Block block, int end)
    {
        if (end < 0 || !IsNameToken(block, end)) return null;
        var start = end;
        while (start - 1 >= 0 && IsNameToken(block, start - 1)) start--;
        if (start >= 2 && TextIs(block, start - 1, "-") && IsNameToken(block, start - 2)) return null;
        return NameText(block, start, end);
    }

    private static string NameText(Block block, int start, int end)
    {
        // Acronyms in front of a name are titles or countries ("il presidente USA Donald Trump").
        while (start < end && AllUpper(Chars(block, start))) start++;
        var from = block.Tokens[start].Start;
        return block.Chars[from..block.Tokens[end].End].ToString();
    }

    private static bool IsNameToken(Block block, int i)
    {
        var token = block.Tokens[i];
        if (token.Kind != TokenKind.Word) return false;
        var chars = Chars(block, i);
        // Most words fail here, before any string is made.
        if (chars.Length == 0 || !char.IsUpper(chars[0]) || chars.EndsWith('\'') || chars.EndsWith('’')) return false;
        var text = chars.ToString();
        var norm = ItalianWords.Normalize(text);
        if (NotNames.Contains(norm) || ItalianWords.IsFunctionWord(norm) || text.Length < 2) return false;
        return true;
    }

    private static int SentenceStartIndex(Block block, int tokenIndex)
    {
        foreach (var sentence in block.Sentences)
        {
            if (tokenIndex >= sentence.FirstToken && tokenIndex < sentence.FirstToken + sentence.TokenCount) return sentence.FirstToken;
        }
        return 0;
    }

    private static bool IsSentenceEnd(Block block, Token token) =>
        token.Kind == TokenKind.Punctuation && block.Chars.Slice(token.Start, token.Length) is "." or "!" or "?";

    private static int IndexAt(Block block, int offset)
    {
        var relative = offset - block.Start;
        for (var i = 0; i < block.Tokens.Length; i++) if (block.Tokens[i].Start == relative) return i;
        return -1;
    }

    private static ReadOnlySpan<char> Chars(Block block, int i) => block.Chars.Slice(block.Tokens[i].Start, block.Tokens[i].Length);

    private static bool TextIs(Block block, int i, string text) => Chars(block, i).SequenceEqual(text);

    private static bool AllUpper(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsUpper(c)) return false;
        }
        return true;
    }

    // The token's normalised form is the word (tokens outside the block count as the empty word).
    private static bool NormIs(Block block, int i, string word)
    {
        if (i < 0 || i >= block.Tokens.Length) return word.Length == 0;
        Span<char> buffer = stackalloc char[StackWord];
        var length = ItalianWords.Normalize(Chars(block, i), buffer);
        return length < 0 ? ItalianWords.Normalize(Chars(block, i).ToString()) == word : buffer[..length].SequenceEqual(word);
    }

    // The token's normalised form is in the set (tokens outside the block count as the empty word).
    private static bool NormIn(Block block, int i, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> set)
    {
        if (i < 0 || i >= block.Tokens.Length) return set.Contains([]);
        Span<char> buffer = stackalloc char[StackWord];
        var length = ItalianWords.Normalize(Chars(block, i), buffer);
        return length < 0 ? set.Contains(ItalianWords.Normalize(Chars(block, i).ToString())) : set.Contains(buffer[..length]);
    }
}
