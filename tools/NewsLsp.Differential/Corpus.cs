namespace NewsLsp.Differential;

/// <summary>The initial documents and paste sources: the repository's seed articles.</summary>
public static class Corpus
{
    public static IReadOnlyList<string> Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "seeds");
            if (File.Exists(Path.Combine(dir.FullName, "NewsLsp.sln")) && Directory.Exists(seeds))
                return [.. Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];
        }
        throw new InvalidOperationException("cannot find the repository's seeds folder above " + AppContext.BaseDirectory);
    }
}
