using Microsoft.CodeAnalysis.Text;
using Microsoft.Extensions.Logging;
using NewsLsp.Analysis;
using NewsLsp.LanguageServer.Documents;
using NewsLsp.LanguageServer.Handlers;
using NewsLsp.LanguageServer.Handlers.Lifecycle;
using NewsLsp.LanguageServer.JsonRpc;
using NewsLsp.LanguageServer.Protocol;
using NewsLsp.LanguageServer.Server;
using NewsLsp.ProjectSystem;

namespace NewsLsp.LanguageServer.Corpus;

/// <summary>
/// Brings every article of the workspace folders into the analysis, open or not: after <c>initialized</c> it
/// loads the configuration layers, registers file watchers, and scans the folders with progress. Files are
/// read in the background; the results are applied as one mutation on the execution queue, so the scan never
/// overrides text the editor has open. The server reads only inside the workspace folders and writes nothing.
/// </summary>
public sealed class CorpusLoader(
    LanguageServerWorkspace workspace,
    ConfigurationService configuration,
    RequestExecutionQueue queue,
    ServerState state,
    LspClient client,
    ILogger<CorpusLoader> logger) : IInitializedListener, IServerSessionListener
{
    private readonly CancellationTokenSource stopping = new();
    private readonly object gate = new();
    private Task background = Task.CompletedTask;

    public Task OnInitializedAsync(RequestContext context)
    {
        Run(async ct =>
        {
            await configuration.LoadAsync(ct).ConfigureAwait(false);
            await RegisterWatchersAsync(ct).ConfigureAwait(false);
            await ScanAsync(ct).ConfigureAwait(false);
            // Subscribed only now: the initial configuration must not trigger a second scan.
            workspace.FileGlobsChanged += () => Run(ScanAsync);
        });
        return Task.CompletedTask;
    }

    /// <summary>
    /// The workspace folders changed: re-read the project files (they live at a folder root) and rescan, so articles
    /// of added folders come in and those of removed folders leave (open documents keep the editor's text).
    /// </summary>
    public void FoldersChanged() => Run(async ct =>
    {
        await configuration.ReloadProjectFileAsync().ConfigureAwait(false);
        await ScanAsync(ct).ConfigureAwait(false);
    });

    /// <summary>Completes when the start-up work (and any rescan) has been applied; used by tests and shutdown.</summary>
    public Task IdleAsync()
    {
        lock (gate) return background;
    }

    private void Run(Func<CancellationToken, Task> work)
    {
        lock (gate)
        {
            var previous = background;
            background = Task.Run(async () =>
            {
                await previous.ConfigureAwait(false);
                try { await work(stopping.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
                catch (Exception ex) { logger.LogError(ex, "Loading the workspace failed"); }
            });
        }
    }

    private async Task RegisterWatchersAsync(CancellationToken cancellationToken)
    {
        if (!state.ClientSupportsWatchedFilesRegistration || state.WorkspaceFolders.Count == 0) return;
        var globs = new[] { "**/*.txt", "**/*.md", "**/*.markdown", "**/" + ProjectConfigurationFile.FileName, "**/" + KnowledgeFile.FileName };
        var registration = new Registration("newslsp-watched-files", "workspace/didChangeWatchedFiles")
        {
            RegisterOptions = new DidChangeWatchedFilesRegistrationOptions([.. globs.Select(g => new Protocol.FileSystemWatcher(g))]),
        };
        try
        {
            await client.RegisterCapabilityAsync(new RegistrationParams([registration]), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonRpcException or TimeoutException)
        {
            logger.LogWarning("Could not register file watchers; changes made outside the editor will not be seen: {Message}", ex.Message);
        }
    }

    private async Task ScanAsync(CancellationToken cancellationToken)
    {
        var folders = state.WorkspaceFolders;
        if (folders.Count == 0 && workspace.DiskFiles.Count == 0) return;
        var progress = await WorkDoneProgress.BeginAsync(client, state, "Indexing articles", logger, cancellationToken).ConfigureAwait(false);
        var config = workspace.Configuration;
        var paths = new List<string>();
        foreach (var folder in folders)
        {
            if (DocumentUris.ToPath(folder.Uri) is not { } root || !Directory.Exists(root))
            {
                logger.LogWarning("Workspace folder {Uri} is not a local directory; skipped", folder.Uri);
                continue;
            }
            paths.AddRange(ArticleDiscovery.Find(root, config));
        }

        var texts = new List<(string Uri, SourceText Text)>();
        for (var i = 0; i < paths.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var uri = DocumentUris.FromPath(paths[i]);
            if (workspace.TryRead(uri) is { } text) texts.Add((uri, text));
            if (i % 50 == 49) progress.Report($"{i + 1}/{paths.Count} files", (i + 1) * 100 / paths.Count);
        }

        var found = texts.Select(t => t.Uri).ToHashSet(StringComparer.Ordinal);
        var applied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.EnqueueMutation(() =>
        {
            try
            {
                // Files that no longer match (e.g. the globs changed) leave; found ones are added or refreshed.
                workspace.RemoveDiskFiles([.. workspace.DiskFiles.Where(u => !found.Contains(u))]);
                workspace.SetDiskTexts(texts);
                applied.TrySetResult();
            }
            catch (Exception ex) { applied.TrySetException(ex); }
            return Task.CompletedTask;
        });
        await applied.Task.ConfigureAwait(false);
        progress.End($"{texts.Count} article(s)");
        logger.LogInformation("Indexed {Count} article(s) in {Folders} workspace folder(s)", texts.Count, folders.Count);
    }

    public async Task OnStoppingAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAny(IdleAsync(), Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
    }
}
