using System.Collections.Concurrent;
using NewsLsp.Syntax;

namespace NewsLsp.Analysis;

/// <summary>The positions a <see cref="SentenceMemo{T}"/> computation gives are relative to.</summary>
internal static class SentenceMemo
{
    /// <summary>Where a sentence's relative positions start in its block: its first token's start (0 when it has no tokens).</summary>
    public static int Origin(Block block, Sentence sentence) =>
        sentence.TokenCount == 0 ? 0 : block.Tokens[sentence.FirstToken].Start;

    /// <summary>
    /// <paramref name="memo"/> for an article being edited; null (scan every sentence) for an article's first text.
    /// Why: a keystroke changes one sentence, so an edited article finds the others in the memo; but on a cold load
    /// nearly every sentence is new, and remembering each one copied its characters and tokens (once per memo) only to
    /// evict them again a few articles later.
    /// </summary>
    public static SentenceMemo<T>? ForArticle<T>(ArticleState article, SentenceMemo<T> memo) => article.MemoIfEdited(memo);
}

/// <summary>
/// Per-sentence results of one analysis, keyed on the sentence's content: the characters from its first token's start
/// to its last token's end and its tokens relative to that start. Why: a keystroke changes one sentence of an article,
/// and the analysis of every other sentence is found here instead of redone. The computation must read only the
/// sentence's tokens and their characters, and give positions relative to the sentence's first token (see
/// <see cref="SentenceMemo.Origin"/>): then equal keys mean equal results, wherever the sentence now stands.
/// Bounded: two generations of at most <c>capacity</c> entries; an entry used again survives into the next one.
/// Thread-safe: results must be immutable.
/// </summary>
internal sealed class SentenceMemo<T>
{
    private readonly object _gate = new();
    private readonly int _capacity;
    private Generation _current = new();
    private Generation _previous = new();
    private int _currentCount;

    public SentenceMemo(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public T GetOrCompute(Block block, Sentence sentence, Func<Block, Sentence, T> compute)
    {
        // Looked up by the sentence's characters and tokens in place: a key is made only for a sentence not yet in
        // this generation.
        var sentenceContent = new SentenceContent(block, sentence);
        var current = _current;
        if (current.ByContent.TryGetValue(sentenceContent, out var result)) return result;
        if (!_previous.ByContent.TryGetValue(sentenceContent, out result)) result = compute(block, sentence);
        if (current.ByContent.TryAdd(sentenceContent, result) && Interlocked.Increment(ref _currentCount) > _capacity) NextGeneration();
        return result;
    }

    private void NextGeneration()
    {
        lock (_gate)
        {
            if (Volatile.Read(ref _currentCount) <= _capacity) return;
            _previous = _current;
            _current = new Generation();
            Volatile.Write(ref _currentCount, 0);
        }
    }

    private sealed class Generation
    {
        private readonly ConcurrentDictionary<Key, T> _entries = new(KeyComparer.Instance);

        public Generation() => ByContent = _entries.GetAlternateLookup<SentenceContent>();

        public ConcurrentDictionary<Key, T>.AlternateLookup<SentenceContent> ByContent { get; }
    }

    /// <summary>A sentence's characters and tokens where they stand in their block: what a <see cref="Key"/> holds, uncopied.</summary>
    private readonly ref struct SentenceContent
    {
        public SentenceContent(Block block, Sentence sentence)
        {
            Tokens = block.Tokens.AsSpan(sentence.FirstToken, sentence.TokenCount);
            Origin = Tokens.IsEmpty ? 0 : Tokens[0].Start;
            var end = Origin;
            foreach (var token in Tokens) end = Math.Max(end, token.End);
            Chars = block.Chars[Origin..end];
        }

        public ReadOnlySpan<char> Chars { get; }
        public ReadOnlySpan<Token> Tokens { get; }
        public int Origin { get; }

        public int Hash()
        {
            var hash = new HashCode();
            hash.Add(string.GetHashCode(Chars, StringComparison.Ordinal));
            // The text is hashed whole; a token's fields are folded into one number (equality compares them exactly).
            foreach (var token in Tokens) hash.Add(((token.Start - Origin) * 31 + token.Length) ^ ((int)token.Kind << 24) ^ ((int)token.Quote << 28));
            return hash.ToHashCode();
        }

        public bool Matches(Key key)
        {
            if (!Chars.SequenceEqual(key.Text) || Tokens.Length != key.Tokens.Length) return false;
            for (var i = 0; i < Tokens.Length; i++)
            {
                if (Tokens[i] with { Start = Tokens[i].Start - Origin } != key.Tokens[i]) return false;
            }
            return true;
        }
    }

    /// <summary>A sentence's characters and tokens, positions relative to its first token. Never modified after construction.</summary>
    private sealed class Key(string text, Token[] tokens, int hash)
    {
        public string Text { get; } = text;
        public Token[] Tokens { get; } = tokens;
        public int Hash { get; } = hash;

        public static Key From(SentenceContent content)
        {
            var tokens = new Token[content.Tokens.Length];
            for (var i = 0; i < tokens.Length; i++) tokens[i] = content.Tokens[i] with { Start = content.Tokens[i].Start - content.Origin };
            return new Key(content.Chars.ToString(), tokens, content.Hash());
        }
    }

    private sealed class KeyComparer : IEqualityComparer<Key>, IAlternateEqualityComparer<SentenceContent, Key>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(Key? x, Key? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.Hash == y.Hash && x.Text == y.Text && x.Tokens.AsSpan().SequenceEqual(y.Tokens));

        public int GetHashCode(Key key) => key.Hash;

        public bool Equals(SentenceContent alternate, Key other) => alternate.Matches(other);

        public int GetHashCode(SentenceContent alternate) => alternate.Hash();

        public Key Create(SentenceContent alternate) => Key.From(alternate);
    }
}
