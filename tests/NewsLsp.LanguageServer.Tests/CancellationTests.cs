using System.Text.Json.Nodes;
using NewsLsp.LanguageServer.Tests.Infrastructure;
using static NewsLsp.LanguageServer.Tests.Infrastructure.Json;

namespace NewsLsp.LanguageServer.Tests;

public sealed class CancellationTests
{
    [Fact]
    public async Task Cancel_request_answers_request_cancelled()
    {
        await using var client = new LspTestClient(configureServices: TestHandlers.Add);
        await client.InitializeAsync();
        var id = await client.SendRequestAsync("test/slow", Obj("""{"textDocument":{"uri":"file:///a.txt"},"position":{"line":0,"character":0}}"""));
        await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = id });
        var response = await client.ResponseAsync(id);
        Assert.Equal(-32800, ErrorCode(response));
    }

    [Fact]
    public async Task Cancelling_an_unknown_or_finished_request_is_harmless()
    {
        await using var client = new LspTestClient(configureServices: TestHandlers.Add);
        await client.InitializeAsync();
        await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = 999 });
        await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = "nope" });
        var response = await client.RequestAsync("test/echo", Obj("""{"textDocument":{"uri":"file:///a.txt"},"position":{"line":0,"character":1}}"""));
        Assert.Equal("0:1", (string?)response["result"]!["contents"]!["value"]);
    }

    [Fact]
    public async Task Reads_run_concurrently_so_a_slow_read_does_not_block_the_next()
    {
        await using var client = new LspTestClient(configureServices: TestHandlers.Add);
        await client.InitializeAsync();
        var slow = await client.SendRequestAsync("test/slow", Obj("""{"textDocument":{"uri":"file:///a.txt"},"position":{"line":0,"character":0}}"""));
        var echo = await client.RequestAsync("test/echo", Obj("""{"textDocument":{"uri":"file:///a.txt"},"position":{"line":5,"character":5}}"""));
        Assert.Equal("5:5", (string?)echo["result"]!["contents"]!["value"]);
        await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = slow });
        Assert.Equal(-32800, ErrorCode(await client.ResponseAsync(slow)));
    }
}
