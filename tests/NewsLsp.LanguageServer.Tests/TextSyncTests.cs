using System.Text.Json.Nodes;
using NewsLsp.LanguageServer.Tests.Infrastructure;
using static NewsLsp.LanguageServer.Tests.Infrastructure.DocumentSession;
using static NewsLsp.LanguageServer.Tests.Infrastructure.Json;

namespace NewsLsp.LanguageServer.Tests;

public sealed class TextSyncTests
{
    private const string Uri = "file:///tmp/newslsp-tests/a.txt";

    private static async Task<LspTestClient> StartAsync(JsonObject? capabilities = null)
    {
        var client = new LspTestClient(configureServices: TestHandlers.Add);
        await client.InitializeAsync(capabilities);
        return client;
    }

    private static bool LogContains(JsonObject m, string text) =>
        (string?)m["method"] == "window/logMessage" && ((string?)m["params"]!["message"])!.Contains(text);

    [Fact]
    public async Task Incremental_sync_gives_the_same_text_as_full_sync()
    {
        const string start = "Titolo\n\nPrimo paragrafo.\nSecondo paragrafo.";
        await using var incremental = await StartAsync();
        await incremental.OpenAsync(Uri, start);
        await incremental.ChangeAsync(Uri, 2,
            Edit(0, 0, 0, 6, "Nuovo titolo"),          // replace
            Edit(2, 6, 2, 6, " e unico"),               // insert, against the text after the first edit
            Edit(3, 0, 3, 18, ""),                      // delete a line's content
            Edit(2, 0, 3, 0, ""));                      // join lines
        var viaEdits = await incremental.TextAsync(Uri);

        await using var full = await StartAsync();
        await full.OpenAsync(Uri, start);
        await full.ChangeAsync(Uri, 2, Full("Nuovo titolo\n\n"));
        var viaFull = await full.TextAsync(Uri);

        Assert.Equal((2, "Nuovo titolo\n\n"), viaEdits);
        Assert.Equal(viaFull, viaEdits);
    }

    [Fact]
    public async Task Utf8_positions_count_bytes_and_are_exact_outside_the_bmp()
    {
        const string text = "a😀b città\nc";
        await using var utf8 = await StartAsync(Obj("""{"general":{"positionEncodings":["utf-8"]}}"""));
        await utf8.OpenAsync(Uri, text);
        // 'a' is 1 byte, the emoji 4: byte 5 is just before 'b'. "città": 'à' is 2 bytes.
        await utf8.ChangeAsync(Uri, 2, Edit(0, 5, 0, 6, "B"), Edit(0, 11, 0, 13, "a"));
        Assert.Equal("a😀B citta\nc", (await utf8.TextAsync(Uri))!.Value.Text);

        await using var utf16 = await StartAsync();
        await utf16.OpenAsync(Uri, text);
        // In UTF-16 the emoji is 2 units: 'b' is at 3, 'à' at 9.
        await utf16.ChangeAsync(Uri, 2, Edit(0, 3, 0, 4, "B"), Edit(0, 9, 0, 10, "a"));
        Assert.Equal("a😀B citta\nc", (await utf16.TextAsync(Uri))!.Value.Text);
    }

    [Fact]
    public async Task A_position_inside_a_character_snaps_to_its_start_instead_of_splitting_it()
    {
        await using var utf8 = await StartAsync(Obj("""{"general":{"positionEncodings":["utf-8"]}}"""));
        await utf8.OpenAsync(Uri, "x😀y");
        await utf8.ChangeAsync(Uri, 2, Edit(0, 3, 0, 3, "|")); // byte 3 is inside the emoji (bytes 1..4)
        Assert.Equal("x|😀y", (await utf8.TextAsync(Uri))!.Value.Text);
    }

    [Fact]
    public async Task A_character_past_the_line_end_clamps_to_it()
    {
        await using var client = await StartAsync();
        await client.OpenAsync(Uri, "abc\ndef");
        await client.ChangeAsync(Uri, 2, Edit(0, 99, 0, 120, "!"));
        Assert.Equal("abc!\ndef", (await client.TextAsync(Uri))!.Value.Text);
    }

    [Fact]
    public async Task A_line_past_the_end_rejects_the_whole_change_and_keeps_the_document()
    {
        await using var client = await StartAsync();
        await client.OpenAsync(Uri, "abc\ndef");
        await client.ChangeAsync(Uri, 2, Edit(0, 0, 0, 0, ">"), Edit(7, 0, 7, 1, "x"));
        var log = await client.NextAsync(m => LogContains(m, "Rejected didChange"), "rejection log");
        Assert.Equal(1, (int?)log["params"]!["type"]);
        Assert.Equal((1, "abc\ndef"), await client.TextAsync(Uri));
        // The next valid change still applies.
        await client.ChangeAsync(Uri, 3, Edit(1, 3, 1, 3, "!"));
        Assert.Equal((3, "abc\ndef!"), await client.TextAsync(Uri));
    }

    [Fact]
    public async Task DidChange_for_an_unopened_document_is_logged_and_ignored()
    {
        await using var client = await StartAsync();
        await client.ChangeAsync("file:///tmp/newslsp-tests/never-opened.txt", 2, Full("x"));
        await client.NextAsync(m => LogContains(m, "not open"), "not-open warning");
        Assert.Null(await client.TextAsync("file:///tmp/newslsp-tests/never-opened.txt"));
    }

    [Fact]
    public async Task A_version_going_backwards_is_logged_and_ignored()
    {
        await using var client = await StartAsync();
        await client.OpenAsync(Uri, "uno", version: 5);
        await client.ChangeAsync(Uri, 3, Full("tre"));
        await client.NextAsync(m => LogContains(m, "does not follow"), "version warning");
        await client.ChangeAsync(Uri, 5, Full("cinque"));
        Assert.Equal((5, "uno"), await client.TextAsync(Uri));
        await client.ChangeAsync(Uri, 6, Full("sei"));
        Assert.Equal((6, "sei"), await client.TextAsync(Uri));
    }

    [Fact]
    public async Task Closing_a_document_outside_the_workspace_forgets_it()
    {
        await using var client = await StartAsync();
        await client.OpenAsync(Uri, "testo");
        await client.CloseAsync(Uri);
        Assert.Null(await client.TextAsync(Uri));
    }

    [Fact]
    public async Task Oversized_documents_are_refused_and_logged()
    {
        await using var client = new LspTestClient(new Server.ServerOptions { LogToStandardError = false, MaxDocumentChars = 100 }, TestHandlers.Add);
        await client.InitializeAsync();
        await client.OpenAsync(Uri, new string('x', 101));
        await client.NextAsync(m => LogContains(m, "over the limit of 100"), "size-limit log");
        Assert.Null(await client.TextAsync(Uri));
        await client.OpenAsync(Uri, "piccolo");
        await client.ChangeAsync(Uri, 2, Full(new string('y', 500)));
        Assert.Equal((1, "piccolo"), await client.TextAsync(Uri));
    }

    [Fact]
    public async Task A_read_running_on_a_document_that_changes_is_answered_content_modified()
    {
        await using var client = await StartAsync();
        await client.OpenAsync(Uri, "abc");
        var slow = await client.SendRequestAsync("test/slow", new JsonObject { ["textDocument"] = TextDocument(Uri), ["position"] = Pos(0, 0) });
        // Make sure the read started before the edit arrives.
        await client.TextAsync(Uri);
        await client.ChangeAsync(Uri, 2, Full("abcd"));
        var response = await client.ResponseAsync(slow);
        Assert.Equal(-32801, ErrorCode(response));
    }
}
