using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// An immutable array stored in chunks of <see cref="ChunkSize"/> items. A copy with a few items replaced
/// (<see cref="Builder"/>) copies the list of chunks and the chunks it writes to, and shares every other chunk: per-article
/// and per-term state of a 10,000-article corpus changes in a handful of places per keystroke, and copying it whole
/// (hundreds of kilobytes, large objects) was most of what an update allocated.
/// </summary>
internal sealed class ChunkedArray<T>
{
    private const int Shift = 7;
    public const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;

    private readonly T[][] _chunks; // every chunk is ChunkSize long; items at Length and after are default

    public static ChunkedArray<T> Empty { get; } = new([], 0);

    private ChunkedArray(T[][] chunks, int length)
    {
        _chunks = chunks;
        Length = length;
    }

    public int Length { get; }

    public T this[int index] => _chunks[index >> Shift][index & Mask];

    public static ChunkedArray<T> From(ReadOnlySpan<T> items)
    {
        var chunks = new T[(items.Length + Mask) >> Shift][];
        for (var c = 0; c < chunks.Length; c++)
        {
            chunks[c] = new T[ChunkSize];
            items.Slice(c << Shift, Math.Min(ChunkSize, items.Length - (c << Shift))).CopyTo(chunks[c]);
        }
        return new ChunkedArray<T>(chunks, items.Length);
    }

    /// <summary>
    /// <paramref name="items"/> as a chunked array that takes from <paramref name="previous"/> every chunk holding the
    /// same items at the same places: a run that redoes most of the previous run's work shares most of its memory.
    /// Items are compared as bytes (so only for items without references): a run's thousands of items compared one by
    /// one through an equality comparer took a tenth of a re-clustering keystroke.
    /// </summary>
    public static ChunkedArray<T> Sharing(ReadOnlySpan<T> items, ChunkedArray<T> previous)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) throw new NotSupportedException($"{typeof(T)} holds references: its items cannot be compared as bytes.");
        var chunks = new T[(items.Length + Mask) >> Shift][];
        for (var c = 0; c < chunks.Length; c++)
        {
            var part = items.Slice(c << Shift, Math.Min(ChunkSize, items.Length - (c << Shift)));
            if (c < previous._chunks.Length && Math.Min(ChunkSize, previous.Length - (c << Shift)) == part.Length &&
                Bytes(part).SequenceEqual(Bytes(previous._chunks[c].AsSpan(0, part.Length))))
            {
                chunks[c] = previous._chunks[c];
                continue;
            }
            chunks[c] = new T[ChunkSize];
            part.CopyTo(chunks[c]);
        }
        return new ChunkedArray<T>(chunks, items.Length);
    }

    private static ReadOnlySpan<byte> Bytes(ReadOnlySpan<T> items) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(items)), items.Length * Unsafe.SizeOf<T>());

    public Builder ToBuilder() => new(this);

    /// <summary>A copy being written to: a chunk is copied the first time it is written, the others stay shared.</summary>
    public sealed class Builder
    {
        private T[][] _chunks;
        private bool[] _owned;
        private int _length;

        internal Builder(ChunkedArray<T> source)
        {
            _chunks = (T[][])source._chunks.Clone();
            _owned = new bool[_chunks.Length];
            _length = source.Length;
        }

        public int Length => _length;

        public T this[int index]
        {
            get => _chunks[index >> Shift][index & Mask];
            set
            {
                var c = index >> Shift;
                if (!_owned[c])
                {
                    _chunks[c] = (T[])_chunks[c].Clone();
                    _owned[c] = true;
                }
                _chunks[c][index & Mask] = value;
            }
        }

        /// <summary>Grows to <paramref name="length"/> items, the new ones <paramref name="fill"/>.</summary>
        public void Grow(int length, T fill)
        {
            var from = _length;
            if (length <= from) return;
            var count = (length + Mask) >> Shift;
            if (count > _chunks.Length)
            {
                var old = _chunks.Length;
                Array.Resize(ref _chunks, count);
                Array.Resize(ref _owned, count);
                for (var c = old; c < count; c++)
                {
                    _chunks[c] = new T[ChunkSize];
                    _owned[c] = true;
                }
            }
            _length = length;
            for (var i = from; i < length; i++) this[i] = fill;
        }

        public ChunkedArray<T> Build() => new(_chunks, _length);
    }
}
