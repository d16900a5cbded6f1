using System.Collections.Concurrent;
using NewsLsp.LanguageServer.JsonRpc;

namespace NewsLsp.LanguageServer.Server;

/// <summary>
/// Reads in flight per document. When an edit changes a document, reads computed on its old text are
/// answered with ContentModified (-32801) so the client re-asks rather than shows stale results.
/// </summary>
public sealed class StaleRequestTracker
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<IncomingRequest, byte>> reads = new(StringComparer.Ordinal);

    internal void Track(string uri, IncomingRequest request) =>
        reads.GetOrAdd(uri, _ => new ConcurrentDictionary<IncomingRequest, byte>())[request] = 0;

    internal void Untrack(string uri, IncomingRequest request)
    {
        if (reads.TryGetValue(uri, out var set)) set.TryRemove(request, out _);
    }

    /// <summary>Called by text-changing mutations after they applied an edit to <paramref name="uri"/>.</summary>
    public void DocumentChanged(string uri)
    {
        if (!reads.TryGetValue(uri, out var set)) return;
        foreach (var request in set.Keys) request.Cancel(JsonRpcErrorCodes.ContentModified);
    }
}
