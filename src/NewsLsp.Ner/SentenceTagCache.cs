using System.Collections.Concurrent;

namespace NewsLsp.Ner;

/// <summary>
/// Tags of sentences already tagged by one model, keyed on exactly what the tagger reads for a sentence: its tokens,
/// their document-context codes and, on the memory pass, their memory codes. So a sentence whose key is equal tags
/// the same, and re-tagging an edited article costs only its changed sentences (and those whose codes the edit moved).
/// Bounded: two generations of at most <c>capacity</c> entries; an entry used again survives into the next generation.
/// Thread-safe.
/// </summary>
public sealed class SentenceTagCache
{
    private readonly object _gate = new();
    private readonly int _capacity;
    private ConcurrentDictionary<Key, int[]> _current = new();
    private ConcurrentDictionary<Key, int[]> _previous = new();
    private int _currentCount;
    private long _hits;
    private long _misses;

    internal SentenceTagCache(NerModel model, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Model = model;
        _capacity = capacity;
    }

    /// <summary>The model whose tags these are.</summary>
    public NerModel Model { get; }

    /// <summary>Sentences whose tags were found (observability for tests and benchmarks).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Sentences that had to be tagged.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>
    /// A sentence's tokens as the cache keys on them: hashed once, then shared by the keys of both tagging passes.
    /// An array the caller gives is borrowed for the lookups (it is not changed while it is tagged); a key that is
    /// kept holds its own copy (<see cref="Owned"/>), made only for a sentence not yet cached.
    /// </summary>
    internal sealed class Tokens
    {
        private Tokens? _owned;

        /// <param name="lowerHashes">
        /// <see cref="FeatureHash.Lower"/> of every token, which the tagger has already computed: hashing them is
        /// cheaper than hashing every string again, and keys still compare the exact tokens.
        /// </param>
        public Tokens(IReadOnlyList<string> tokens, ulong[] lowerHashes)
        {
            Items = tokens as string[] ?? [.. tokens];
            if (!ReferenceEquals(Items, tokens)) _owned = this; // copied already
            var hash = new HashCode();
            foreach (var lower in lowerHashes) hash.Add(lower);
            hash.Add(Items.Length);
            Hash = hash.ToHashCode();
        }

        private Tokens(string[] items, int hash)
        {
            Items = items;
            Hash = hash;
            _owned = this;
        }

        /// <summary>Read, never modified, by the cache.</summary>
        public string[] Items { get; }

        public int Hash { get; }

        /// <summary>The same tokens in an array no one else holds: what a kept key refers to.</summary>
        public Tokens Owned() => _owned ??= new Tokens([.. Items], Hash);
    }

    /// <summary>The tags of a sentence tagged before with equal tokens and codes; one found in the older generation moves to the current one.</summary>
    internal bool TryGet(Tokens tokens, byte[] documentCodes, byte[] memory, out int[] tags)
    {
        var key = new Key(tokens, documentCodes, memory);
        if (_current.TryGetValue(key, out tags!))
        {
            Interlocked.Increment(ref _hits);
            return true;
        }
        if (_previous.TryGetValue(key, out tags!))
        {
            Interlocked.Increment(ref _hits);
            Keep(key, tokens, tags);
            return true;
        }
        Interlocked.Increment(ref _misses);
        return false;
    }

    /// <summary>Remembers the tags of a sentence <see cref="TryGet"/> did not find. The arrays must not change afterwards.</summary>
    internal void Add(Tokens tokens, byte[] documentCodes, byte[] memory, int[] tags) =>
        Keep(new Key(tokens, documentCodes, memory), tokens, tags);

    // The key kept holds its own copy of the tokens, not the caller's array the lookup read.
    private void Keep(Key key, Tokens tokens, int[] tags)
    {
        if (_current.TryAdd(new Key(tokens.Owned(), key), tags) && Interlocked.Increment(ref _currentCount) > _capacity) NextGeneration();
    }

    private void NextGeneration()
    {
        lock (_gate)
        {
            if (Volatile.Read(ref _currentCount) <= _capacity) return;
            _previous = _current;
            _current = new ConcurrentDictionary<Key, int[]>();
            Volatile.Write(ref _currentCount, 0);
        }
    }

    /// <summary>One sentence as the tagger sees it. The arrays are never modified after the key is made.</summary>
    private sealed class Key : IEquatable<Key>
    {
        private readonly string[] _tokens;
        private readonly byte[] _documentCodes;
        private readonly byte[] _memory;
        private readonly int _hash;

        /// <summary>The same key over <paramref name="tokens"/> (equal to the ones it was made from).</summary>
        public Key(Tokens tokens, Key key)
        {
            _tokens = tokens.Items;
            _documentCodes = key._documentCodes;
            _memory = key._memory;
            _hash = key._hash;
        }

        public Key(Tokens tokens, byte[] documentCodes, byte[] memory)
        {
            _tokens = tokens.Items;
            _documentCodes = documentCodes;
            _memory = memory;
            var hash = new HashCode();
            hash.Add(tokens.Hash);
            hash.AddBytes(documentCodes);
            hash.AddBytes(memory);
            hash.Add(memory.Length);
            _hash = hash.ToHashCode();
        }

        public bool Equals(Key? other) =>
            other is not null && _hash == other._hash &&
            _tokens.AsSpan().SequenceEqual(other._tokens) &&
            _documentCodes.AsSpan().SequenceEqual(other._documentCodes) &&
            _memory.AsSpan().SequenceEqual(other._memory);

        public override bool Equals(object? obj) => Equals(obj as Key);
        public override int GetHashCode() => _hash;
    }
}
