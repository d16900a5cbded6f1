using System.Text;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace NewsLsp.Reliability.Tests;

/// <summary>
/// Malformed and hostile input against the real <c>newslsp serve</c> process. After every case the server must
/// still be alive and answer the next valid request; every request gets a result or the right error code.
/// </summary>
public sealed class ProtocolFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int ParseError = -32700, InvalidRequest = -32600, MethodNotFound = -32601, InvalidParams = -32602,
        ServerNotInitialized = -32002, RequestCancelled = -32800, ContentModified = -32801;

    private readonly TempFolder _folder = new();
    private int _cases;

    private string Uri(string name) => new Uri(_folder.File(name)).AbsoluteUri;

    public void Dispose() => _folder.Dispose();

    private static int? Code(JsonObject response) => response["error"]?["code"]?.GetValue<int>();

    /// <summary>A valid request that must be answered with the right diagnostics: the server is alive and its text is right.</summary>
    private async Task AssertServingAsync(LspProcess server, Dictionary<string, string> texts, string what)
    {
        _cases++;
        var uri = texts.Keys.First();
        var response = await server.RequestAsync("textDocument/diagnostic", ServerDiagnostics.Pull(uri));
        // Everything sent before this request has been read; stray id-null errors from garbage are done with.
        server.ForgetNullIdResponses();
        Assert.True(response["result"] is not null, $"after {what}: {response.ToJsonString()}\n{server.Stderr}");
        Assert.Equal(ServerDiagnostics.Expected(texts, uri), ServerDiagnostics.FromResponse(response));
        Assert.False(server.HasExited, $"the server exited after {what}");
    }

    private async Task ExpectErrorAsync(LspProcess server, JsonNode? id, int code, string what)
    {
        var response = await server.WaitForResponseAsync(id);
        Assert.True(Code(response) == code, $"{what}: expected error {code}, got {response.ToJsonString()}");
    }

    [Fact]
    public async Task Malformed_frames_and_messages_are_answered_and_the_server_keeps_serving()
    {
        await using var server = new LspProcess(_folder.Path, "--max-message-bytes", "65536");
        await server.InitializeAsync(_folder.Path);
        var startKiB = server.ResidentKiB();
        var uri = Uri("a.txt");
        var texts = new Dictionary<string, string> { [uri] = "Titolo\nIl ministro ha detto: “Non ci sarà alcun accordo.\n" };
        await server.NotifyAsync("textDocument/didOpen", ServerDiagnostics.Open(uri, texts[uri], 1));
        await AssertServingAsync(server, texts, "didOpen");

        // ---- framing ----
        await server.SendAsync("{not json");
        await ExpectErrorAsync(server, null, ParseError, "broken JSON");
        await AssertServingAsync(server, texts, "broken JSON");

        // Invalid UTF-8 inside a string: the request is refused (parse error or invalid params), never half-applied.
        await server.SendBodyAsync([.. "{\"jsonrpc\":\"2.0\",\"id\":31,\"method\":\"textDocument/diagnostic\",\"params\":{\"textDocument\":{\"uri\":\"file:///a"u8.ToArray(), 0xFF, 0xFE, .. "\"}}}"u8.ToArray()]);
        var invalidUtf8 = await server.WaitForResponseAsync(JsonValue.Create(31));
        Assert.True(Code(invalidUtf8) is ParseError or InvalidParams, invalidUtf8.ToJsonString());
        await server.SendBodyAsync([.. "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///bad.txt\",\"languageId\":\"plaintext\",\"version\":1,\"text\":\"Titolo "u8.ToArray(), 0xC3, 0x28, .. "\"}}}"u8.ToArray()]);
        await AssertServingAsync(server, texts, "invalid UTF-8");

        await server.SendAsync(new string('[', 30_000) + new string(']', 30_000));
        await ExpectErrorAsync(server, null, ParseError, "deeply nested JSON");
        await AssertServingAsync(server, texts, "deeply nested JSON");

        var nested = new StringBuilder("{\"jsonrpc\":\"2.0\",\"id\":77,\"method\":\"textDocument/diagnostic\",\"params\":");
        for (var i = 0; i < 5_000; i++) nested.Append("{\"a\":");
        nested.Append('1').Append('}', 5_000).Append('}');
        await server.SendAsync(nested.ToString());
        // Past the parser's depth limit (64) the id cannot be read either: a parse error with id null.
        await ExpectErrorAsync(server, null, ParseError, "deeply nested params");
        await AssertServingAsync(server, texts, "deeply nested params");

        // A declared length shorter than the body: the start is a broken message, the rest is skipped as garbage.
        var valid = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"textDocument/diagnostic\",\"params\":{}}");
        await server.SendRawAsync([.. Encoding.ASCII.GetBytes("Content-Length: 10\r\n\r\n"), .. valid]);
        await ExpectErrorAsync(server, null, ParseError, "short Content-Length");
        await AssertServingAsync(server, texts, "short Content-Length");

        // A declared length longer than the body swallows the start of the next message; the one after is served.
        await server.SendRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {valid.Length + 40}\r\n\r\n"), .. valid]);
        await server.SendAsync("{\"jsonrpc\":\"2.0\",\"method\":\"$/noop\"}");
        await server.WaitForResponseAsync(null);   // the swallowed mix is not JSON
        await AssertServingAsync(server, texts, "long Content-Length");

        foreach (var header in new[] { "Content-Len\r\n\r\n", "Content-Length: abc\r\n\r\n", "Content-Length: -5\r\n\r\n",
                     "Content-Length: 99999999999999999999\r\n\r\n", "Content-Type: application/json\r\n\r\n{}", "\r\n\r\n",
                     new string('h', 20_000) + "\r\n" })
        {
            await server.SendRawAsync(Encoding.ASCII.GetBytes(header));
            await AssertServingAsync(server, texts, $"header {header[..Math.Min(30, header.Length)]}");
        }

        // Over --max-message-bytes: an error naming the limit, the body skipped, the next message served.
        var huge = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"textDocument/diagnostic\",\"params\":{\"x\":\"" + new string('x', 200_000) + "\"}}";
        await server.SendAsync(huge);
        var tooBig = await server.WaitForResponseAsync(null);
        Assert.Equal(InvalidRequest, Code(tooBig));
        Assert.Contains("65", tooBig["error"]!["message"]!.GetValue<string>());
        await AssertServingAsync(server, texts, "oversized message");

        // ---- JSON-RPC shapes ----
        foreach (var body in new[] { "[]", "1", "\"x\"", "null", "true", "{}", "{\"jsonrpc\":\"2.0\"}", "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"x\"}",
                     "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"x\"}", "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"x\"}" })
        {
            await server.SendAsync(body);
            await ExpectErrorAsync(server, null, InvalidRequest, body);
            await AssertServingAsync(server, texts, body);
        }
        foreach (var (body, id) in new[] { ("{\"jsonrpc\":\"1.0\",\"id\":21,\"method\":\"textDocument/diagnostic\"}", 21), ("{\"jsonrpc\":\"2.0\",\"id\":22,\"method\":5}", 22),
                     ("{\"id\":23,\"method\":\"textDocument/diagnostic\"}", 23) })
        {
            await server.SendAsync(body);
            await ExpectErrorAsync(server, JsonValue.Create(id), InvalidRequest, body);
            await AssertServingAsync(server, texts, body);
        }
        foreach (var method in new[] { "textDocument/typeDefinition", "$/unknownRequest", "newslsp/documentText", "", "initialize/x" })
        {
            var response = await server.RequestAsync(method, new JsonObject());
            Assert.True(Code(response) == MethodNotFound, $"{method}: {response.ToJsonString()}");
            await AssertServingAsync(server, texts, method);
        }
        await server.NotifyAsync("$/unknownNotification", new JsonObject());
        await server.NotifyAsync("custom/unknownNotification", null);
        await AssertServingAsync(server, texts, "unknown notifications");

        // ---- wrong types everywhere ----
        foreach (var @params in new[] { "5", "[]", "\"x\"", "{}", "{\"textDocument\":5}", "{\"textDocument\":{}}", "{\"textDocument\":{\"uri\":5}}",
                     "{\"textDocument\":{\"uri\":\"not a uri\"}}", "{\"textDocument\":{\"uri\":null}}", "{\"textDocument\":{\"uri\":\"file:///x.txt\"},\"previousResultId\":5}" })
        {
            var response = await server.RequestAsync("textDocument/diagnostic", JsonNode.Parse(@params));
            // JSON-RPC: params that are not an object or array make the request itself invalid.
            var expected = @params is "5" or "\"x\"" ? InvalidRequest : InvalidParams;
            Assert.True(response["result"] is not null || Code(response) == expected, $"diagnostic {@params}: {response.ToJsonString()}");
            await AssertServingAsync(server, texts, "diagnostic " + @params);
        }
        foreach (var (method, @params) in new[]
                 {
                     ("textDocument/didOpen", "{\"textDocument\":{\"uri\":5,\"version\":\"1\",\"text\":null}}"),
                     ("textDocument/didOpen", "[1,2]"),
                     ("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":\"x\"},\"contentChanges\":5}"),
                     ("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":50},\"contentChanges\":[{\"range\":5,\"text\":1}]}"),
                     ("textDocument/didClose", "{\"textDocument\":7}"),
                     ("workspace/didChangeConfiguration", "{\"settings\":[[[]]]}"),
                     ("workspace/didChangeWatchedFiles", "{\"changes\":[{\"uri\":5,\"type\":\"x\"}]}"),
                     ("$/cancelRequest", "{\"id\":{\"x\":1}}"),
                     ("$/setTrace", "{\"value\":42}"),
                 })
        {
            await server.NotifyAsync(method, JsonNode.Parse(@params));
            await AssertServingAsync(server, texts, $"{method} {@params}");
        }
        var badInit = await server.RequestAsync("initialize", JsonNode.Parse("{\"processId\":\"x\",\"capabilities\":5}"));
        Assert.NotNull(Code(badInit));
        await AssertServingAsync(server, texts, "initialize again");

        // ---- text sync abuse: closed documents, versions going backwards, positions out of range ----
        var change = (int version, int line, int character, string text) => new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = line, ["character"] = character }, ["end"] = new JsonObject { ["line"] = line, ["character"] = character } },
                ["text"] = text,
            }),
        };
        await server.NotifyAsync("textDocument/didChange", change(10, 0, 0, "X"));
        texts[uri] = "X" + texts[uri];
        await AssertServingAsync(server, texts, "a valid change");
        await server.NotifyAsync("textDocument/didChange", change(5, 0, 0, "BACKWARDS"));
        await AssertServingAsync(server, texts, "a version going backwards");
        await server.NotifyAsync("textDocument/didChange", change(11, 1_000_000, 0, "FAR"));
        await AssertServingAsync(server, texts, "a line past the end");
        await server.NotifyAsync("textDocument/didChange", change(12, -1, -1, "NEG"));
        await AssertServingAsync(server, texts, "negative positions");
        await server.NotifyAsync("textDocument/didChange", change(13, 0, int.MaxValue, "!"));
        texts[uri] = texts[uri].Insert(texts[uri].IndexOf('\n'), "!");   // past the line end clamps to it
        await AssertServingAsync(server, texts, "a character past the line end");
        var closed = Uri("closed.txt");
        await server.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = closed, ["version"] = 3 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "Mai aperto “davvero.\n" }),
        });
        await server.NotifyAsync("textDocument/didClose", ServerDiagnostics.Pull(Uri("never-opened.txt")));
        await AssertServingAsync(server, texts, "edits to closed documents");

        // ---- cancel storm: 300 cancels for unknown ids, 100 pulls each cancelled at once ----
        for (var i = 0; i < 300; i++) await server.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = 100_000 + i });
        var ids = new List<int>();
        for (var i = 0; i < 100; i++)
        {
            var id = server.NextId();
            ids.Add(id);
            await server.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = "textDocument/diagnostic", ["params"] = ServerDiagnostics.Pull(uri) }.ToJsonString());
            await server.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = id });
        }
        foreach (var id in ids)
        {
            var response = await server.WaitForResponseAsync(JsonValue.Create(id));
            Assert.True(response["result"] is not null || Code(response) is RequestCancelled or ContentModified, response.ToJsonString());
        }
        _cases += 400;
        await AssertServingAsync(server, texts, "the cancel storm");

        var endKiB = server.ResidentKiB();
        output.WriteLine($"{_cases} cases; VmRSS {startKiB / 1024} MiB → {endKiB / 1024} MiB");
        Assert.InRange(endKiB, 0, startKiB + 300 * 1024);
        Assert.Equal(0, await server.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Lifecycle_out_of_order_gets_the_right_errors()
    {
        await using var server = new LspProcess(_folder.Path);
        var early = await server.RequestAsync("textDocument/diagnostic", ServerDiagnostics.Pull(Uri("a.txt")));
        Assert.Equal(ServerNotInitialized, Code(early));
        var earlyShutdown = await server.RequestAsync("shutdown", null);
        Assert.Equal(ServerNotInitialized, Code(earlyShutdown));
        await server.NotifyAsync("textDocument/didOpen", ServerDiagnostics.Open(Uri("a.txt"), "Titolo\n“aperto\n", 1));   // dropped

        var init = await server.InitializeAsync(_folder.Path);
        Assert.NotNull(init["result"]?["capabilities"]);
        var again = await server.RequestAsync("initialize", new JsonObject { ["processId"] = null, ["capabilities"] = new JsonObject() });
        Assert.Equal(InvalidRequest, Code(again));

        var texts = new Dictionary<string, string> { [Uri("b.txt")] = "Titolo\nUn testo «senza chiusura.\n" };
        await server.NotifyAsync("textDocument/didOpen", ServerDiagnostics.Open(Uri("b.txt"), texts[Uri("b.txt")], 1));
        await AssertServingAsync(server, texts, "initialize twice");

        Assert.NotNull((await server.RequestAsync("shutdown", null))["result"] is null ? new object() : null);
        var afterShutdown = await server.RequestAsync("textDocument/diagnostic", ServerDiagnostics.Pull(Uri("b.txt")));
        Assert.Equal(InvalidRequest, Code(afterShutdown));
        await server.NotifyAsync("exit", null);
        await WaitForExitAsync(server);
        Assert.Equal(0, server.ExitCode);
    }

    [Fact]
    public async Task Exit_without_shutdown_and_a_closed_stdin_end_the_process()
    {
        await using (var server = new LspProcess(_folder.Path))
        {
            await server.InitializeAsync(_folder.Path);
            await server.NotifyAsync("exit", null);
            await WaitForExitAsync(server);
            Assert.Equal(1, server.ExitCode);
        }
        await using (var server = new LspProcess(_folder.Path))
        {
            await server.InitializeAsync(_folder.Path);
            await server.SendRawAsync(Encoding.ASCII.GetBytes("Content-Length: 100\r\n\r\n{\"jsonrpc\""));   // truncated, then EOF
            await server.CloseInputAsync();
            await WaitForExitAsync(server);
            Assert.Equal(1, server.ExitCode);
        }
    }

    private static async Task WaitForExitAsync(LspProcess server)
    {
        for (var i = 0; i < 150 && !server.HasExited; i++) await Task.Delay(100);
        Assert.True(server.HasExited, "the server did not exit");
    }
}
