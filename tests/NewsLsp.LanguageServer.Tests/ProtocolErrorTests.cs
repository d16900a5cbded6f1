using System.Text;
using System.Text.Json.Nodes;
using NewsLsp.LanguageServer.Tests.Infrastructure;
using static NewsLsp.LanguageServer.Tests.Infrastructure.Json;

namespace NewsLsp.LanguageServer.Tests;

/// <summary>Every JSON-RPC / LSP error code, asserted on the JSON the server writes.</summary>
public sealed class ProtocolErrorTests
{
    private static LspTestClient NewClient() => new(configureServices: TestHandlers.Add);

    [Fact]
    public async Task Malformed_json_is_a_parse_error_with_null_id_and_the_server_keeps_serving()
    {
        await using var client = NewClient();
        await client.InitializeAsync();
        await client.SendJsonAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
        var error = await client.ResponseAsync((JsonNode?)null);
        Assert.Equal(-32700, ErrorCode(error));
        Assert.True(error.ContainsKey("id"));
        Assert.Null(error["id"]);

        var echo = await client.RequestAsync("test/echo", Obj("""{"textDocument":{"uri":"file:///a.txt"},"position":{"line":1,"character":2}}"""));
        Assert.Equal("1:2", (string?)echo["result"]!["contents"]!["value"]);
    }

    [Fact]
    public async Task Garbage_bytes_between_messages_do_not_stop_the_server()
    {
        await using var client = NewClient();
        await client.InitializeAsync();
        await client.WriteRawAsync("this is not a header\r\n\r\nnor a body\n");
        var rejected = await client.ResponseAsync((JsonNode?)null);
        Assert.Equal(-32600, ErrorCode(rejected));
        Assert.Contains("Content-Length", (string?)rejected["error"]!["message"]);
        var response = await client.RequestAsync("test/echo", Obj("""{"textDocument":{"uri":"file:///a.txt"},"position":{"line":0,"character":0}}"""));
        Assert.NotNull(response["result"]);
    }

    [Fact]
    public async Task Oversized_message_gets_a_clear_error_and_the_next_message_is_served()
    {
        await using var client = new LspTestClient(new Server.ServerOptions { LogToStandardError = false, MaxMessageBytes = 2048 }, TestHandlers.Add);
        await client.InitializeAsync();
        var big = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"t\":\"" + new string('a', 5000) + "\"}}";
        await client.WriteRawAsync(LspTestClient.Frame(big));
        var error = await client.ResponseAsync((JsonNode?)null);
        Assert.Equal(-32600, ErrorCode(error));
        Assert.Contains("maximum message size of 2048 bytes", (string?)error["error"]!["message"]);
        var response = await client.RequestAsync("test/echo", Obj("""{"textDocument":{"uri":"file:///a.txt"},"position":{"line":0,"character":0}}"""));
        Assert.NotNull(response["result"]);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":3}""", 7)]
    [InlineData("""{"jsonrpc":"1.0","id":7,"method":"test/echo"}""", 7)]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"test/echo","params":5}""", 7)]
    [InlineData("""{"jsonrpc":"2.0","id":{"x":1},"method":"test/echo"}""", null)]
    [InlineData("""[{"jsonrpc":"2.0","id":7,"method":"test/echo"}]""", null)]
    [InlineData("""{"jsonrpc":"2.0","id":7}""", 7)]
    public async Task Invalid_requests_are_answered_with_invalid_request(string json, int? id)
    {
        await using var client = NewClient();
        await client.InitializeAsync();
        await client.SendJsonAsync(json);
        var error = await client.ResponseAsync(id is null ? null : JsonValue.Create(id.Value));
        Assert.Equal(-32600, ErrorCode(error));
    }

    [Fact]
    public async Task Unknown_method_is_method_not_found_and_string_ids_are_echoed()
    {
        await using var client = NewClient();
        await client.InitializeAsync();
        await client.SendJsonAsync("""{"jsonrpc":"2.0","id":"abc","method":"textDocument/nope","params":{}}""");
        var error = await client.ResponseAsync(JsonValue.Create("abc"));
        Assert.Equal(-32601, ErrorCode(error));
    }

    [Fact]
    public async Task Wrong_params_are_invalid_params()
    {
        await using var client = NewClient();
        await client.InitializeAsync();
        var missing = await client.RequestAsync("test/echo", Obj("""{"textDocument":{"uri":"file:///a.txt"}}"""));
        Assert.Equal(-32602, ErrorCode(missing));
        var wrongType = await client.RequestAsync("test/echo", Obj("""{"textDocument":{"uri":"file:///a.txt"},"position":{"line":"x","character":0}}"""));
        Assert.Equal(-32602, ErrorCode(wrongType));
    }

    [Fact]
    public async Task A_throwing_handler_is_an_internal_error_and_the_server_lives_on()
    {
        await using var client = NewClient();
        await client.InitializeAsync();
        var error = await client.RequestAsync("test/throw", null);
        Assert.Equal(-32603, ErrorCode(error));
        Assert.Contains("boom", (string?)error["error"]!["message"]);
        var again = await client.RequestAsync("test/throw", null);
        Assert.Equal(-32603, ErrorCode(again));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Unknown_notifications_are_ignored_and_only_non_dollar_ones_are_logged()
    {
        await using var client = NewClient();
        await client.InitializeAsync();
        await client.NotifyAsync("$/somethingOptional", new JsonObject());
        await client.NotifyAsync("custom/unknown", new JsonObject());
        var log = await client.NotificationAsync("window/logMessage", m => ((string?)m["params"]!["message"])!.Contains("custom/unknown"));
        Assert.Equal(2, (int?)log["params"]!["type"]);
        Assert.True(await client.NoneWithinAsync(m => m.ToJsonString().Contains("somethingOptional"), TimeSpan.FromMilliseconds(200)));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }
}

public sealed class ServerFramingTests
{
    [Fact]
    public async Task Two_messages_in_one_write_and_a_header_split_across_writes_are_both_served()
    {
        await using var client = new LspTestClient(configureServices: TestHandlers.Add);
        await client.InitializeAsync();
        var one = LspTestClient.Frame("""{"jsonrpc":"2.0","id":101,"method":"test/echo","params":{"textDocument":{"uri":"file:///a.txt"},"position":{"line":1,"character":1}}}""");
        var two = LspTestClient.Frame("""{"jsonrpc":"2.0","id":102,"method":"test/echo","params":{"textDocument":{"uri":"file:///a.txt"},"position":{"line":2,"character":2}}}""");
        await client.WriteRawAsync([.. one, .. two]);
        Assert.Equal("1:1", (string?)(await client.ResponseAsync(101))["result"]!["contents"]!["value"]);
        Assert.Equal("2:2", (string?)(await client.ResponseAsync(102))["result"]!["contents"]!["value"]);

        var three = LspTestClient.Frame("""{"jsonrpc":"2.0","id":103,"method":"test/echo","params":{"textDocument":{"uri":"file:///a.txt"},"position":{"line":3,"character":3}}}""");
        await client.WriteRawAsync(three[..7]);
        await Task.Delay(50);
        await client.WriteRawAsync(three[7..]);
        Assert.Equal("3:3", (string?)(await client.ResponseAsync(103))["result"]!["contents"]!["value"]);
    }

    [Fact]
    public async Task A_frame_with_content_type_and_lower_case_headers_is_served()
    {
        await using var client = new LspTestClient(configureServices: TestHandlers.Add);
        await client.InitializeAsync();
        var body = System.Text.Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":104,"method":"test/echo","params":{"textDocument":{"uri":"file:///a.txt"},"position":{"line":4,"character":4}}}""");
        await client.WriteRawAsync([.. System.Text.Encoding.ASCII.GetBytes($"content-type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: {body.Length}\r\n\r\n"), .. body]);
        Assert.Equal("4:4", (string?)(await client.ResponseAsync(104))["result"]!["contents"]!["value"]);
    }
}
