using System.Text.Json.Nodes;
using NewsLsp.LanguageServer.Tests.Infrastructure;
using static NewsLsp.LanguageServer.Tests.Infrastructure.Json;

namespace NewsLsp.LanguageServer.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Requests_before_initialize_get_server_not_initialized_and_notifications_are_dropped()
    {
        await using var client = new LspTestClient(configureServices: TestHandlers.Add);
        var error = await client.RequestAsync("test/echo", Obj("""{"textDocument":{"uri":"file:///a.txt"},"position":{"line":0,"character":0}}"""));
        Assert.Equal(-32002, ErrorCode(error));
        var shutdown = await client.RequestAsync("shutdown", null);
        Assert.Equal(-32002, ErrorCode(shutdown));

        var init = await client.InitializeAsync();
        Assert.NotNull(init["result"]!["capabilities"]);
        Assert.Equal("newslsp", (string?)init["result"]!["serverInfo"]!["name"]);
    }

    [Fact]
    public async Task A_second_initialize_is_an_invalid_request()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        var again = await client.RequestAsync("initialize", Obj("""{"processId":null,"rootUri":null,"capabilities":{}}"""));
        Assert.Equal(-32600, ErrorCode(again));
    }

    [Fact]
    public async Task Shutdown_answers_an_explicit_null_result_and_exit_returns_zero()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        var response = await client.RequestAsync("shutdown", null);
        Assert.True(response.ContainsKey("result"));
        Assert.Null(response["result"]);
        Assert.False(response.ContainsKey("error"));
        await client.NotifyAsync("exit", null);
        Assert.Equal(0, await client.WaitForExitAsync());
    }

    [Fact]
    public async Task Requests_after_shutdown_are_invalid_requests()
    {
        await using var client = new LspTestClient(configureServices: TestHandlers.Add);
        await client.InitializeAsync();
        await client.RequestAsync("shutdown", null);
        var late = await client.RequestAsync("test/echo", Obj("""{"textDocument":{"uri":"file:///a.txt"},"position":{"line":0,"character":0}}"""));
        Assert.Equal(-32600, ErrorCode(late));
        var shutdownAgain = await client.RequestAsync("shutdown", null);
        Assert.Equal(-32600, ErrorCode(shutdownAgain));
        await client.NotifyAsync("exit", null);
        Assert.Equal(0, await client.WaitForExitAsync());
    }

    [Fact]
    public async Task Exit_without_shutdown_returns_one()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.NotifyAsync("exit", null);
        Assert.Equal(1, await client.WaitForExitAsync());
    }

    [Fact]
    public async Task Exit_before_initialize_returns_one()
    {
        await using var client = new LspTestClient();
        await client.NotifyAsync("exit", null);
        Assert.Equal(1, await client.WaitForExitAsync());
    }

    [Fact]
    public async Task End_of_input_without_exit_stops_the_server_with_one()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.CloseInputAsync();
        Assert.Equal(1, await client.WaitForExitAsync());
    }

    [Fact]
    public async Task Utf8_is_chosen_when_offered_and_utf16_otherwise()
    {
        await using (var client = new LspTestClient())
        {
            var init = await client.InitializeAsync(Obj("""{"general":{"positionEncodings":["utf-16","utf-8"]}}"""));
            Assert.Equal("utf-8", (string?)init["result"]!["capabilities"]!["positionEncoding"]);
        }
        await using (var client = new LspTestClient())
        {
            var init = await client.InitializeAsync(Obj("""{"general":{"positionEncodings":["utf-32"]}}"""));
            Assert.Equal("utf-16", (string?)init["result"]!["capabilities"]!["positionEncoding"]);
        }
    }

    [Fact]
    public async Task Set_trace_turns_on_log_trace_for_received_messages()
    {
        await using var client = new LspTestClient(configureServices: TestHandlers.Add);
        await client.InitializeAsync();
        await client.NotifyAsync("$/setTrace", Obj("""{"value":"verbose"}"""));
        await client.RequestAsync("test/echo", Obj("""{"textDocument":{"uri":"file:///a.txt"},"position":{"line":3,"character":4}}"""));
        var trace = await client.NotificationAsync("$/logTrace", m => ((string?)m["params"]!["message"])!.Contains("test/echo"));
        Assert.Contains("\"line\":3", (string?)trace["params"]!["verbose"]);

        await client.NotifyAsync("$/setTrace", Obj("""{"value":"off"}"""));
        await client.RequestAsync("test/echo", Obj("""{"textDocument":{"uri":"file:///b.txt"},"position":{"line":0,"character":0}}"""));
        Assert.True(await client.NoneWithinAsync(m => (string?)m["method"] == "$/logTrace" && m.ToJsonString().Contains("b.txt"), TimeSpan.FromMilliseconds(200)));
    }
}
