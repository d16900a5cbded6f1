using NewsLsp.Analysis;
using NewsLsp.ProjectSystem;

namespace NewsLsp.Cli;

/// <summary>The articles named on a command line, loaded into one workspace snapshot, and the files that could not be.</summary>
internal sealed record LoadedCorpus(WorkspaceSnapshot Snapshot, IReadOnlyList<string> Paths, IReadOnlyList<string> Errors)
{
    /// <summary>
    /// Loads files and folders (searched with the configuration's globs). Keys are the paths as given. A file that
    /// cannot be read is reported in <see cref="Errors"/> and skipped; the rest are still analysed.
    /// </summary>
    public static LoadedCorpus Load(IEnumerable<string> inputs, ProjectConfiguration configuration, Action<int>? progress = null)
    {
        var errors = new List<string>();
        var paths = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input)) paths.AddRange(ArticleDiscovery.Find(input, configuration, errors));
            else if (File.Exists(input)) paths.Add(input);
            else errors.Add($"{input}: no such file or directory");
        }
        paths = paths.Distinct(StringComparer.Ordinal).ToList();

        var texts = new Microsoft.CodeAnalysis.Text.SourceText?[paths.Count];
        var fileErrors = new string?[paths.Count];
        var done = 0;
        Parallel.For(0, paths.Count, i =>
        {
            try { texts[i] = ArticleFileReader.Read(paths[i]); }
            catch (ArticleFileException ex) { fileErrors[i] = ex.Message; }
            progress?.Invoke(Interlocked.Increment(ref done));
        });

        var snapshot = WorkspaceSnapshot.Create(configuration: configuration);
        var loaded = new List<string>();
        for (var i = 0; i < paths.Count; i++)
        {
            if (fileErrors[i] is { } error) { errors.Add(error); continue; }
            snapshot = snapshot.WithDocumentText(new DocumentKey(paths[i]), texts[i]!);
            loaded.Add(paths[i]);
        }
        return new LoadedCorpus(snapshot, loaded, errors);
    }
}
