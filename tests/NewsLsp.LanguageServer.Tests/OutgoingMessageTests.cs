using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using NewsLsp.LanguageServer.JsonRpc;
using NewsLsp.LanguageServer.Protocol;
using Xunit;

namespace NewsLsp.LanguageServer.Tests;

/// <summary>Outgoing bodies are built in small chunks so a large response never needs one large-object-heap array.</summary>
public sealed class OutgoingMessageTests
{
    private static List<Diagnostic> Diagnostics(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Diagnostic(new Protocol.Range(new Position(i, 0), new Position(i, 5)), $"“{i}” conflicts with “27” in file:///a/articolo-{i:000}.txt 😀") { Code = "NEWS021" })];

    [Fact]
    public void A_large_response_is_the_same_json_in_chunks_that_stay_off_the_large_object_heap()
    {
        var items = Diagnostics(3_000);
        var message = JsonRpcMessages.Response<IReadOnlyList<Diagnostic>>(new RequestId(7), items, LspJsonContext.Default.IReadOnlyListDiagnostic);

        Assert.True(message.Length > 300_000, $"{message.Length} bytes");
        Assert.All(message.Chunks, c => Assert.True(c.Length < 85_000, $"a chunk of {c.Length} bytes"));
        using var json = JsonDocument.Parse(message.ToArray());
        Assert.Equal(7, json.RootElement.GetProperty("id").GetInt32());
        Assert.Equal(JsonSerializer.Serialize<IReadOnlyList<Diagnostic>>(items, LspJsonContext.Default.IReadOnlyListDiagnostic),
            json.RootElement.GetProperty("result").GetRawText());
    }

    [Fact]
    public async Task Written_to_a_pipe_it_is_every_byte_in_order()
    {
        var message = JsonRpcMessages.Notification("window/logMessage", new LogMessageParams(MessageType.Info, new string('x', 100_000)), LspJsonContext.Default.LogMessageParams);
        var expected = message.ToArray();
        var pipe = new Pipe();
        message.WriteTo(pipe.Writer);
        await pipe.Writer.CompleteAsync();
        using var stream = new MemoryStream();
        await pipe.Reader.CopyToAsync(stream);
        Assert.Equal(expected, stream.ToArray());
        // Written once: its chunks went back to the pool, so it cannot be read or written again.
        Assert.Throws<ObjectDisposedException>(() => message.WriteTo(new Pipe().Writer));
        Assert.Throws<ObjectDisposedException>(() => message.ToArray());
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"method\":\"window/logMessage\",\"params\":{\"type\":3,\"message\":\"" + new string('x', 100_000) + "\"}}", Encoding.UTF8.GetString(stream.ToArray()));
    }
}
