using System.Buffers;
using System.IO.Pipelines;
using NewsLsp.LanguageServer.JsonRpc;

namespace NewsLsp.LanguageServer.Tests;

public sealed class SynchronousWriteStreamTests
{
    [Fact]
    public async Task Asynchronous_writes_and_flushes_complete_at_once_with_every_byte_in_order()
    {
        using var inner = new MemoryStream();
        await using var stream = new SynchronousWriteStream(inner);
        var writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        for (var i = 0; i < 100; i++)
        {
            writer.Write(new ReadOnlySpan<byte>([(byte)i, (byte)(i + 1)]));
            var flush = writer.FlushAsync();
            Assert.True(flush.IsCompleted); // no thread hop: the bytes are already in the inner stream
            await flush;
        }
        Assert.Equal(Enumerable.Range(0, 100).SelectMany(i => new[] { (byte)i, (byte)(i + 1) }), inner.ToArray());
    }

    [Fact]
    public async Task A_failing_inner_stream_fails_the_write_task_instead_of_throwing_from_the_call()
    {
        await using var stream = new SynchronousWriteStream(new ReadOnlyStream());
        var write = stream.WriteAsync(new byte[] { 1, 2, 3 });
        Assert.True(write.IsFaulted);
        await Assert.ThrowsAsync<NotSupportedException>(async () => await write);
        Assert.False(stream.CanRead);
    }

    private sealed class ReadOnlyStream : MemoryStream
    {
        public override bool CanWrite => false;
        public override void Write(ReadOnlySpan<byte> buffer) => throw new NotSupportedException("read-only");
    }
}
