using System.Text.Json;

namespace NewsLsp.Tests;

/// <summary>Paths inside the repository, found from the test's output folder.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string SeedsFolder => Path("seeds");

    public static IReadOnlyList<string> SeedFiles => Directory.GetFiles(SeedsFolder, "*.txt").Order(StringComparer.Ordinal).ToList();

    public static JsonDocument GoldFacts() => JsonDocument.Parse(File.ReadAllText(Path("gold", "seeds.facts.json")));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "NewsLsp.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (NewsLsp.sln) above " + AppContext.BaseDirectory);
    }
}
