using Microsoft.Extensions.Logging;
using NewsLsp.Analysis;
using NewsLsp.LanguageServer.Documents;
using NewsLsp.LanguageServer.Protocol;
using NewsLsp.LanguageServer.Server;

namespace NewsLsp.LanguageServer.Diagnostics;

/// <summary>
/// Keeps the client's diagnostics current after every workspace change, debounced. Each document's
/// diagnostics are compared with what the client last got, so an edit that changes a cross-article fact
/// updates the other affected articles too, and unchanged ones are not re-sent.
/// Push clients get <c>textDocument/publishDiagnostics</c>; pull clients get <c>workspace/diagnostic/refresh</c>
/// when documents they did not edit changed (they re-pull edited ones themselves).
/// </summary>
public sealed class DiagnosticsPublisher : IServerSessionListener
{
    private readonly LanguageServerWorkspace workspace;
    private readonly ServerState state;
    private readonly LspClient client;
    private readonly DiagnosticConverter converter;
    private readonly ILogger logger;
    private readonly Debouncer debouncer;
    /// <summary>
    /// For pull clients: at most this many possibly changed documents are converted to decide whether to send
    /// <c>workspace/diagnostic/refresh</c>; past it (or when the engine cannot tell which changed) the refresh is sent.
    /// </summary>
    public const int PullComparisonLimit = 64;

    private readonly Dictionary<string, string> lastResultIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> lastClientUris = new(StringComparer.Ordinal);
    private readonly HashSet<string> pendingEdited = new(StringComparer.Ordinal);
    private WorkspaceSnapshot? published;

    public DiagnosticsPublisher(LanguageServerWorkspace workspace, ServerState state, LspClient client, DiagnosticConverter converter, ServerOptions options, ILogger<DiagnosticsPublisher> logger)
    {
        this.workspace = workspace;
        this.state = state;
        this.client = client;
        this.converter = converter;
        this.logger = logger;
        debouncer = new Debouncer(options.DiagnosticsDebounce, PublishAsync, ex => logger.LogError(ex, "Publishing diagnostics failed"));
        workspace.Changed += OnChanged;
    }

    private void OnChanged(IReadOnlyCollection<string> edited)
    {
        lock (pendingEdited) pendingEdited.UnionWith(edited);
        debouncer.Trigger();
    }

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        string[] edited;
        lock (pendingEdited)
        {
            edited = [.. pendingEdited];
            pendingEdited.Clear();
        }
        var push = !state.ClientPullsDiagnostics;
        var snapshot = workspace.Current;
        var othersChanged = false;
        // Only the documents that can have changed since the last run, when the engine can tell (a keystroke that
        // moved no corpus fact): converting all 10,000 articles after every keystroke cost tens of ms per edit.
        var changedOnly = published is null ? null : snapshot.DocumentsChangedSince(published);
        if (!push && (changedOnly is null || changedOnly.Count > PullComparisonLimit))
        {
            // A pull client re-pulls what it shows when told to: converting every document that may have changed only
            // to learn whether to say so cost seconds per keystroke at 10,000 articles (an event's findings reach
            // thousands). Say so, and let the client pull the few it needs.
            published = snapshot;
            lastResultIds.Clear();
            lastClientUris.Clear();
            if (state.ClientSupportsDiagnosticRefresh) await RefreshAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        var present = changedOnly is null ? new HashSet<string>(StringComparer.Ordinal) : null;
        foreach (var key in changedOnly ?? snapshot.Documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var uri = key.Value;
            if (!snapshot.Contains(key))
            {
                if (lastResultIds.Remove(uri))
                {
                    lastClientUris.Remove(uri, out var spelledGone);
                    if (push) client.PublishDiagnostics(new PublishDiagnosticsParams(spelledGone ?? uri, []));
                    else othersChanged = true;
                }
                continue;
            }
            present?.Add(uri);
            var diagnostics = converter.Convert(snapshot, key);
            var resultId = DiagnosticConverter.ResultId(diagnostics);
            if (lastResultIds.TryGetValue(uri, out var previous) && previous == resultId) continue;
            lastResultIds[uri] = resultId;
            lastClientUris[uri] = workspace.ClientUri(key);
            if (push)
            {
                client.PublishDiagnostics(new PublishDiagnosticsParams(workspace.ClientUri(key), diagnostics)
                {
                    Version = workspace.IsOpen(uri) ? snapshot.GetArticle(key)?.Version : null,
                });
            }
            else if (!edited.Contains(uri, StringComparer.Ordinal))
            {
                othersChanged = true;
            }
        }
        published = snapshot;
        foreach (var gone in present is null ? [] : lastResultIds.Keys.Where(uri => !present.Contains(uri)).ToArray())
        {
            lastResultIds.Remove(gone);
            lastClientUris.Remove(gone, out var spelled);
            // Clear what the client shows for a document that left the workspace.
            if (push) client.PublishDiagnostics(new PublishDiagnosticsParams(spelled ?? gone, []));
            else othersChanged = true;
        }
        if (!push && othersChanged && state.ClientSupportsDiagnosticRefresh) await RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try { await client.RefreshDiagnosticsAsync(cancellationToken).ConfigureAwait(false); }
        catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogWarning("workspace/diagnostic/refresh failed: {Message}", ex.Message); }
    }

    public async Task OnStoppingAsync() => await debouncer.DisposeAsync().ConfigureAwait(false);
}
