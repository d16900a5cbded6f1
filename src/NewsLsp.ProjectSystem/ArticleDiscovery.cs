using Microsoft.Extensions.FileSystemGlobbing;
using NewsLsp.Analysis;

namespace NewsLsp.ProjectSystem;

/// <summary>
/// Finds article files under a folder by the configuration's include/exclude globs. Links to directories are not
/// followed, so a symlink loop cannot trap the walk; links to files are followed only when the file they lead to
/// is inside the folder, so a workspace cannot make its reader look at files outside it.
/// </summary>
public static class ArticleDiscovery
{
    /// <summary>Article files under <paramref name="folder"/>, as paths joined onto it (relative stays relative), in ordinal order.</summary>
    /// <param name="problems">Receives one message per entry that was skipped for a reason the user should know
    /// (a folder that cannot be listed, a link leading outside the folder).</param>
    public static IReadOnlyList<string> Find(string folder, ProjectConfiguration configuration, ICollection<string>? problems = null)
    {
        var matcher = MatcherFor(configuration);
        var root = new DirectoryInfo(folder);
        var results = new List<string>();
        string rootPath;
        try { rootPath = Path.TrimEndingDirectorySeparator(ResolvedPath(root)); }
        catch (IOException ex)
        {
            problems?.Add($"{folder}: cannot resolve folder: {ex.Message}");
            return [];
        }
        foreach (var file in Walk(root, problems))
        {
            var relative = Path.GetRelativePath(root.FullName, file.FullName).Replace('\\', '/');
            if (!matcher.Match(relative).HasMatches) continue;
            var path = Path.Join(folder, relative);
            if (file.LinkTarget is not null && LinkProblem(file, rootPath, folder) is { } problem)
            {
                problems?.Add($"{path}: {problem}; not read");
                continue;
            }
            results.Add(path);
        }
        results.Sort(StringComparer.Ordinal);
        return results;
    }

    /// <summary>Whether <paramref name="relativePath"/> (to the workspace root) names an article under the configuration.</summary>
    public static bool IsArticle(string relativePath, ProjectConfiguration configuration)
    {
        var matcher = MatcherFor(configuration);
        return matcher.Match(relativePath.Replace('\\', '/')).HasMatches;
    }

    /// <summary>Why a file link must not be read (a loop, broken, or leading outside the folder), or null when it is fine.</summary>
    private static string? LinkProblem(FileInfo link, string rootPath, string folder)
    {
        FileSystemInfo? target;
        string full;
        try
        {
            target = link.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists) return $"broken symbolic link (to {link.LinkTarget})";
            full = ResolvedPath(target);
        }
        catch (IOException) { return $"symbolic link loop (through {link.LinkTarget})"; }
        return full.StartsWith(rootPath + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? null
            : $"symbolic link to {link.LinkTarget}, outside {folder}";
    }

    /// <summary>The path with every link on the way resolved (so /tmp → /private/tmp and the like compare equal).</summary>
    private static string ResolvedPath(FileSystemInfo info) => ResolvedPath(info.FullName, 0);

    private static string ResolvedPath(string path, int depth)
    {
        var full = Path.GetFullPath(path);
        var result = Path.GetPathRoot(full) ?? "/";
        foreach (var part in full[result.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Join(result, part);
            var entry = new FileInfo(next);
            if (entry.LinkTarget is not null)
            {
                if (depth > 40) throw new IOException("too many levels of symbolic links");
                if (entry.ResolveLinkTarget(returnFinalTarget: true) is { } target) next = ResolvedPath(target.FullName, depth + 1);
            }
            result = next;
        }
        return result;
    }

    private static Matcher MatcherFor(ProjectConfiguration configuration)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(configuration.Include);
        matcher.AddExcludePatterns(configuration.Exclude);
        return matcher;
    }

    private static IEnumerable<FileInfo> Walk(DirectoryInfo root, ICollection<string>? problems)
    {
        var pending = new Stack<DirectoryInfo>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            FileSystemInfo[] entries;
            try { entries = dir.GetFileSystemInfos(); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems?.Add($"{dir.FullName}: cannot list folder: {ex.Message}");
                continue;
            }
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
