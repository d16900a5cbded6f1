using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsLsp.Bench.Lsp;

/// <summary>A response from the server and the moment it was read off the pipe (Stopwatch ticks).</summary>
internal sealed record LspResponse(JsonNode? Result, JsonNode? Error, long ReceivedAt);

/// <summary>
/// A minimal LSP client over the stdio of a spawned <c>newslsp serve</c>: Content-Length framing, requests with
/// ids, notifications, and automatic answers to the server's own requests (configuration, progress creation,
/// registrations). Responses are timestamped on the reader thread, so latency excludes this client's scheduling.
/// </summary>
internal sealed class LspProcess : IDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly object _writeGate = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<LspResponse>> _pending = new();
    private readonly Thread _reader;
    private readonly StringBuilder _stderr = new();
    private int _nextId;

    private LspProcess(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "lsp-reader", Priority = ThreadPriority.AboveNormal };
        _reader.Start();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
    }

    /// <summary>Every notification from the server (method, params), on the reader thread.</summary>
    public event Action<string, JsonNode?>? Notification;

    public long StartedAt { get; private set; }

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public static LspProcess Start(string executable, string workingDirectory)
    {
        var info = new ProcessStartInfo(executable, "serve")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {executable} serve");
        return new LspProcess(process) { StartedAt = startedAt };
    }

    public void Notify(string method, JsonNode? @params) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = @params });

    /// <summary>Sends a request; the task completes when its response has been read.</summary>
    public Task<LspResponse> Request(string method, JsonNode? @params)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<LspResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = @params });
        return completion.Task;
    }

    public LspResponse RequestSync(string method, JsonNode? @params, TimeSpan? timeout = null)
    {
        var task = Request(method, @params);
        if (!task.Wait(timeout ?? TimeSpan.FromMinutes(5)))
            throw new TimeoutException($"{method}: no answer within {(timeout ?? TimeSpan.FromMinutes(5)).TotalSeconds:F0} s. Server stderr:\n{Stderr}");
        var response = task.Result;
        if (response.Error is not null) throw new InvalidOperationException($"{method} failed: {response.Error.ToJsonString()}");
        return response;
    }

    public void Shutdown()
    {
        try
        {
            RequestSync("shutdown", null, TimeSpan.FromSeconds(10));
            Notify("exit", null);
            if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is IOException or TimeoutException or InvalidOperationException or AggregateException)
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (_writeGate)
        {
            _input.Write(header);
            _input.Write(body);
            _input.Flush();
        }
    }

    private void ReadLoop()
    {
        var stream = _process.StandardOutput.BaseStream;
        var header = new StringBuilder();
        try
        {
            while (true)
            {
                var length = -1;
                while (true)
                {
                    header.Clear();
                    int b;
                    while ((b = stream.ReadByte()) != -1 && b != '\n') header.Append((char)b);
                    if (b == -1) { FailPending("the server closed its output"); return; }
                    var line = header.ToString().TrimEnd('\r');
                    if (line.Length == 0) break;
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                        length = int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
                }
                if (length < 0) continue;
                var body = new byte[length];
                stream.ReadExactly(body);
                var receivedAt = Stopwatch.GetTimestamp();
                Dispatch(JsonNode.Parse(body)!.AsObject(), receivedAt);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or EndOfStreamException)
        {
            FailPending("reading from the server failed: " + ex.Message);
        }
    }

    private void Dispatch(JsonObject message, long receivedAt)
    {
        var method = message["method"]?.GetValue<string>();
        var id = message["id"];
        if (method is null && id is not null)
        {
            if (_pending.TryRemove(id.GetValue<int>(), out var completion))
                completion.TrySetResult(new LspResponse(message["result"], message["error"], receivedAt));
            return;
        }
        if (method is not null && id is not null)
        {
            // The server asks something of the client: answer what a plain editor would.
            JsonNode? result = method == "workspace/configuration"
                ? new JsonArray([.. (message["params"]?["items"]?.AsArray() ?? []).Select(_ => (JsonNode?)null)])
                : null;
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
            return;
        }
        if (method is not null) Notification?.Invoke(method, message["params"]);
    }

    private void FailPending(string reason)
    {
        foreach (var (_, completion) in _pending) completion.TrySetException(new IOException(reason + ". Server stderr:\n" + Stderr));
        _pending.Clear();
    }

    public static JsonObject InitializeParams(string? rootFolder) => new()
    {
        ["processId"] = Environment.ProcessId,
        ["clientInfo"] = new JsonObject { ["name"] = "newslsp-bench", ["version"] = "1" },
        ["rootUri"] = rootFolder is null ? null : new Uri(rootFolder).AbsoluteUri,
        ["workspaceFolders"] = rootFolder is null ? null : new JsonArray(new JsonObject
        {
            ["uri"] = new Uri(rootFolder).AbsoluteUri,
            ["name"] = Path.GetFileName(rootFolder),
        }),
        ["capabilities"] = JsonNode.Parse("""
            {
              "general": { "positionEncodings": ["utf-16"] },
              "window": { "workDoneProgress": true },
              "workspace": { "configuration": true, "workspaceFolders": true },
              "textDocument": {
                "synchronization": { "dynamicRegistration": false },
                "diagnostic": { "dynamicRegistration": false, "relatedDocumentSupport": false },
                "hover": { "contentFormat": ["markdown", "plaintext"] },
                "references": {}
              }
            }
            """),
    };

    public static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
