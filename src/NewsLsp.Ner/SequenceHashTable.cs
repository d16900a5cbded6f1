using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace NewsLsp.Ner;

/// <summary>
/// The gazetteer's hash → flags table: open addressing with linear probing over two flat arrays. Why not a
/// <see cref="Dictionary{TKey, TValue}"/>: the gazetteer looks up every token's sequence hashes (about 1.5 lookups
/// per token, on both NER passes' inputs), and a Dictionary lookup pays for the comparer, bucket indirection and the
/// entry chain. Keys are already SplitMix-finished hashes, so their low bits index the table directly.
/// Flags are never 0 (every entry has a category bit), so 0 marks an empty slot. Read-only once built.
/// </summary>
internal sealed class SequenceHashTable
{
    private readonly ulong[] _keys;
    private readonly ushort[] _flags;
    private readonly int _mask;

    // One bit per 4 slots' worth of keys, indexed by the key's top bits (the slot uses the low ones): a clear bit
    // proves the key absent. Why: most lookups are of absent keys (a token that starts no gazetteer entry), and the
    // filter, an eighth of the size of the keys, stays in the caches that the table's random slots miss.
    private readonly ulong[] _filter;
    private readonly int _filterShift;

    private SequenceHashTable(int expectedCount)
    {
        // At most half full: probes stay short.
        var capacity = 16;
        while (capacity < expectedCount * 2) capacity <<= 1;
        _keys = new ulong[capacity];
        _flags = new ushort[capacity];
        _mask = capacity - 1;
        var filterBits = BitOperations.Log2((uint)capacity) + 2;
        _filter = new ulong[(1 << filterBits) / 64];
        _filterShift = 64 - filterBits;
    }

    public int Count { get; private set; }

    public static SequenceHashTable From(IReadOnlyCollection<KeyValuePair<ulong, ushort>> entries)
    {
        var table = new SequenceHashTable(entries.Count);
        foreach (var (key, flags) in entries) table.Add(key, flags);
        return table;
    }

    /// <summary>An empty table sized for <paramref name="count"/> entries, filled with <see cref="Add"/>.</summary>
    public static SequenceHashTable WithCapacity(int count) => new(count);

    /// <summary>Stores <paramref name="flags"/> (non-zero) for <paramref name="key"/>; a key added again is replaced.</summary>
    public void Add(ulong key, ushort flags)
    {
        if (flags == 0) throw new ArgumentOutOfRangeException(nameof(flags), "Flags 0 marks an empty slot.");
        var slot = (int)key & _mask;
        while (_flags[slot] != 0 && _keys[slot] != key) slot = (slot + 1) & _mask;
        if (_flags[slot] == 0)
        {
            if ((Count + 1) * 2 > _keys.Length) throw new InvalidOperationException("Table is over its capacity.");
            Count++;
        }
        _keys[slot] = key;
        _flags[slot] = flags;
        var bit = key >> _filterShift;
        _filter[bit >> 6] |= 1UL << (int)bit;
    }

    /// <summary>The flags stored for <paramref name="key"/>, or 0 when it is absent.</summary>
    public ushort Find(ulong key)
    {
        var bit = key >> _filterShift;
        if ((_filter[bit >> 6] & (1UL << (int)bit)) == 0) return 0;
        var slot = (int)key & _mask;
        while (true)
        {
            var flags = _flags[slot];
            if (flags == 0 || _keys[slot] == key) return flags;
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>
    /// Asks the processor to start loading the slot where <see cref="Find"/> of <paramref name="key"/> starts. Why:
    /// the tables are larger than the caches and every token looks up a random slot; a caller that knows its keys
    /// ahead lets those loads overlap.
    /// </summary>
    public unsafe void Prefetch(ulong key)
    {
        if (!Sse.IsSupported) return;
        var slot = (int)key & _mask;
        Sse.Prefetch0(Unsafe.AsPointer(ref _flags[slot]));
        Sse.Prefetch0(Unsafe.AsPointer(ref _keys[slot]));
    }

    /// <summary>
    /// Reads <paramref name="count"/> entries written as (key: UInt64, flags: UInt16) little-endian pairs, skipping
    /// those with flags 0 (they would match nothing). Why in blocks: the model file holds a few hundred thousand
    /// entries, and reading them one value at a time through <see cref="BinaryReader"/> was a fifth of loading the model.
    /// </summary>
    public static SequenceHashTable Read(BinaryReader reader, int count)
    {
        const int EntryBytes = sizeof(ulong) + sizeof(ushort);
        var table = WithCapacity(count);
        var block = new byte[EntryBytes * Math.Min(count, 4096)];
        for (var done = 0; done < count;)
        {
            var entries = Math.Min(count - done, block.Length / EntryBytes);
            var bytes = block.AsSpan(0, entries * EntryBytes);
            reader.BaseStream.ReadExactly(bytes); // a BinaryReader reads nothing ahead of what it was asked for
            for (var i = 0; i < entries; i++)
            {
                var entry = bytes.Slice(i * EntryBytes, EntryBytes);
                var flags = BinaryPrimitives.ReadUInt16LittleEndian(entry[sizeof(ulong)..]);
                if (flags != 0) table.Add(BinaryPrimitives.ReadUInt64LittleEndian(entry), flags);
            }
            done += entries;
        }
        return table;
    }

    /// <summary>Every entry, in key order (what the model file stores).</summary>
    public IEnumerable<KeyValuePair<ulong, ushort>> InKeyOrder()
    {
        var entries = new List<KeyValuePair<ulong, ushort>>(Count);
        for (var slot = 0; slot < _keys.Length; slot++)
        {
            if (_flags[slot] != 0) entries.Add(new(_keys[slot], _flags[slot]));
        }
        entries.Sort((a, b) => a.Key.CompareTo(b.Key));
        return entries;
    }
}
