using System.Buffers;
using System.IO.Pipelines;

namespace NewsLsp.LanguageServer.JsonRpc;

/// <summary>
/// A serialized JSON-RPC body, written and kept in chunks of 16 KiB. Why: a body in one array over 85,000 bytes goes
/// to the large-object heap, which only a full collection reclaims; building one array also allocated every smaller
/// size on the way (doubling) and then a copy. Pull responses of 100 KB and more, hundreds a minute, made the server's
/// memory rise in steps (the soak); chunks are short-lived small objects. They are rented from the shared pool and
/// go back once the body is written: a new 16 KiB chunk for every message, most of them a hundred bytes, was a fifth
/// of what a keystroke allocated in the server.
/// </summary>
public sealed class OutgoingMessage : IBufferWriter<byte>
{
    internal const int ChunkSize = 16 * 1024;
    private readonly List<(byte[] Chunk, int Used)> chunks = [];
    private bool written;

    /// <summary>Bytes written.</summary>
    public int Length { get; private set; }

    /// <summary>The chunks in order, each trimmed to what was written.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Chunks => chunks.Select(c => new ReadOnlyMemory<byte>(c.Chunk, 0, c.Used));

    public void Advance(int count)
    {
        var (chunk, used) = chunks[^1];
        if (count < 0 || used + count > chunk.Length) throw new ArgumentOutOfRangeException(nameof(count));
        chunks[^1] = (chunk, used + count);
        Length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Current(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Current(sizeHint).Span;

    /// <summary>The free part of the last chunk, or a new chunk when that is smaller than <paramref name="sizeHint"/>.</summary>
    private Memory<byte> Current(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        ObjectDisposedException.ThrowIf(written, this);
        if (chunks.Count == 0 || chunks[^1].Chunk.Length - chunks[^1].Used < needed)
            chunks.Add((ArrayPool<byte>.Shared.Rent(Math.Max(needed, ChunkSize)), 0));
        var (chunk, used) = chunks[^1];
        return chunk.AsMemory(used);
    }

    /// <summary>Copies the body into <paramref name="output"/> (not flushed). A body is written once: its chunks then go back to the pool.</summary>
    public void WriteTo(PipeWriter output)
    {
        ObjectDisposedException.ThrowIf(written, this);
        foreach (var chunk in Chunks) output.Write(chunk.Span);
        written = true;
        foreach (var (chunk, _) in chunks) ArrayPool<byte>.Shared.Return(chunk);
        chunks.Clear();
    }

    /// <summary>The body in one array (tests and diagnostics only).</summary>
    public byte[] ToArray()
    {
        ObjectDisposedException.ThrowIf(written, this);
        var result = new byte[Length];
        var offset = 0;
        foreach (var chunk in Chunks)
        {
            chunk.Span.CopyTo(result.AsSpan(offset));
            offset += chunk.Length;
        }
        return result;
    }
}
