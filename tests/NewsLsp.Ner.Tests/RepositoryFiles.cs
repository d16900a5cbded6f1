namespace NewsLsp.Ner.Tests;

/// <summary>Finds files of the repository from the test's output directory (the folder holding NewsLsp.sln).</summary>
internal static class RepositoryFiles
{
    public static string PathOf(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsLsp.sln"))) return Path.Combine(directory.FullName, relativePath);
        }
        throw new InvalidOperationException("NewsLsp.sln not found above " + AppContext.BaseDirectory);
    }
}
