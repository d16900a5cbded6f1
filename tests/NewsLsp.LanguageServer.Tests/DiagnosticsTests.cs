using System.Text.Json.Nodes;
using NewsLsp.LanguageServer.Tests.Infrastructure;
using static NewsLsp.LanguageServer.Tests.Infrastructure.DocumentSession;
using static NewsLsp.LanguageServer.Tests.Infrastructure.Json;

namespace NewsLsp.LanguageServer.Tests;

public sealed class DiagnosticsTests
{
    // NEWS005 fires on an article whose last paragraph stops mid-sentence.
    private const string Truncated = "Titolo dell'articolo\n\nIl governo ha approvato la riforma che";
    private const string Complete = "Titolo dell'articolo\n\nIl governo ha approvato la riforma.";

    private static Task<JsonObject> PublishedAsync(LspTestClient client, string uri, Func<JsonArray, bool>? match = null) =>
        client.NotificationAsync("textDocument/publishDiagnostics",
            m => (string?)m["params"]!["uri"] == uri && (match?.Invoke(m["params"]!["diagnostics"]!.AsArray()) ?? true));

    private static Task IndexedAsync(LspTestClient client) =>
        client.NextAsync(m => (string?)m["method"] == "window/logMessage" && ((string?)m["params"]!["message"])!.StartsWith("Indexed"), "end of scan");

    [Fact]
    public async Task Push_publishes_with_version_code_description_and_source_and_updates_after_an_edit()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        const string uri = "file:///tmp/newslsp-tests/push.txt";
        await client.OpenAsync(uri, Truncated, version: 1);
        var published = (await PublishedAsync(client, uri, d => d.Count > 0))["params"]!;
        Assert.Equal(1, (int?)published["version"]);
        var diagnostic = published["diagnostics"]![0]!;
        Assert.Equal("NEWS005", (string?)diagnostic["code"]);
        Assert.Equal("newslsp", (string?)diagnostic["source"]);
        Assert.EndsWith("NEWS005.md", (string?)diagnostic["codeDescription"]!["href"]);
        Assert.Equal(2, (int?)diagnostic["severity"]);
        Assert.Equal(2, (int?)diagnostic["range"]!["start"]!["line"]);

        await client.ChangeAsync(uri, 2, Edit(2, 38, 2, 38, "."));
        var cleared = (await PublishedAsync(client, uri, d => d.Count == 0))["params"]!;
        Assert.Equal(2, (int?)cleared["version"]);
    }

    [Fact]
    public async Task Pull_right_after_a_change_sees_the_change_and_unchanged_results_say_so()
    {
        await using var client = new LspTestClient();
        var init = await client.InitializeAsync(PullCapabilities());
        Assert.True((bool?)init["result"]!["capabilities"]!["diagnosticProvider"]!["interFileDependencies"]);
        const string uri = "file:///tmp/newslsp-tests/pull.txt";
        await client.OpenAsync(uri, Complete);
        var first = await client.PullAsync(uri);
        Assert.Equal("full", (string?)first["kind"]);
        Assert.Empty(first["items"]!.AsArray());

        await client.ChangeAsync(uri, 2, Edit(2, 34, 2, 35, " che"));
        var second = await client.PullAsync(uri, (string?)first["resultId"]);
        Assert.Equal("full", (string?)second["kind"]);
        Assert.Equal(["NEWS005"], Codes(second["items"]));

        var third = await client.PullAsync(uri, (string?)second["resultId"]);
        Assert.Equal("unchanged", (string?)third["kind"]);
        Assert.Equal((string?)second["resultId"], (string?)third["resultId"]);
        Assert.False(third.ContainsKey("items"));

        // A pull client gets no pushed diagnostics.
        Assert.True(await client.NoneWithinAsync(m => (string?)m["method"] == "textDocument/publishDiagnostics", TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task The_initial_scan_reports_progress_and_diagnoses_unopened_articles()
    {
        using var folder = new TempWorkspace();
        var truncated = folder.Write("a.txt", Truncated);
        folder.Write("sub/b.md", Complete);
        folder.Write("ignored.json", "{}");
        await using var client = new LspTestClient();
        await client.InitializeAsync(Obj("""{"window":{"workDoneProgress":true}}"""), folder.Folders());

        var create = await client.NextAsync(m => (string?)m["method"] == "window/workDoneProgress/create", "progress create");
        var token = create["params"]!["token"]!.DeepClone();
        var begin = await client.NotificationAsync("$/progress", m => (string?)m["params"]!["value"]!["kind"] == "begin");
        Assert.True(JsonNode.DeepEquals(token, begin["params"]!["token"]));
        Assert.Equal("Indexing articles", (string?)begin["params"]!["value"]!["title"]);
        var end = await client.NotificationAsync("$/progress", m => (string?)m["params"]!["value"]!["kind"] == "end");
        Assert.Equal("2 article(s)", (string?)end["params"]!["value"]!["message"]);

        var published = (await PublishedAsync(client, truncated, d => d.Count > 0))["params"]!;
        Assert.False(published.AsObject().ContainsKey("version"));
        Assert.Equal(["NEWS005"], Codes(published["diagnostics"]));
    }

    [Fact]
    public async Task Closing_an_open_article_falls_back_to_its_text_on_disk()
    {
        using var folder = new TempWorkspace();
        var uri = folder.Write("a.txt", Truncated);
        await using var client = new LspTestClient(configureServices: TestHandlers.Add);
        await client.InitializeAsync(workspaceFolders: folder.Folders());
        await IndexedAsync(client);
        await client.OpenAsync(uri, Complete, version: 4);
        Assert.Equal((4, Complete), await client.TextAsync(uri));
        await PublishedAsync(client, uri, d => d.Count == 0);

        await client.CloseAsync(uri);
        Assert.Equal((0, Truncated), await client.TextAsync(uri));
        await PublishedAsync(client, uri, d => Codes(d).SequenceEqual(["NEWS005"]));
    }

    [Fact]
    public async Task Workspace_folders_added_and_removed_bring_their_articles_in_and_out()
    {
        using var first = new TempWorkspace();
        using var second = new TempWorkspace();
        var a = first.Write("a.txt", Truncated);
        var b = second.Write("b.txt", Truncated);
        await using var client = new LspTestClient(configureServices: TestHandlers.Add);
        var initialized = await client.InitializeAsync(workspaceFolders: first.Folders());
        Assert.Equal(true, (bool?)initialized["result"]!["capabilities"]!["workspace"]!["workspaceFolders"]!["changeNotifications"]);
        await IndexedAsync(client);
        await PublishedAsync(client, a, d => Codes(d).SequenceEqual(["NEWS005"]));
        Assert.Null(await client.TextAsync(b));

        await client.NotifyAsync("workspace/didChangeWorkspaceFolders", new JsonObject
        {
            ["event"] = new JsonObject { ["added"] = second.Folders(), ["removed"] = first.Folders() },
        });
        await PublishedAsync(client, b, d => Codes(d).SequenceEqual(["NEWS005"]));
        Assert.Equal((0, Truncated), await client.TextAsync(b));
        await PublishedAsync(client, a, d => d.Count == 0);
        Assert.Null(await client.TextAsync(a));
    }

    [Fact]
    public async Task Watched_files_are_registered_and_changes_outside_the_editor_are_picked_up()
    {
        using var folder = new TempWorkspace();
        folder.Write("a.txt", Complete);
        await using var client = new LspTestClient(configureServices: TestHandlers.Add);
        await client.InitializeAsync(Obj("""{"workspace":{"didChangeWatchedFiles":{"dynamicRegistration":true}}}"""), folder.Folders());
        var register = await client.NextAsync(m => (string?)m["method"] == "client/registerCapability", "registration");
        var registration = register["params"]!["registrations"]![0]!;
        Assert.Equal("workspace/didChangeWatchedFiles", (string?)registration["method"]);
        Assert.Contains("**/*.txt", registration["registerOptions"]!["watchers"]!.AsArray().Select(w => (string?)w!["globPattern"]));
        await IndexedAsync(client);

        var created = folder.Write("new.txt", Truncated);
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = created, ["type"] = 1 }) });
        await PublishedAsync(client, created, d => Codes(d).SequenceEqual(["NEWS005"]));

        File.Delete(new Uri(created).LocalPath);
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = created, ["type"] = 3 }) });
        await PublishedAsync(client, created, d => d.Count == 0);
        Assert.Null(await client.TextAsync(created));

        // Events for files outside the workspace folders are never read.
        var outside = Path.Combine(Path.GetTempPath(), "newslsp-outside-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(outside, Truncated);
        try
        {
            var outsideUri = new Uri(outside).AbsoluteUri;
            await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = outsideUri, ["type"] = 1 }) });
            Assert.Null(await client.TextAsync(outsideUri));
        }
        finally { File.Delete(outside); }
    }

    [Fact]
    public async Task Project_file_and_editor_settings_set_severities_live()
    {
        using var folder = new TempWorkspace();
        folder.Write("newslsp.json", """{ "rules": { "NEWS005": "information" } }""");
        var uri = folder.Write("a.txt", Truncated);
        var settings = new JsonObject();
        await using var client = new LspTestClient();
        client.ServerRequestHandler = m => (string?)m["method"] == "workspace/configuration" ? new JsonArray(settings.DeepClone()) : null;
        await client.InitializeAsync(Obj("""{"workspace":{"configuration":true}}"""), folder.Folders());

        var fromFile = await PublishedAsync(client, uri, d => d.Count == 1);
        Assert.Equal(3, (int?)fromFile["params"]!["diagnostics"]![0]!["severity"]);

        // The editor's layer goes on top of the file, and applies without a restart.
        settings["rules"] = new JsonObject { ["NEWS005"] = "error" };
        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = null });
        var fromEditor = await PublishedAsync(client, uri, d => d.Count == 1 && (int?)d[0]!["severity"] == 1);
        Assert.Equal("NEWS005", (string?)fromEditor["params"]!["diagnostics"]![0]!["code"]);

        settings["rules"] = new JsonObject { ["NEWS005"] = "none" };
        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = null });
        await PublishedAsync(client, uri, d => d.Count == 0);
    }

    [Fact]
    public async Task Pushed_settings_apply_when_the_client_cannot_be_asked()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        const string uri = "file:///tmp/newslsp-tests/pushed.txt";
        await client.OpenAsync(uri, Truncated);
        await PublishedAsync(client, uri, d => d.Count == 1);
        await client.NotifyAsync("workspace/didChangeConfiguration", Obj("""{"settings":{"newslsp":{"rules":{"NEWS005":"hint"}}}}"""));
        await PublishedAsync(client, uri, d => d.Count == 1 && (int?)d[0]!["severity"] == 4);
    }

    [Fact]
    public async Task Workspace_diagnostics_cover_unopened_articles_and_refresh_is_sent_when_others_change()
    {
        using var folder = new TempWorkspace();
        var a = folder.Write("a.txt", Truncated);
        var b = folder.Write("b.txt", Complete);
        await using var client = new LspTestClient();
        var settings = new JsonObject();
        client.ServerRequestHandler = m => (string?)m["method"] == "workspace/configuration" ? new JsonArray(settings.DeepClone()) : null;
        var capabilities = PullCapabilities();
        capabilities["workspace"]!["configuration"] = true;
        await client.InitializeAsync(capabilities, folder.Folders());
        await IndexedAsync(client);
        await client.NextAsync(m => (string?)m["method"] == "workspace/diagnostic/refresh", "refresh after the scan");

        await client.OpenAsync(b, Complete, version: 7);
        var response = await client.RequestAsync("workspace/diagnostic", new JsonObject { ["previousResultIds"] = new JsonArray() });
        var items = response["result"]!["items"]!.AsArray();
        var reportA = items.Single(i => (string?)i!["uri"] == a)!;
        var reportB = items.Single(i => (string?)i!["uri"] == b)!;
        Assert.Equal(["NEWS005"], Codes(reportA["items"]));
        Assert.True(reportA.AsObject().ContainsKey("version"));
        Assert.Null(reportA["version"]);
        Assert.Equal(7, (int?)reportB["version"]);

        var again = await client.RequestAsync("workspace/diagnostic", new JsonObject
        {
            ["previousResultIds"] = new JsonArray(new JsonObject { ["uri"] = a, ["value"] = reportA["resultId"]!.DeepClone() }),
        });
        Assert.Equal("unchanged", (string?)again["result"]!["items"]!.AsArray().Single(i => (string?)i!["uri"] == a)!["kind"]);

        // A settings change alters diagnostics of documents the client did not edit: it is told to re-pull. Opening b
        // may itself be followed by a (debounced) refresh; let it come first, so the one awaited is the settings'.
        await client.DrainAsync(m => (string?)m["method"] == "workspace/diagnostic/refresh", TimeSpan.FromMilliseconds(500));
        settings["rules"] = new JsonObject { ["NEWS005"] = "none" };
        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = null });
        await client.NextAsync(m => (string?)m["method"] == "workspace/diagnostic/refresh", "refresh after settings change");
        var after = await client.PullAsync(a);
        Assert.Empty(after["items"]!.AsArray());
    }
}
