using Microsoft.Extensions.FileSystemGlobbing;
using NewsLsp.Analysis;

namespace NewsLsp.ProjectSystem;

/// <summary>
/// Finds article files under a folder by the configuration's include/exclude globs. Links to directories are not
/// followed, so a symlink loop cannot trap the walk.
/// </summary>
public static class ArticleDiscovery
{
    /// <summary>Article files under <paramref name="folder"/>, as paths joined onto it (relative stays relative), in ordinal order.</summary>
    public static IReadOnlyList<string> Find(string folder, ProjectConfiguration configuration)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(configuration.Include);
        matcher.AddExcludePatterns(configuration.Exclude);
        var root = new DirectoryInfo(folder);
        var results = new List<string>();
        foreach (var file in Walk(root))
        {
            var relative = Path.GetRelativePath(root.FullName, file.FullName).Replace('\\', '/');
            if (matcher.Match(relative).HasMatches) results.Add(Path.Join(folder, relative));
        }
        results.Sort(StringComparer.Ordinal);
        return results;
    }

    /// <summary>Whether <paramref name="relativePath"/> (to the workspace root) names an article under the configuration.</summary>
    public static bool IsArticle(string relativePath, ProjectConfiguration configuration)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(configuration.Include);
        matcher.AddExcludePatterns(configuration.Exclude);
        return matcher.Match(relativePath.Replace('\\', '/')).HasMatches;
    }

    private static IEnumerable<FileInfo> Walk(DirectoryInfo root)
    {
        var pending = new Stack<DirectoryInfo>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            FileSystemInfo[] entries;
            try { entries = dir.GetFileSystemInfos(); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { continue; }
            foreach (var entry in entries)
            {
                if (entry is DirectoryInfo sub)
                {
                    if (sub.LinkTarget is null) pending.Push(sub);
                }
                else if (entry is FileInfo file) yield return file;
            }
        }
    }
}
