using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using NewsLsp.LanguageServer;
using NewsLsp.LanguageServer.JsonRpc;
using NewsLsp.LanguageServer.Server;

namespace NewsLsp.LanguageServer.Tests.Infrastructure;

/// <summary>
/// An in-process LSP client speaking raw JSON to the real server over a pair of pipes: tests assert on
/// the exact JSON that crosses the boundary. Server→client requests are answered by <see cref="ServerRequestHandler"/>.
/// </summary>
public sealed class LspTestClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private readonly Pipe toServer = new();
    private readonly Pipe toClient = new();
    private readonly Stream clientOutput;
    private readonly Channel<JsonObject> incoming = Channel.CreateUnbounded<JsonObject>();
    private readonly List<JsonObject> unclaimed = [];
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly Task readLoop;
    private readonly CancellationTokenSource stop = new();
    private int nextId;

    public LspTestClient(ServerOptions? options = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null)
    {
        clientOutput = toServer.Writer.AsStream();
        options ??= new ServerOptions { LogToStandardError = false, LogLevel = Microsoft.Extensions.Logging.LogLevel.Debug };
        ServerTask = Task.Run(() => LanguageServerHost.RunAsync(toServer.Reader.AsStream(), toClient.Writer.AsStream(), options, configureServices, stop.Token));
        readLoop = Task.Run(ReadLoopAsync);
    }

    /// <summary>The server's exit code once it stops.</summary>
    public Task<int> ServerTask { get; }

    /// <summary>Answers server→client requests; by default null for everything.</summary>
    public Func<JsonObject, JsonNode?> ServerRequestHandler { get; set; } = _ => null;

    /// <summary>Every server→client request seen so far, in order.</summary>
    public List<JsonObject> ServerRequests { get; } = [];

    public async Task WriteRawAsync(byte[] bytes)
    {
        await writeLock.WaitAsync();
        try
        {
            await clientOutput.WriteAsync(bytes);
            await clientOutput.FlushAsync();
        }
        finally { writeLock.Release(); }
    }

    public Task WriteRawAsync(string text) => WriteRawAsync(Encoding.UTF8.GetBytes(text));

    public static byte[] Frame(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];
    }

    public Task SendJsonAsync(string json) => WriteRawAsync(Frame(json));

    public Task SendJsonAsync(JsonNode message) => SendJsonAsync(message.ToJsonString());

    public int NextId() => Interlocked.Increment(ref nextId);

    /// <summary>Sends a request and returns its id; read the answer with <see cref="ResponseAsync"/>.</summary>
    public async Task<int> SendRequestAsync(string method, JsonNode? @params)
    {
        var id = NextId();
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (@params is not null) message["params"] = @params;
        await SendJsonAsync(message);
        return id;
    }

    public async Task<JsonObject> RequestAsync(string method, JsonNode? @params)
    {
        var id = await SendRequestAsync(method, @params);
        return await ResponseAsync(id);
    }

    public Task NotifyAsync(string method, JsonNode? @params)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (@params is not null) message["params"] = @params;
        return SendJsonAsync(message);
    }

    public Task<JsonObject> ResponseAsync(int id) => ResponseAsync(JsonValue.Create(id));

    public Task<JsonObject> ResponseAsync(JsonNode? id) =>
        NextAsync(m => !m.ContainsKey("method") && JsonNode.DeepEquals(m["id"], id), $"response {id?.ToJsonString() ?? "null"}");

    public Task<JsonObject> NotificationAsync(string method, Func<JsonObject, bool>? match = null) =>
        NextAsync(m => m.ContainsKey("method") && !m.ContainsKey("id") && (string?)m["method"] == method && (match?.Invoke(m) ?? true), $"notification {method}");

    /// <summary>Waits for the next message that matches; messages that do not match are kept for later waits.</summary>
    public async Task<JsonObject> NextAsync(Func<JsonObject, bool> match, string what, TimeSpan? timeout = null)
    {
        lock (unclaimed)
        {
            var found = unclaimed.FirstOrDefault(match);
            if (found is not null) { unclaimed.Remove(found); return found; }
        }
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (true)
            {
                var message = await incoming.Reader.ReadAsync(cts.Token);
                if (match(message)) return message;
                lock (unclaimed) unclaimed.Add(message);
            }
        }
        catch (OperationCanceledException)
        {
            string seen;
            lock (unclaimed) seen = string.Join("\n", unclaimed.Select(m => m.ToJsonString()));
            throw new TimeoutException($"Timed out waiting for {what}. Unclaimed messages:\n{seen}");
        }
    }

    /// <summary>Claims matching messages until none arrives within <paramref name="quiet"/>; returns how many there were.</summary>
    public async Task<int> DrainAsync(Func<JsonObject, bool> match, TimeSpan quiet)
    {
        var count = 0;
        try
        {
            while (true)
            {
                await NextAsync(match, "drain", quiet);
                count++;
            }
        }
        catch (TimeoutException)
        {
            return count;
        }
    }

    /// <summary>True when no matching message arrives within <paramref name="wait"/>.</summary>
    public async Task<bool> NoneWithinAsync(Func<JsonObject, bool> match, TimeSpan wait)
    {
        try
        {
            var found = await NextAsync(match, "absence check", wait);
            lock (unclaimed) unclaimed.Add(found);
            return false;
        }
        catch (TimeoutException) { return true; }
    }

    /// <summary>Initialize with the given capabilities and folders, then send initialized.</summary>
    public async Task<JsonObject> InitializeAsync(JsonObject? capabilities = null, JsonArray? workspaceFolders = null, bool sendInitialized = true)
    {
        var @params = new JsonObject
        {
            ["processId"] = null,
            ["rootUri"] = null,
            ["capabilities"] = capabilities ?? new JsonObject(),
        };
        if (workspaceFolders is not null) @params["workspaceFolders"] = workspaceFolders;
        var response = await RequestAsync("initialize", @params);
        if (sendInitialized) await NotifyAsync("initialized", new JsonObject());
        return response;
    }

    /// <summary>shutdown then exit; returns the exit code.</summary>
    public async Task<int> ShutdownAndExitAsync()
    {
        var response = await RequestAsync("shutdown", null);
        Assert.True(response.ContainsKey("result"), response.ToJsonString());
        await NotifyAsync("exit", null);
        return await WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync() => await ServerTask.WaitAsync(DefaultTimeout);

    public async Task CloseInputAsync() => await toServer.Writer.CompleteAsync();

    private async Task ReadLoopAsync()
    {
        var framer = new MessageFramer(toClient.Reader, int.MaxValue);
        while (true)
        {
            var frame = await framer.ReadAsync(CancellationToken.None);
            if (frame.Kind == FrameKind.EndOfStream) break;
            if (frame.Kind == FrameKind.Rejected) throw new InvalidDataException("The server wrote a bad frame: " + frame.Error);
            var message = JsonNode.Parse(frame.Body)!.AsObject();
            if (message.ContainsKey("method") && message.ContainsKey("id"))
            {
                lock (ServerRequests) ServerRequests.Add(message);
                var answer = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = message["id"]!.DeepClone(), ["result"] = ServerRequestHandler(message)?.DeepClone() };
                _ = SendJsonAsync(answer);
            }
            incoming.Writer.TryWrite(message);
        }
        incoming.Writer.TryComplete();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await toServer.Writer.CompleteAsync();
        try { await ServerTask.WaitAsync(TimeSpan.FromSeconds(10)); } catch (Exception) { /* the test already reported what matters */ }
        // The server leaves its output stream open (stdout outlives it); end our read loop ourselves.
        await toClient.Writer.CompleteAsync();
        try { await readLoop.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { }
        stop.Dispose();
    }
}
