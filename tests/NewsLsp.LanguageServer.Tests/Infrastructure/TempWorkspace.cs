using NewsLsp.LanguageServer.Documents;

namespace NewsLsp.LanguageServer.Tests.Infrastructure;

/// <summary>A throw-away workspace folder on disk.</summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "newslsp-ls-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }
    public string RootUri => DocumentUris.FromPath(Root);

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return DocumentUris.FromPath(path);
    }

    public string UriOf(string relative) => DocumentUris.FromPath(Path.Combine(Root, relative));

    public System.Text.Json.Nodes.JsonArray Folders() => [new System.Text.Json.Nodes.JsonObject { ["uri"] = RootUri, ["name"] = "ws" }];

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
