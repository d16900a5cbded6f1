using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace NewsLsp.Reliability.Tests;

/// <summary>
/// The server reads only inside its workspace folders, writes nothing, and opens no network socket.
/// </summary>
public sealed class SecurityTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _workspace = new("newslsp-ws");
    private readonly TempFolder _outside = new("newslsp-outside");

    public void Dispose()
    {
        _workspace.Dispose();
        _outside.Dispose();
    }

    [Fact]
    public async Task A_session_reads_nothing_outside_the_folder_writes_nothing_and_opens_no_network_socket()
    {
        _workspace.Write("a.txt", "Titolo\nIl ministro ha detto: “Non ci sarà alcun accordo.\n");
        _workspace.Write("sub/b.md", "Titolo B\nUn testo «senza chiusura.\n");
        _workspace.Write("newslsp.json", "{ \"rules\": { \"NEWS002\": \"error\" } }");
        _outside.Write("secret.txt", "Segreto\nNon leggere “questo file.\n");
        File.CreateSymbolicLink(_workspace.File("leak.txt"), _outside.File("secret.txt"));
        Directory.CreateSymbolicLink(_workspace.File("outdir"), _outside.Path);
        var before = Fingerprint();

        await using var server = new LspProcess(_workspace.Path);
        await server.InitializeAsync(_workspace.Path);
        var a = new Uri(_workspace.File("a.txt")).AbsoluteUri;
        var outsideUri = new Uri(_outside.File("secret.txt")).AbsoluteUri;
        await server.NotifyAsync("textDocument/didOpen", ServerDiagnostics.Open(a, "Titolo\nTesto “modificato nell'editor.\n", 1));
        await server.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = a, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "Titolo\nAltro “testo.\n" }),
        });
        await server.NotifyAsync("textDocument/didSave", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = a } });
        await server.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = outsideUri, ["type"] = 1 }, new JsonObject { ["uri"] = new Uri(_workspace.File("leak.txt")).AbsoluteUri, ["type"] = 2 }),
        });
        var pulled = await server.RequestAsync("textDocument/diagnostic", ServerDiagnostics.Pull(a));
        Assert.NotNull(pulled["result"]);
        var outsidePull = await server.RequestAsync("textDocument/diagnostic", ServerDiagnostics.Pull(outsideUri));
        Assert.DoesNotContain("questo", outsidePull.ToJsonString());
        var workspace = await server.RequestAsync("workspace/diagnostic", new JsonObject { ["previousResultIds"] = new JsonArray() }, TimeSpan.FromSeconds(60));
        var reported = workspace.ToJsonString();
        output.WriteLine(reported.Length > 2000 ? reported[..2000] : reported);
        Assert.NotNull(workspace["result"]);
        Assert.Contains("b.md", reported);                       // files inside the folder are scanned
        Assert.DoesNotContain("leak.txt\"", reported.Replace("leak.txt\",\"version", ""));
        Assert.DoesNotContain("secret", reported);
        Assert.DoesNotContain("outdir", reported);
        Assert.DoesNotContain("questo", reported);

        // A document the client sends is analysed even outside the folder: that text came from the client.
        await server.NotifyAsync("textDocument/didOpen", ServerDiagnostics.Open(outsideUri, "Titolo\nDal client “aperto.\n", 1));
        var sent = await server.RequestAsync("textDocument/diagnostic", ServerDiagnostics.Pull(outsideUri));
        Assert.Contains("NEWS001", sent.ToJsonString());

        var (network, unix) = server.Sockets();
        output.WriteLine($"unix sockets: {string.Join(", ", unix)}");
        Assert.Empty(network);
        Assert.All(unix, path => Assert.Contains("dotnet-diagnostic", path));   // only the runtime's own diagnostics IPC

        Assert.Equal(0, await server.ShutdownAndExitAsync());
        Assert.Equal(before, Fingerprint());
    }

    /// <summary>Every file and link under both folders with its bytes and modification time.</summary>
    private string Fingerprint()
    {
        var lines = new List<string>();
        foreach (var root in new[] { _workspace.Path, _outside.Path })
        {
            var pending = new Stack<DirectoryInfo>([new DirectoryInfo(root)]);
            while (pending.Count > 0)
            {
                var dir = pending.Pop();
                lines.Add($"{dir.FullName}/ {dir.LastWriteTimeUtc:O}");
                foreach (var entry in dir.EnumerateFileSystemInfos())
                {
                    if (entry.LinkTarget is not null) { lines.Add($"{entry.FullName} -> {entry.LinkTarget}"); continue; }
                    if (entry is DirectoryInfo sub) { pending.Push(sub); continue; }
                    lines.Add($"{entry.FullName} {entry.LastWriteTimeUtc:O} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(entry.FullName)))}");
                }
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }
}
