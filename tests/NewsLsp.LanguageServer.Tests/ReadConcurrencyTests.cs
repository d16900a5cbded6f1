using System.Text.Json.Nodes;
using NewsLsp.LanguageServer.JsonRpc;
using NewsLsp.LanguageServer.Tests.Infrastructure;
using static NewsLsp.LanguageServer.Tests.Infrastructure.Json;

namespace NewsLsp.LanguageServer.Tests;

/// <summary>
/// Reads are bounded: a burst of requests that block their thread must not make the server run (and the thread
/// pool grow to) one thread per request. The soak's pulls did that: 82–107 threads in the server.
/// </summary>
public sealed class ReadConcurrencyTests
{
    private static readonly int Bound = RequestExecutionQueue.DefaultMaxConcurrentReads;

    [Fact]
    public async Task A_burst_of_200_blocking_reads_runs_at_most_the_bound_at_once_and_answers_every_one()
    {
        await using var client = new LspTestClient(configureServices: TestHandlers.Add);
        await client.InitializeAsync();
        var ids = new List<int>();
        for (var i = 0; i < 200; i++)
            ids.Add(await client.SendRequestAsync("test/blocking", Obj("""{"textDocument":{"uri":"file:///a.txt"},"position":{"line":0,"character":0}}""")));
        foreach (var id in ids)
        {
            var response = await client.ResponseAsync(id);
            Assert.NotNull(response["result"]?["contents"]);
        }
        Assert.InRange(TestHandlers.BlockingReadHandler.MostRunning, 1, Bound);
    }

    [Fact]
    public async Task A_burst_of_200_pulls_over_open_articles_answers_every_one_with_the_diagnostics()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync(Obj("""{"textDocument":{"diagnostic":{}}}"""));
        var uris = Enumerable.Range(0, 20).Select(i => $"file:///burst/articolo-{i}.txt").ToList();
        foreach (var uri in uris)
            await client.NotifyAsync("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "plaintext", ["version"] = 1, ["text"] = "Titolo dell'articolo\n\nIl governo ha approvato la riforma che" },
            });
        var ids = new List<(string Uri, int Id)>();
        for (var i = 0; i < 200; i++)
        {
            var uri = uris[i % uris.Count];
            ids.Add((uri, await client.SendRequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } })));
        }
        string? first = null;
        foreach (var (_, id) in ids)
        {
            var response = await client.ResponseAsync(id);
            var items = response["result"]?["items"] as JsonArray;
            Assert.True(items is not null, response.ToJsonString());
            // Every article has the same text, so every pull has the same diagnostics.
            var text = items.ToJsonString();
            first ??= text;
            Assert.Equal(first, text);
        }
        Assert.Contains("NEWS005", first);   // the article stops mid-sentence
    }

    [Fact]
    public async Task A_read_waiting_for_a_slot_answers_its_cancellation_at_once()
    {
        await using var client = new LspTestClient(configureServices: TestHandlers.Add);
        await client.InitializeAsync();
        var slow = new List<int>();
        for (var i = 0; i < Bound; i++)
            slow.Add(await client.SendRequestAsync("test/slow", Obj("""{"textDocument":{"uri":"file:///a.txt"},"position":{"line":0,"character":0}}""")));
        // Every slot is held by a read that only ends when cancelled; this one waits.
        var waiting = await client.SendRequestAsync("test/echo", Obj("""{"textDocument":{"uri":"file:///a.txt"},"position":{"line":1,"character":1}}"""));
        Assert.True(await client.NoneWithinAsync(m => m["id"] is JsonValue id && id.TryGetValue<int>(out var n) && n == waiting, TimeSpan.FromMilliseconds(300)));
        await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = waiting });
        Assert.Equal(-32800, ErrorCode(await client.ResponseAsync(waiting)));
        foreach (var id in slow)
        {
            await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = id });
            var response = await client.ResponseAsync(id);
            Assert.True(ErrorCode(response) == -32800, response.ToJsonString());
        }
    }
}
