using System.Buffers;
using System.Security.Cryptography;

namespace NewsLsp.LanguageServer.Diagnostics;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> that hashes what is written into it and keeps nothing but one reused chunk.
/// Why: a result id is the hash of the serialized diagnostics, and serializing them into an array first allocated
/// a copy of every pulled or published document's diagnostics (hundreds of KiB on the large-object heap).
/// </summary>
internal sealed class HashingBufferWriter(IncrementalHash hash) : IBufferWriter<byte>
{
    private byte[] chunk = new byte[16 * 1024];

    public void Advance(int count) => hash.AppendData(chunk, 0, count);

    /// <summary>The hash of everything written since the last call; the writer is then empty again.</summary>
    public byte[] HashAndReset() => hash.GetHashAndReset();

    public Memory<byte> GetMemory(int sizeHint = 0) => Chunk(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Chunk(sizeHint);

    private byte[] Chunk(int sizeHint)
    {
        if (sizeHint > chunk.Length) chunk = new byte[sizeHint];
        return chunk;
    }
}
