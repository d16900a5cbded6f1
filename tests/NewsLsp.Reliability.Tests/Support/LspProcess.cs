using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsLsp.Reliability.Tests;

/// <summary>
/// The real <c>newslsp serve</c> process driven over raw stdio bytes: messages can be malformed at will, every
/// incoming frame is parsed and queued, and the process can be observed through /proc (memory, sockets).
/// </summary>
public sealed class LspProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly ConcurrentQueue<JsonObject> _received = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly Task _reader;
    private readonly StringBuilder _stderr = new();
    private int _nextId = 1000;

    public LspProcess(string workingDirectory, params string[] extraArgs)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Cli.Dll);
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add("--log-level");
        info.ArgumentList.Add("warning");
        foreach (var arg in extraArgs) info.ArgumentList.Add(arg);
        _process = Process.Start(info)!;
        _stdin = _process.StandardInput.BaseStream;
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
        _reader = Task.Run(ReadLoop);
    }

    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>Every message received so far that is not a response (notifications, server requests).</summary>
    public List<JsonObject> Notifications { get; } = [];

    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>Writes whole byte runs atomically: the reader answers server requests concurrently with the test's writes.</summary>
    public async Task SendRawAsync(byte[] bytes)
    {
        await _writeLock.WaitAsync();
        try
        {
            await _stdin.WriteAsync(bytes);
            await _stdin.FlushAsync();
        }
        finally { _writeLock.Release(); }
    }

    public async Task CloseInputAsync()
    {
        await _writeLock.WaitAsync();
        try { _stdin.Close(); }
        finally { _writeLock.Release(); }
    }

    public Task SendBodyAsync(byte[] body) =>
        SendRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);

    public Task SendAsync(string json) => SendBodyAsync(Encoding.UTF8.GetBytes(json));

    /// <summary>A notification; null params are left out (JSON-RPC allows only an object or an array).</summary>
    public Task NotifyAsync(string method, object? @params) => SendAsync(Message(null, method, @params).ToJsonString());

    private static JsonObject Message(int? id, string method, object? @params)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0" };
        if (id is not null) message["id"] = id;
        message["method"] = method;
        if (@params is not null) message["params"] = ToNode(@params);
        return message;
    }

    /// <summary>Sends a request and waits for its response.</summary>
    public async Task<JsonObject> RequestAsync(string method, object? @params, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        await SendAsync(Message(id, method, @params).ToJsonString());
        return await WaitForResponseAsync(JsonValue.Create(id), timeout);
    }

    public int NextId() => Interlocked.Increment(ref _nextId);

    /// <summary>The response whose id equals <paramref name="id"/> (null: an error response with id null).</summary>
    public async Task<JsonObject> WaitForResponseAsync(JsonNode? id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var key = id?.ToJsonString() ?? "null";
        while (true)
        {
            lock (_pending)
            {
                var index = _pending.FindIndex(m => (m["id"]?.ToJsonString() ?? "null") == key);
                if (index >= 0)
                {
                    var found = _pending[index];
                    _pending.RemoveAt(index);
                    return found;
                }
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"no response with id {key} (exited: {_process.HasExited}); stderr:\n{Stderr}");
            await _signal.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    private readonly List<JsonObject> _pending = [];

    /// <summary>Resident memory of the server process in KiB, from /proc/&lt;pid&gt;/status.</summary>
    public long ResidentKiB()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        throw new InvalidOperationException("no VmRSS line");
    }

    /// <summary>Socket inodes open in the process, split into network (TCP/UDP/raw) and Unix-domain ones (with their paths).</summary>
    public (List<string> Network, List<string> Unix) Sockets()
    {
        var inodes = new HashSet<string>();
        foreach (var fd in Directory.GetFiles($"/proc/{Pid}/fd"))
        {
            string? target;
            try { target = new FileInfo(fd).LinkTarget; }
            catch (IOException) { continue; }
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)) inodes.Add(target[8..^1]);
        }
        var network = new List<string>();
        foreach (var table in new[] { "tcp", "tcp6", "udp", "udp6", "raw", "raw6" })
        {
            var path = $"/proc/{Pid}/net/{table}";
            if (!File.Exists(path)) continue;
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && inodes.Contains(fields[9])) network.Add($"{table}: {line.Trim()}");
            }
        }
        var unix = new List<string>();
        foreach (var line in File.ReadLines($"/proc/{Pid}/net/unix").Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 6 && inodes.Contains(fields[6])) unix.Add(fields.Length > 7 ? fields[7] : "(unnamed)");
        }
        return (network, unix);
    }

    public async Task<JsonObject> InitializeAsync(string? rootFolder)
    {
        var folders = rootFolder is null ? null : new JsonArray(new JsonObject { ["uri"] = new Uri(rootFolder).AbsoluteUri, ["name"] = "ws" });
        var response = await RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = rootFolder is null ? null : new Uri(rootFolder).AbsoluteUri,
            ["capabilities"] = new JsonObject { ["textDocument"] = new JsonObject { ["diagnostic"] = new JsonObject() } },
            ["workspaceFolders"] = folders,
        });
        await NotifyAsync("initialized", new JsonObject());
        return response;
    }

    public async Task<int> ShutdownAndExitAsync()
    {
        await RequestAsync("shutdown", null);
        await NotifyAsync("exit", null);
        if (!_process.WaitForExit(15_000)) throw new TimeoutException("the server did not exit after shutdown + exit");
        return _process.ExitCode;
    }

    /// <summary>Forgets error responses with id null received so far (garbage can produce several).</summary>
    public void ForgetNullIdResponses()
    {
        lock (_pending) _pending.RemoveAll(m => m["id"] is null);
    }

    /// <summary>A copy of <see cref="Notifications"/> taken under the reader's lock (safe while messages arrive).</summary>
    public List<JsonObject> NotificationsSnapshot()
    {
        lock (_pending) return [.. Notifications];
    }

    public void DrainNotifications()
    {
        lock (_pending) _pending.RemoveAll(m => m["id"] is null && m["method"] is not null);
    }

    private async Task ReadLoop()
    {
        try { await ReadFrames(); }
        catch (Exception ex)
        {
            lock (_stderr) _stderr.AppendLine("TEST CLIENT READER FAILED: " + ex);
            _signal.Release();
        }
    }

    private async Task ReadFrames()
    {
        var stdout = _process.StandardOutput.BaseStream;
        var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        while (true)
        {
            int read;
            try { read = await stdout.ReadAsync(chunk); }
            catch (Exception) { break; }
            if (read == 0) break;
            buffer.Write(chunk, 0, read);
            while (TryTakeFrame(buffer, out var body))
            {
                var message = JsonNode.Parse(body)!.AsObject();
                if (message["method"] is not null && message["id"] is not null)
                {
                    // A server→client request (configuration, progress, registration): answer with null so nothing waits.
                    try { await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = message["id"]!.DeepClone(), ["result"] = null }.ToJsonString()); }
                    catch (Exception ex) when (ex is IOException or ObjectDisposedException) { }
                    continue;
                }
                lock (_pending)
                {
                    if (message["method"] is not null) { Notifications.Add(message); if (Notifications.Count > 10_000) Notifications.RemoveRange(0, 5_000); }
                    else _pending.Add(message);
                }
                _signal.Release();
            }
        }
        _signal.Release();
    }

    private static bool TryTakeFrame(MemoryStream buffer, out byte[] body)
    {
        body = [];
        var data = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var end = data.IndexOf("\r\n\r\n"u8);
        if (end < 0) return false;
        var headers = Encoding.ASCII.GetString(data[..end]);
        var length = -1;
        foreach (var line in headers.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        if (length < 0) throw new InvalidDataException("server sent a frame without Content-Length: " + headers);
        if (data.Length < end + 4 + length) return false;
        body = data.Slice(end + 4, length).ToArray();
        var rest = data[(end + 4 + length)..].ToArray();
        buffer.SetLength(0);
        buffer.Write(rest);
        return true;
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node,
        string json => JsonNode.Parse(json),
        _ => JsonSerializer.SerializeToNode(value),
    };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            _process.WaitForExit(5_000);
        }
        try { await _reader.WaitAsync(TimeSpan.FromSeconds(5)); } catch (TimeoutException) { }
        _process.Dispose();
    }
}
