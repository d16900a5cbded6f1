using System.Text.Json;
using NewsLsp.Analysis;
using Microsoft.Extensions.Logging;
using NewsLsp.LanguageServer.Documents;
using NewsLsp.LanguageServer.JsonRpc;
using NewsLsp.LanguageServer.Protocol;
using NewsLsp.LanguageServer.Server;
using NewsLsp.ProjectSystem;

namespace NewsLsp.LanguageServer.Corpus;

/// <summary>
/// The two configuration layers: <c>newslsp.json</c> at a workspace-folder root, then the editor's
/// <c>newslsp</c> settings (pulled with <c>workspace/configuration</c>, or pushed in
/// <c>workspace/didChangeConfiguration</c>) on top. Reads happen off the queue; applying is a queued mutation.
/// </summary>
public sealed class ConfigurationService(
    LanguageServerWorkspace workspace,
    RequestExecutionQueue queue,
    ServerState state,
    LspClient client,
    ILogger<ConfigurationService> logger)
{
    public const string Section = "newslsp";

    /// <summary>Loads both layers and applies them; completes once applied.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var file = ReadProjectFile();
        var settings = await PullSettingsAsync(cancellationToken).ConfigureAwait(false);
        await ApplyAsync(() =>
        {
            workspace.SetFileConfiguration(file);
            if (settings is not null) workspace.SetClientSettings(settings);
        }).ConfigureAwait(false);
    }

    /// <summary>Re-reads newslsp.json after it changed on disk.</summary>
    public async Task ReloadProjectFileAsync()
    {
        try
        {
            var file = ReadProjectFile();
            await ApplyAsync(() => workspace.SetFileConfiguration(file)).ConfigureAwait(false);
        }
        catch (Exception ex) { logger.LogError(ex, "Reloading {File} failed", ProjectConfigurationFile.FileName); }
    }

    /// <summary>The editor says its settings changed: pull them if it can answer, else use what it sent.</summary>
    public async Task SettingsChangedAsync(JsonElement? pushed, CancellationToken cancellationToken)
    {
        try
        {
            JsonElement? settings;
            if (state.ClientSupportsConfiguration) settings = await PullSettingsAsync(cancellationToken).ConfigureAwait(false);
            else settings = pushed is { ValueKind: JsonValueKind.Object } all && all.TryGetProperty(Section, out var section) ? section.Clone() : null;
            await ApplyAsync(() => workspace.SetClientSettings(settings)).ConfigureAwait(false);
        }
        catch (Exception ex) { logger.LogError(ex, "Applying the editor's settings failed"); }
    }

    public bool IsProjectFile(string uri) =>
        DocumentUris.ToPath(uri) is { } path
        && Path.GetFileName(path) == ProjectConfigurationFile.FileName
        && state.WorkspaceFolders.Any(f => DocumentUris.ToPath(f.Uri) is { } root && Path.GetDirectoryName(path) == root.TrimEnd(Path.DirectorySeparatorChar));

    private ProjectConfiguration? ReadProjectFile()
    {
        foreach (var folder in state.WorkspaceFolders)
        {
            if (DocumentUris.ToPath(folder.Uri) is not { } root) continue;
            var path = Path.Combine(root, ProjectConfigurationFile.FileName);
            if (!File.Exists(path)) continue;
            try
            {
                return ProjectConfigurationFile.Load(path);
            }
            catch (ConfigurationException ex)
            {
                logger.LogError("Using default settings: {Problem}", ex.Message);
                client.ShowMessage(MessageType.Error, "newslsp: " + ex.Message);
                return null;
            }
        }
        return null;
    }

    private async Task<JsonElement?> PullSettingsAsync(CancellationToken cancellationToken)
    {
        if (!state.ClientSupportsConfiguration) return null;
        try
        {
            var result = await client.GetConfigurationAsync(new ConfigurationParams([new ConfigurationItem { Section = Section }]), cancellationToken).ConfigureAwait(false);
            return result is { Length: > 0 } && result[0].ValueKind == JsonValueKind.Object ? result[0] : null;
        }
        catch (Exception ex) when (ex is JsonRpcException or TimeoutException or JsonException)
        {
            logger.LogWarning("Could not read the editor's '{Section}' settings: {Message}", Section, ex.Message);
            return null;
        }
    }

    private Task ApplyAsync(Action apply)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.EnqueueMutation(() =>
        {
            try { apply(); done.TrySetResult(); }
            catch (Exception ex) { done.TrySetException(ex); }
            return Task.CompletedTask;
        });
        return done.Task;
    }
}
