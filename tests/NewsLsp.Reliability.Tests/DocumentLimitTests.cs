using System.Text.Json.Nodes;
using Xunit;

namespace NewsLsp.Reliability.Tests;

/// <summary><c>newslsp serve --max-document-chars N</c> against the real process.</summary>
public sealed class DocumentLimitTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Uri(string name) => new Uri(_folder.File(name)).AbsoluteUri;

    private static async Task<string> ShownAsync(LspProcess server, string containing)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var shown = server.NotificationsSnapshot().FirstOrDefault(n =>
                (string?)n["method"] == "window/showMessage" && ((string?)n["params"]?["message"])?.Contains(containing) == true);
            if (shown is not null) return (string)shown["params"]!["message"]!;
            await Task.Delay(50);
        }
        throw new TimeoutException($"no window/showMessage containing '{containing}'; stderr:\n{server.Stderr}");
    }

    private static async Task AssertDiagnosticsAsync(LspProcess server, Dictionary<string, string> texts, string uri)
    {
        var response = await server.RequestAsync("textDocument/diagnostic", ServerDiagnostics.Pull(uri));
        Assert.False(server.HasExited);
        Assert.Equal(ServerDiagnostics.Expected(texts, uri), ServerDiagnostics.FromResponse(response));
    }

    private static JsonObject Change(string uri, int version, params JsonObject[] changes) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
        ["contentChanges"] = new JsonArray(changes),
    };

    private static JsonObject Insert(int line, int character, string text) => new()
    {
        ["range"] = new JsonObject
        {
            ["start"] = new JsonObject { ["line"] = line, ["character"] = character },
            ["end"] = new JsonObject { ["line"] = line, ["character"] = character },
        },
        ["text"] = text,
    };

    [Fact]
    public async Task Oversized_open_and_change_are_refused_with_a_shown_message_and_the_server_keeps_serving()
    {
        await using var server = new LspProcess(_folder.Path, "--max-document-chars", "1000");
        await server.InitializeAsync(_folder.Path);
        var small = Uri("small.txt");
        var big = Uri("big.txt");
        var texts = new Dictionary<string, string> { [small] = "Titolo\nIl ministro ha detto: “Non ci sarà alcun accordo.\n" };
        await server.NotifyAsync("textDocument/didOpen", ServerDiagnostics.Open(small, texts[small], 1));

        // An oversized open: refused, the user is told why and which option raises the limit.
        var bigText = "Titolo\n" + string.Concat(Enumerable.Repeat("Il ministro ha parlato a Roma. ", 60));
        Assert.True(bigText.Length > 1000);
        await server.NotifyAsync("textDocument/didOpen", ServerDiagnostics.Open(big, bigText, 1));
        var shown = await ShownAsync(server, "big.txt");
        Assert.Contains($"{bigText.Length:N0} characters, over the limit of 1,000 (--max-document-chars)", shown);
        Assert.Contains("over the limit of 1000", server.Stderr.Replace(",", ""));
        await AssertDiagnosticsAsync(server, texts, small);
        var refused = await server.RequestAsync("textDocument/diagnostic", ServerDiagnostics.Pull(big));
        Assert.Empty(refused["result"]!["items"]!.AsArray());   // not analysed, not half-analysed
        // Edits to the refused document are ignored quietly (not one warning per keystroke).
        await server.NotifyAsync("textDocument/didChange", Change(big, 2, Insert(0, 0, "x")));
        await AssertDiagnosticsAsync(server, texts, small);

        // An oversized change: refused, shown, the last accepted text kept.
        await server.NotifyAsync("textDocument/didChange", Change(small, 2, new JsonObject { ["text"] = bigText }));
        Assert.Contains("after this change", await ShownAsync(server, "small.txt"));
        await AssertDiagnosticsAsync(server, texts, small);
        // The server no longer has the editor's text: incremental edits are not applied to the stale one (the
        // expected diagnostics are still those of the last accepted text).
        await server.NotifyAsync("textDocument/didChange", Change(small, 3, Insert(1, 0, "Oggi, ")));   // would move NEWS001
        await AssertDiagnosticsAsync(server, texts, small);
        // A full-text change within the limit resumes analysis, and later incremental edits apply to it.
        texts[small] = "Titolo breve\nUn testo corto, con una “citazione.\n";
        await server.NotifyAsync("textDocument/didChange", Change(small, 4, new JsonObject { ["text"] = texts[small] }));
        await AssertDiagnosticsAsync(server, texts, small);
        await server.NotifyAsync("textDocument/didChange", Change(small, 5, Insert(1, 0, "Oggi ")));
        texts[small] = "Titolo breve\nOggi Un testo corto, con una “citazione.\n";
        await AssertDiagnosticsAsync(server, texts, small);

        // Reopening the big document once it is small enough analyses it.
        await server.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = big } });
        texts[big] = "Titolo\nDi nuovo piccolo: “aperto.\n";
        await server.NotifyAsync("textDocument/didOpen", ServerDiagnostics.Open(big, texts[big], 3));
        await AssertDiagnosticsAsync(server, texts, big);
        Assert.Equal(0, await server.ShutdownAndExitAsync());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("abc")]
    public void An_invalid_limit_is_refused_on_the_command_line(string value)
    {
        var result = Cli.Run(_folder.Path, "serve", "--max-document-chars", value);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--max-document-chars", result.Stderr);
    }
}
