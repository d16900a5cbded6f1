using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using NewsLsp.LanguageServer.Handlers;
using NewsLsp.LanguageServer.JsonRpc;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Tests;

/// <summary>The connection on its own: server→client requests, their timeout, and the routing of responses.</summary>
public sealed class JsonRpcConnectionTests
{
    private sealed class NoHandler : IJsonRpcMessageHandler
    {
        public void OnRequest(IncomingRequest request) => request.RespondError(JsonRpcErrorCodes.MethodNotFound, "none");
        public void OnNotification(IncomingNotification notification) { }
    }

    private static (JsonRpcConnection Connection, Pipe ToServer, MessageFramer FromServer) Create(TimeSpan timeout)
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        var connection = new JsonRpcConnection(toServer.Reader.AsStream(), toClient.Writer.AsStream(),
            new JsonRpcOptions { ServerRequestTimeout = timeout }, NullLogger.Instance);
        return (connection, toServer, new MessageFramer(toClient.Reader, int.MaxValue));
    }

    private static async Task WriteAsync(Pipe pipe, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        await pipe.Writer.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n").Concat(body).ToArray());
    }

    [Fact]
    public async Task A_server_request_is_completed_by_the_matching_response_and_errors_become_exceptions()
    {
        var (connection, toServer, fromServer) = Create(TimeSpan.FromSeconds(10));
        var running = connection.RunAsync(new NoHandler(), CancellationToken.None);
        var configuration = connection.SendRequestAsync("workspace/configuration",
            new ConfigurationParams([new ConfigurationItem { Section = "newslsp" }]),
            LspParams.TypeInfo<ConfigurationParams>(), LspParams.TypeInfo<JsonElement[]>(), CancellationToken.None);
        var sent = JsonDocument.Parse((await fromServer.ReadAsync(CancellationToken.None)).Body).RootElement;
        Assert.Equal("workspace/configuration", sent.GetProperty("method").GetString());
        var id = sent.GetProperty("id").GetString();

        await WriteAsync(toServer, $$$"""{"jsonrpc":"2.0","id":"{{{id}}}","result":[{"rules":{}}]}""");
        var result = await configuration.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(JsonValueKind.Object, Assert.Single(result!).ValueKind);

        var refused = connection.SendRequestAsync("client/registerCapability", new RegistrationParams([]),
            LspParams.TypeInfo<RegistrationParams>(), LspParams.TypeInfo<JsonElement>(), CancellationToken.None);
        var second = JsonDocument.Parse((await fromServer.ReadAsync(CancellationToken.None)).Body).RootElement;
        await WriteAsync(toServer, $$$"""{"jsonrpc":"2.0","id":"{{{second.GetProperty("id").GetString()}}}","error":{"code":-32601,"message":"no"}}""");
        var error = await Assert.ThrowsAsync<JsonRpcException>(() => refused.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(-32601, error.Code);

        await toServer.Writer.CompleteAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_unanswered_server_request_times_out_and_is_cancelled_on_the_client()
    {
        var (connection, toServer, fromServer) = Create(TimeSpan.FromMilliseconds(200));
        var running = connection.RunAsync(new NoHandler(), CancellationToken.None);
        var request = connection.SendRequestAsync("window/workDoneProgress/create", new WorkDoneProgressCreateParams("t"),
            LspParams.TypeInfo<WorkDoneProgressCreateParams>(), LspParams.TypeInfo<JsonElement>(), CancellationToken.None);
        var sent = JsonDocument.Parse((await fromServer.ReadAsync(CancellationToken.None)).Body).RootElement;
        await Assert.ThrowsAsync<TimeoutException>(() => request.WaitAsync(TimeSpan.FromSeconds(10)));
        var cancel = JsonDocument.Parse((await fromServer.ReadAsync(CancellationToken.None)).Body).RootElement;
        Assert.Equal("$/cancelRequest", cancel.GetProperty("method").GetString());
        Assert.Equal(sent.GetProperty("id").GetString(), cancel.GetProperty("params").GetProperty("id").GetString());
        await toServer.Writer.CompleteAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Pending_server_requests_fail_when_the_connection_closes()
    {
        var (connection, toServer, fromServer) = Create(TimeSpan.FromSeconds(30));
        var running = connection.RunAsync(new NoHandler(), CancellationToken.None);
        var request = connection.SendRequestAsync("workspace/diagnostic/refresh", new NoParams(),
            LspParams.TypeInfo<NoParams>(), LspParams.TypeInfo<JsonElement>(), CancellationToken.None);
        await fromServer.ReadAsync(CancellationToken.None);
        await toServer.Writer.CompleteAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<IOException>(() => request.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
