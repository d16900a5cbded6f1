using System.IO.Pipelines;
using System.Text;
using NewsLsp.LanguageServer.JsonRpc;

namespace NewsLsp.LanguageServer.Tests;

/// <summary>The base-protocol framer on its own: headers, splits, resynchronisation, size limit.</summary>
public sealed class FramingTests
{
    private static async Task<List<FrameReadResult>> ReadAllAsync(int maxBytes, params string[] chunks)
    {
        var pipe = new Pipe();
        var framer = new MessageFramer(pipe.Reader, maxBytes);
        var writing = Task.Run(async () =>
        {
            foreach (var chunk in chunks)
            {
                await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(chunk));
                await Task.Delay(5);
            }
            await pipe.Writer.CompleteAsync();
        });
        var results = new List<FrameReadResult>();
        while (true)
        {
            var result = await framer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            if (result.Kind == FrameKind.EndOfStream) break;
            results.Add(result);
        }
        await writing;
        return results;
    }

    private static string Body(FrameReadResult r) => Encoding.UTF8.GetString(r.Body!);

    [Fact]
    public async Task Reads_a_message_whose_headers_and_body_arrive_in_pieces()
    {
        var results = await ReadAllAsync(1024, "Content-Le", "ngth: 7\r", "\n\r", "\n{\"a\"", ":1}");
        Assert.Equal("{\"a\":1}", Body(Assert.Single(results)));
    }

    [Fact]
    public async Task Reads_two_messages_from_one_chunk()
    {
        var results = await ReadAllAsync(1024, "Content-Length: 2\r\n\r\n{}Content-Length: 5\r\n\r\n[1,2]");
        Assert.Equal(["{}", "[1,2]"], results.Select(Body));
    }

    [Fact]
    public async Task Accepts_extra_headers_in_any_order_and_case()
    {
        var results = await ReadAllAsync(1024, "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-LENGTH:   2 \r\n\r\n{}");
        Assert.Equal("{}", Body(Assert.Single(results)));
    }

    [Fact]
    public async Task Counts_the_length_in_bytes_not_characters()
    {
        var json = "{\"t\":\"città 😀\"}";
        var results = await ReadAllAsync(1024, $"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}");
        Assert.Equal(json, Body(Assert.Single(results)));
    }

    [Theory]
    [InlineData("Content-Type: x\r\n\r\n")]
    [InlineData("Content-Length: abc\r\n\r\n")]
    [InlineData("Content-Length: -5\r\n\r\n")]
    [InlineData("Content-Length: 2\r\nContent-Length: 3\r\n\r\n")]
    public async Task Rejects_a_bad_content_length_and_recovers_at_the_next_header(string badHeaders)
    {
        var results = await ReadAllAsync(1024, badHeaders + "garbage body\r\n", "Content-Length: 2\r\n\r\n{}");
        Assert.Equal(2, results.Count);
        Assert.Equal(FrameKind.Rejected, results[0].Kind);
        Assert.Contains("Content-Length", results[0].Error);
        Assert.Equal("{}", Body(results[1]));
    }

    [Fact]
    public async Task Skips_an_oversized_message_without_losing_the_next()
    {
        var big = new string('x', 300);
        var results = await ReadAllAsync(100, $"Content-Length: 300\r\n\r\n{big[..150]}", big[150..] + "Content-Length: 2\r\n\r\n{}");
        Assert.Equal(2, results.Count);
        Assert.Equal(FrameKind.Rejected, results[0].Kind);
        Assert.Contains("exceeds the maximum message size of 100 bytes", results[0].Error);
        Assert.Equal("{}", Body(results[1]));
    }

    [Fact]
    public async Task Reports_a_truncated_body_at_end_of_input()
    {
        var results = await ReadAllAsync(1024, "Content-Length: 10\r\n\r\n{}");
        Assert.Equal(FrameKind.Rejected, Assert.Single(results).Kind);
    }

    /// <summary>Regression (protocol fuzzing): after a too-short Content-Length the server never found another header.</summary>
    [Fact]
    public async Task Resynchronises_on_a_header_that_directly_follows_garbage_ending_a_json_body()
    {
        var results = await ReadAllAsync(1024, "Content-Length: 10\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":5}", "Content-Length: 2\r\n\r\n{}", "Content-Length: 3\r\n\r\n[1]");
        Assert.Equal("{\"jsonrpc\"", Body(results[0]));
        Assert.Equal(FrameKind.Rejected, results[1].Kind);
        Assert.Equal("{}", Body(results[2]));
        Assert.Equal("[1]", Body(results[3]));
    }

    [Fact]
    public async Task Rejects_an_endless_header_block()
    {
        var results = await ReadAllAsync(1024, new string('h', MessageFramer.MaxHeaderBytes + 10), "\nContent-Length: 2\r\n\r\n{}");
        Assert.Equal(FrameKind.Rejected, results[0].Kind);
        Assert.Equal("{}", Body(results[^1]));
    }

    [Fact]
    public async Task Rejects_an_endless_header_block_that_arrives_with_the_next_frame()
    {
        // The same bytes in one read: the terminator is then found past the limit, which must not change the outcome.
        var results = await ReadAllAsync(1024, new string('h', MessageFramer.MaxHeaderBytes + 10) + "\nContent-Length: 2\r\n\r\n{}");
        Assert.Equal(FrameKind.Rejected, results[0].Kind);
        Assert.Equal("{}", Body(results[^1]));
    }

    [Fact]
    public async Task Finds_the_next_header_even_when_it_is_split_across_reads()
    {
        var results = await ReadAllAsync(1024, "Bad: 1\r\n\r\n" + new string('z', 50) + "\nConte", "nt-Length: 2\r\n\r\n{}");
        Assert.Equal("{}", Body(results[^1]));
        Assert.Equal(2, results.Count);
    }
}
