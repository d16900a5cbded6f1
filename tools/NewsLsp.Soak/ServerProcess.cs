using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsLsp.Soak;

/// <summary>
/// The real <c>newslsp serve</c> process over stdio: framed writes, a reader that matches responses to requests
/// and answers server→client requests with null, and memory read from /proc/&lt;pid&gt;/status.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _waiting = new();
    private readonly ConcurrentQueue<JsonObject> _notifications = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _reader;
    private int _nextId;
    private long _responseBytes, _responses;

    public ServerProcess(string serverDll, string workingDirectory, IEnumerable<string> extraArgs)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(serverDll);
        info.ArgumentList.Add("serve");
        foreach (var arg in extraArgs) info.ArgumentList.Add(arg);
        _process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + serverDll);
        _stdin = _process.StandardInput.BaseStream;
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
        _reader = Task.Run(ReadLoopAsync);
    }

    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>Notifications received so far (logMessage, showMessage, publishDiagnostics…), oldest first.</summary>
    public IReadOnlyList<JsonObject> Notifications => [.. _notifications];

    /// <summary>Bytes of all responses received so far (nearly all are pulled diagnostics), and how many.</summary>
    public (long Bytes, long Count) ResponseTraffic => (Interlocked.Read(ref _responseBytes), Interlocked.Read(ref _responses));

    public long ResidentKiB() => StatusField("VmRSS:");

    /// <summary>The server's OS threads (<c>Threads:</c> in <c>/proc/&lt;pid&gt;/status</c>).</summary>
    public long ThreadCount() => StatusField("Threads:");

    private long StatusField(string name)
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
                return long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        throw new InvalidOperationException("no " + name + " line in /proc/" + Pid + "/status");
    }

    public async Task NotifyAsync(string method, JsonNode? @params)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (@params is not null) message["params"] = @params;
        await SendAsync(message);
    }

    /// <summary>Sends a request; the task completes with its response.</summary>
    public async Task<JsonObject> RequestAsync(string method, JsonNode? @params, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var done = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = done;
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (@params is not null) message["params"] = @params;
        await SendAsync(message);
        try { return await done.Task.WaitAsync(timeout); }
        catch (TimeoutException)
        {
            _waiting.TryRemove(id, out _);
            throw new TimeoutException($"no response to {method} (id {id}) in {timeout.TotalSeconds} s; exited: {_process.HasExited}\n{Stderr}");
        }
    }

    private async Task SendAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeLock.WaitAsync();
        try
        {
            await _stdin.WriteAsync(header);
            await _stdin.WriteAsync(body);
            await _stdin.FlushAsync();
        }
        finally { _writeLock.Release(); }
    }

    public async Task<int> ShutdownAndExitAsync(TimeSpan timeout)
    {
        await RequestAsync("shutdown", null, timeout);
        await NotifyAsync("exit", null);
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    private async Task ReadLoopAsync()
    {
        var stdout = _process.StandardOutput.BaseStream;
        var buffer = new MemoryStream();
        var chunk = new byte[256 * 1024];
        try
        {
            while (true)
            {
                var read = await stdout.ReadAsync(chunk);
                if (read == 0) break;
                buffer.Write(chunk, 0, read);
                while (TryTakeFrame(buffer, out var body))
                {
                    var message = JsonNode.Parse(body)!.AsObject();
                    if (message["method"] is null)
                    {
                        Interlocked.Add(ref _responseBytes, body.Length);
                        Interlocked.Increment(ref _responses);
                    }
                    await DispatchAsync(message);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            lock (_stderr) _stderr.AppendLine("soak client: server output closed: " + ex.Message);
        }
        foreach (var (_, waiting) in _waiting) waiting.TrySetException(new IOException("the server's output ended\n" + Stderr));
    }

    private async Task DispatchAsync(JsonObject message)
    {
        if (message["method"] is not null && message["id"] is not null)
        {
            // workspace/configuration, client/registerCapability…: answer null so the server never waits.
            try { await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = message["id"]!.DeepClone(), ["result"] = null }); }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException) { }
            return;
        }
        if (message["method"] is not null)
        {
            _notifications.Enqueue(message);
            while (_notifications.Count > 2_000) _notifications.TryDequeue(out _);
            return;
        }
        if (message["id"] is JsonValue id && id.TryGetValue<int>(out var key) && _waiting.TryRemove(key, out var done)) done.TrySetResult(message);
        else lock (_stderr) _stderr.AppendLine("soak client: unexpected response " + message.ToJsonString());
    }

    private static bool TryTakeFrame(MemoryStream buffer, out byte[] body)
    {
        body = [];
        var data = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var end = data.IndexOf("\r\n\r\n"u8);
        if (end < 0) return false;
        var length = -1;
        foreach (var line in Encoding.ASCII.GetString(data[..end]).Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                length = int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
        }
        if (length < 0) throw new InvalidDataException("the server sent a frame without Content-Length");
        if (data.Length < end + 4 + length) return false;
        body = data.Slice(end + 4, length).ToArray();
        var rest = data[(end + 4 + length)..].ToArray();
        buffer.SetLength(0);
        buffer.Write(rest);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        try { await _reader.WaitAsync(TimeSpan.FromSeconds(5)); } catch (TimeoutException) { }
        _process.Dispose();
    }
}
