using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using Microsoft.Extensions.Logging;
using NewsLsp.Analysis;
using NewsLsp.LanguageServer.Protocol;
using NewsLsp.LanguageServer.Server;
using NewsLsp.ProjectSystem;

namespace NewsLsp.LanguageServer.Documents;

/// <summary>
/// The server's view of the corpus: the engine's <see cref="Workspace"/> plus what only the edge knows —
/// which documents the editor has open (their text wins over the disk), which came from the workspace
/// folders, and the configuration layers. Every method here is called from a mutation on the execution
/// queue, so changes are applied one at a time in arrival order; readers use <see cref="Current"/>.
/// </summary>
public sealed class LanguageServerWorkspace(ServerOptions options, ILogger<LanguageServerWorkspace> logger, LspClient client)
{
    // Documents whose editor text went over MaxDocumentChars: the server no longer knows the editor's text, so
    // incremental changes are ignored until a full-text change (or a reopen) within the limit brings it back.
    private ImmutableHashSet<string> suspended = ImmutableHashSet.Create<string>(StringComparer.Ordinal);
    private readonly Workspace workspace = new();
    private ImmutableDictionary<string, int> open = ImmutableDictionary.Create<string, int>(StringComparer.Ordinal);
    private ImmutableHashSet<string> onDisk = ImmutableHashSet.Create<string>(StringComparer.Ordinal);
    private ProjectConfiguration fileConfiguration = ProjectConfiguration.Default;
    private System.Text.Json.JsonElement? clientSettings;
    // Keys are canonical file URIs so a file opened in the editor and found on disk is one document; the
    // client's own spelling of each URI is remembered so everything we send uses it.
    private ImmutableDictionary<string, string> clientSpelling = ImmutableDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Raised after every change that may alter diagnostics, with the documents the editor changed directly.</summary>
    public event Action<IReadOnlyCollection<string>>? Changed;

    /// <summary>Raised when the include/exclude globs changed, so the corpus must be rescanned.</summary>
    public event Action? FileGlobsChanged;

    public WorkspaceSnapshot Current => workspace.Current;

    /// <summary>The document key of a URI the client sent.</summary>
    public static DocumentKey KeyOf(string clientUri) => new(DocumentUris.Normalize(clientUri));

    /// <summary>The URI to send to the client for a document key: its own spelling when it opened the document.</summary>
    public string ClientUri(DocumentKey key) => clientSpelling.TryGetValue(key.Value, out var spelled) ? spelled : key.Value;

    /// <summary>Whether the editor has the document (canonical URI) open.</summary>
    public bool IsOpen(string uri) => open.ContainsKey(uri);

    public void Open(string clientUri, int version, string text)
    {
        var uri = KeyOf(clientUri).Value;
        if (!WithinSizeLimit(uri, text.Length))
        {
            Suspend(uri, $"{Name(uri)} is {text.Length:N0} characters, over the limit of {options.MaxDocumentChars:N0} (--max-document-chars); it is not analysed until it is reopened smaller.");
            return;
        }
        suspended = suspended.Remove(uri);
        clientSpelling = clientSpelling.SetItem(uri, clientUri);
        workspace.Update(s => s.WithDocumentText(new DocumentKey(uri), SourceText.From(text), version));
        open = open.SetItem(uri, version);
        Changed?.Invoke([uri]);
    }

    public void Change(string clientUri, int version, IReadOnlyList<TextDocumentContentChangeEvent> changes, PositionConverter positions)
    {
        var uri = KeyOf(clientUri).Value;
        if (suspended.Contains(uri))
        {
            Resume(clientUri, uri, version, changes, positions);
            return;
        }
        if (!open.TryGetValue(uri, out var current))
        {
            logger.LogWarning("Ignored didChange for {Uri}: the document is not open", uri);
            return;
        }
        if (version <= current)
        {
            logger.LogWarning("Ignored didChange for {Uri}: version {Version} does not follow the current version {Current}", uri, version, current);
            return;
        }
        var key = new DocumentKey(uri);
        var before = workspace.Current.GetRequiredArticle(key).Text;
        SourceText after;
        try
        {
            after = TextChangeApplier.Apply(before, changes, positions);
        }
        catch (PositionOutOfRangeException ex)
        {
            // The client and server disagree about the text; keeping the old text is the only safe choice.
            logger.LogError("Rejected didChange for {Uri} (version {Version}); the document is unchanged: {Reason}", uri, version, ex.Message);
            return;
        }
        if (!WithinSizeLimit(uri, after.Length))
        {
            Suspend(uri, $"{Name(uri)} would be {after.Length:N0} characters after this change, over the limit of {options.MaxDocumentChars:N0} (--max-document-chars); " +
                         "its diagnostics stay those of the last accepted text until it is reopened smaller.");
            return;
        }
        workspace.Update(s => s.WithDocumentText(key, after, version));
        open = open.SetItem(uri, version);
        Changed?.Invoke([uri]);
    }

    /// <summary>The editor closed the document: fall back to its text on disk when it is an article of the workspace, else forget it.</summary>
    public void Close(string clientUri, IReadOnlyList<WorkspaceFolder> folders)
    {
        var uri = KeyOf(clientUri).Value;
        if (suspended.Contains(uri) && !open.ContainsKey(uri))
        {
            suspended = suspended.Remove(uri);   // a refused open: nothing was analysed, nothing to fall back from
            return;
        }
        if (!open.ContainsKey(uri))
        {
            logger.LogWarning("Ignored didClose for {Uri}: the document is not open", uri);
            return;
        }
        suspended = suspended.Remove(uri);
        open = open.Remove(uri);
        clientSpelling = clientSpelling.Remove(uri);
        // A document never saved (no file) is simply forgotten: not worth a warning on every close.
        var disk = IsWorkspaceArticle(uri, folders) && DocumentUris.ToPath(uri) is { } path && Path.Exists(path) ? TryRead(uri) : null;
        if (disk is not null)
        {
            workspace.Update(s => s.WithDocumentText(new DocumentKey(uri), disk, 0));
            onDisk = onDisk.Add(uri);
        }
        else
        {
            workspace.Update(s => s.WithoutDocument(new DocumentKey(uri)));
        }
        Changed?.Invoke([]);
    }

    /// <summary>Adds or refreshes files read from disk (initial scan, watched-file events); open documents keep the editor's text.</summary>
    public void SetDiskTexts(IReadOnlyList<(string Uri, SourceText Text)> files)
    {
        var applicable = files.Where(f => !open.ContainsKey(f.Uri)).ToArray();
        if (applicable.Length == 0 && files.Count == 0) return;
        workspace.Update(s =>
        {
            foreach (var (uri, text) in applicable) s = s.WithDocumentText(new DocumentKey(uri), text, 0);
            return s;
        });
        onDisk = onDisk.Union(files.Select(f => f.Uri));
        Changed?.Invoke([]);
    }

    /// <summary>Removes files deleted on disk (or no longer matched by the globs); open documents stay until closed.</summary>
    public void RemoveDiskFiles(IReadOnlyCollection<string> uris)
    {
        var removable = uris.Where(u => onDisk.Contains(u) && !open.ContainsKey(u)).ToArray();
        onDisk = onDisk.Except(uris);
        if (removable.Length == 0) return;
        workspace.Update(s =>
        {
            foreach (var uri in removable) s = s.WithoutDocument(new DocumentKey(uri));
            return s;
        });
        Changed?.Invoke([]);
    }

    public IReadOnlyCollection<string> DiskFiles => onDisk;

    public ProjectConfiguration Configuration => workspace.Current.Configuration;

    /// <summary>Sets the newslsp.json layer (null: defaults) and re-applies the editor's settings on top.</summary>
    public void SetFileConfiguration(ProjectConfiguration? configuration)
    {
        fileConfiguration = configuration ?? ProjectConfiguration.Default;
        ApplyConfiguration();
    }

    /// <summary>Sets the entity knowledge from newslsp.knowledge.json (empty when there is none).</summary>
    public void SetKnowledge(NewsLsp.Analysis.Entities.EntityKnowledge knowledge)
    {
        var before = workspace.Current;
        var after = workspace.Update(s => s.WithKnowledge(knowledge));
        if (!ReferenceEquals(before, after)) Changed?.Invoke([]);
    }

    /// <summary>Sets the editor's <c>newslsp</c> settings layer (same shape as newslsp.json).</summary>
    public void SetClientSettings(System.Text.Json.JsonElement? settings)
    {
        clientSettings = settings is { ValueKind: System.Text.Json.JsonValueKind.Object } ? settings : null;
        ApplyConfiguration();
    }

    private void ApplyConfiguration()
    {
        var effective = fileConfiguration;
        if (clientSettings is { } settings)
        {
            try
            {
                effective = ProjectConfigurationFile.Apply(fileConfiguration, settings, "editor settings (newslsp)");
            }
            catch (ConfigurationException ex)
            {
                logger.LogError("Ignored the editor's newslsp settings: {Problem}", ex.Message);
            }
        }
        var before = workspace.Current;
        var after = workspace.Update(s => s.WithConfiguration(effective));
        if (ReferenceEquals(before, after)) return;
        Changed?.Invoke([]);
        if (!before.Configuration.Include.SequenceEqual(after.Configuration.Include) || !before.Configuration.Exclude.SequenceEqual(after.Configuration.Exclude))
            FileGlobsChanged?.Invoke();
    }

    /// <summary>Whether the URI is a file inside a workspace folder that the configured globs call an article.</summary>
    public bool IsWorkspaceArticle(string uri, IReadOnlyList<WorkspaceFolder> folders)
    {
        if (DocumentUris.ToPath(uri) is not { } path) return false;
        foreach (var folder in folders)
        {
            if (DocumentUris.ToPath(folder.Uri) is not { } root || !DocumentUris.IsInside(path, root)) continue;
            return ArticleDiscovery.IsArticle(Path.GetRelativePath(root, path), Configuration);
        }
        return false;
    }

    /// <summary>Reads an article from disk; null (with a logged reason) when it cannot be used.</summary>
    public SourceText? TryRead(string uri)
    {
        if (DocumentUris.ToPath(uri) is not { } path) return null;
        try
        {
            var text = ArticleFileReader.Read(path, (long)options.MaxDocumentChars * 4);
            return WithinSizeLimit(uri, text.Length) ? text : null;
        }
        catch (ArticleFileException ex)
        {
            logger.LogWarning("Skipped {Problem}", ex.Message);
            return null;
        }
    }

    private static string Name(string uri) => DocumentUris.ToPath(uri) is { } path ? Path.GetFileName(path) : uri;

    /// <summary>The editor's text is over the limit: tell the user (the log alone is easy to miss) and stop following changes.</summary>
    private void Suspend(string uri, string message)
    {
        if (suspended.Contains(uri)) return;
        suspended = suspended.Add(uri);
        client.ShowMessage(MessageType.Warning, "newslsp: " + message);
    }

    /// <summary>
    /// A change to a suspended document. Incremental changes cannot be applied (the server does not have the
    /// editor's text); a change set containing a full-text change within the limit resumes analysis from it.
    /// </summary>
    private void Resume(string clientUri, string uri, int version, IReadOnlyList<TextDocumentContentChangeEvent> changes, PositionConverter positions)
    {
        var full = -1;
        for (var i = 0; i < changes.Count; i++) if (changes[i].Range is null) full = i;
        if (full < 0)
        {
            logger.LogDebug("Ignored didChange for {Uri}: the document is over the size limit and only a full-text change can bring it back", uri);
            return;
        }
        SourceText text;
        try
        {
            text = TextChangeApplier.Apply(SourceText.From(""), [.. changes.Skip(full)], positions);
        }
        catch (PositionOutOfRangeException ex)
        {
            logger.LogError("Rejected didChange for {Uri} (version {Version}): {Reason}", uri, version, ex.Message);
            return;
        }
        if (!WithinSizeLimit(uri, text.Length)) return;
        suspended = suspended.Remove(uri);
        clientSpelling = clientSpelling.SetItem(uri, clientUri);
        workspace.Update(s => s.WithDocumentText(new DocumentKey(uri), text, version));
        open = open.SetItem(uri, version);
        logger.LogInformation("{Uri} is back under the size limit ({Length} characters); analysing it again", uri, text.Length);
        Changed?.Invoke([uri]);
    }

    private bool WithinSizeLimit(string uri, int length)
    {
        if (length <= options.MaxDocumentChars) return true;
        logger.LogError("Refused {Uri}: {Length} characters is over the limit of {Limit}; the previous state is kept", uri, length, options.MaxDocumentChars);
        return false;
    }
}
