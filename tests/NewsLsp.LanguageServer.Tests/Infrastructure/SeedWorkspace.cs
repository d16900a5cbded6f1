using System.Text.Json.Nodes;
using static NewsLsp.LanguageServer.Tests.Infrastructure.Json;

namespace NewsLsp.LanguageServer.Tests.Infrastructure;

/// <summary>
/// The five seed articles copied to a temporary workspace folder, a server initialised with that folder, the
/// initial scan finished, and the files named in <c>open</c> opened in the "editor" (with their text on disk).
/// </summary>
public sealed class SeedWorkspace : IAsyncDisposable
{
    public const string A000 = "000_741cba54a8a3ee60.txt";
    public const string A001 = "001_f8b53886ee73cfbf.txt";
    public const string A002 = "002_a8f9b7003806acf8.txt";
    public const string A003 = "003_5d5f1c6bd4a7931f.txt";
    public const string A004 = "004_e53c9e50c8586f4d.txt";
    public static readonly string[] All = [A000, A001, A002, A003, A004];

    private readonly TempWorkspace folder = new();

    private SeedWorkspace() => Client = new LspTestClient();

    public LspTestClient Client { get; }
    public JsonObject InitializeResult { get; private set; } = new();

    public static async Task<SeedWorkspace> StartAsync(JsonObject? capabilities = null, params string[] open)
    {
        var workspace = new SeedWorkspace();
        foreach (var name in All) workspace.folder.Write(name, File.ReadAllText(Path.Combine(SeedsFolder, name)));
        workspace.InitializeResult = await workspace.Client.InitializeAsync(capabilities, workspace.folder.Folders());
        await workspace.Client.NextAsync(m => (string?)m["method"] == "window/logMessage" && ((string?)m["params"]!["message"])!.StartsWith("Indexed", StringComparison.Ordinal), "end of scan");
        foreach (var name in open) await workspace.Client.OpenAsync(workspace.Uri(name), workspace.DiskText(name));
        return workspace;
    }

    public JsonNode Capabilities => InitializeResult["result"]!["capabilities"]!;

    public string Uri(string name) => folder.UriOf(name);

    public string NameOf(string uri) => All.Single(n => Uri(n) == uri);

    public string DiskText(string name) => File.ReadAllText(Path.Combine(folder.Root, name));

    /// <summary>The UTF-16 line and character of the <paramref name="occurrence"/>-th (0-based) occurrence of <paramref name="text"/> in the file, plus <paramref name="into"/>.</summary>
    public (int Line, int Character) Find(string name, string text, int occurrence = 0, int into = 0)
    {
        var content = DiskText(name);
        var index = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            index = content.IndexOf(text, index + 1, StringComparison.Ordinal);
            if (index < 0) throw new InvalidOperationException($"'{text}' occurs fewer than {occurrence + 1} time(s) in {name}.");
        }
        index += into;
        var line = content[..index].Count(c => c == '\n');
        var lineStart = content.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        if (index == 0) lineStart = 0;
        return (line, index - lineStart);
    }

    public JsonObject Position(string name, string text, int occurrence = 0, int into = 1)
    {
        var (line, character) = Find(name, text, occurrence, into);
        return new JsonObject { ["textDocument"] = TextDocument(Uri(name)), ["position"] = Pos(line, character) };
    }

    /// <summary>The text a range of a location covers in the file on disk (UTF-16 columns).</summary>
    public string TextAt(string name, JsonNode range)
    {
        var lines = DiskText(name).Split('\n');
        var start = range["start"]!;
        var end = range["end"]!;
        Assert.Equal((int)start["line"]!, (int)end["line"]!);
        return lines[(int)start["line"]!][(int)start["character"]!..(int)end["character"]!];
    }

    public static string SeedsFolder { get; } = FindSeeds();

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "seeds");
            if (Directory.Exists(seeds) && File.Exists(Path.Combine(seeds, A002))) return seeds;
        }
        throw new DirectoryNotFoundException("seeds/ not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        folder.Dispose();
    }
}
