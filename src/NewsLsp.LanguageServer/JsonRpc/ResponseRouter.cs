using System.Collections.Concurrent;
using System.Text.Json;

namespace NewsLsp.LanguageServer.JsonRpc;

/// <summary>
/// Pending server→client requests: hands out ids and completes each waiter when the client's response
/// with that id arrives. Ids are strings ("s1", "s2", …) so they can never collide with anything the client numbers.
/// </summary>
public sealed class ResponseRouter
{
    private readonly ConcurrentDictionary<RequestId, TaskCompletionSource<JsonElement>> pending = new();
    private long nextId;

    public int PendingCount => pending.Count;

    public (RequestId Id, Task<JsonElement> Response) Register()
    {
        var id = new RequestId("s" + Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        return (id, completion.Task);
    }

    /// <summary>Routes a response; false when no request with that id is waiting.</summary>
    public bool TryComplete(RequestId id, JsonElement? result, int? errorCode, string? errorMessage)
    {
        if (!pending.TryRemove(id, out var completion)) return false;
        if (errorCode is { } code) completion.TrySetException(new JsonRpcException(code, errorMessage ?? "The client answered with an error."));
        else completion.TrySetResult(result ?? default);
        return true;
    }

    public bool TryCancel(RequestId id, Exception reason)
    {
        if (!pending.TryRemove(id, out var completion)) return false;
        completion.TrySetException(reason);
        return true;
    }

    /// <summary>Fails every waiter, e.g. when the connection closes.</summary>
    public void FailAll(Exception reason)
    {
        foreach (var id in pending.Keys) TryCancel(id, reason);
    }
}
