using System.Text;
using System.Text.Json.Nodes;
using NewsLsp.LanguageServer.Tests.Infrastructure;
using static NewsLsp.LanguageServer.Tests.Infrastructure.DocumentSession;
using static NewsLsp.LanguageServer.Tests.Infrastructure.Json;
using static NewsLsp.LanguageServer.Tests.Infrastructure.SeedWorkspace;

namespace NewsLsp.LanguageServer.Tests;

/// <summary>Highlights, rename, symbols, semantic tokens, completion and quick fixes on the seed corpus, at the LSP boundary.</summary>
public sealed class EntityEditingTests
{
    private static readonly JsonObject EditorCapabilities = Obj("""
        {"workspace":{"workspaceEdit":{"documentChanges":true}},
         "textDocument":{"rename":{"prepareSupport":true},"codeAction":{"codeActionLiteralSupport":{"codeActionKind":{"valueSet":["quickfix"]}}}}}
        """);

    [Fact]
    public async Task Capabilities_advertise_every_entity_feature()
    {
        await using var seeds = await StartAsync(EditorCapabilities.DeepClone().AsObject());
        var c = seeds.Capabilities;
        Assert.True((bool?)c["documentHighlightProvider"]);
        Assert.True((bool?)c["renameProvider"]!["prepareProvider"]);
        Assert.True((bool?)c["documentSymbolProvider"]);
        Assert.True((bool?)c["workspaceSymbolProvider"]);
        Assert.Equal(["person", "place", "organisation", "entity"], c["semanticTokensProvider"]!["legend"]!["tokenTypes"]!.AsArray().Select(t => (string)t!));
        Assert.Equal(["declaration"], c["semanticTokensProvider"]!["legend"]!["tokenModifiers"]!.AsArray().Select(t => (string)t!));
        Assert.True((bool?)c["semanticTokensProvider"]!["full"]);
        Assert.True((bool?)c["semanticTokensProvider"]!["range"]);
        Assert.NotNull(c["completionProvider"]);
        Assert.Equal(["quickfix"], c["codeActionProvider"]!["codeActionKinds"]!.AsArray().Select(t => (string)t!));
    }

    [Fact]
    public async Task Clients_without_prepare_or_literal_support_get_neither_advertised()
    {
        await using var seeds = await StartAsync();
        Assert.NotNull(seeds.Capabilities["renameProvider"]);
        Assert.Null(seeds.Capabilities["renameProvider"]!["prepareProvider"]);
        Assert.Null(seeds.Capabilities["codeActionProvider"]);
    }

    [Fact]
    public async Task Document_highlight_marks_the_entity_in_this_document_with_the_definition_as_write()
    {
        await using var seeds = await StartAsync(null, A002);
        var highlights = (await seeds.Client.RequestAsync("textDocument/documentHighlight", seeds.Position(A002, "Trump", occurrence: 3)))["result"]!.AsArray();
        var references = await ReferencesAsync(seeds, seeds.Position(A002, "Trump", occurrence: 3));
        Assert.Equal(references.Count(r => (string)r!["uri"]! == seeds.Uri(A002)), highlights.Count);
        Assert.All(highlights, h => Assert.EndsWith("Trump", seeds.TextAt(A002, h!["range"]!)));
        var write = Assert.Single(highlights, h => (int)h!["kind"]! == 3);
        Assert.Equal("Donald Trump", seeds.TextAt(A002, write!["range"]!));
        Assert.All(highlights.Where(h => h != write), h => Assert.Equal(2, (int)h!["kind"]!));
    }

    [Fact]
    public async Task Prepare_rename_gives_the_mention_and_refuses_where_there_is_no_entity()
    {
        await using var seeds = await StartAsync(EditorCapabilities.DeepClone().AsObject(), A002);
        var prepared = (await seeds.Client.RequestAsync("textDocument/prepareRename", seeds.Position(A002, "Zelenskyy", occurrence: 1)))["result"]!;
        Assert.Equal("Zelenskyy", (string?)prepared["placeholder"]);
        Assert.Equal("Zelenskyy", seeds.TextAt(A002, prepared["range"]!));
        var nothing = await seeds.Client.RequestAsync("textDocument/prepareRename", seeds.Position(A002, "newsletter"));
        Assert.True(nothing.ContainsKey("result"));
        Assert.Null(nothing["result"]);
    }

    [Fact]
    public async Task Renaming_a_surname_respells_it_in_every_article_with_versioned_edits_and_writes_nothing()
    {
        await using var seeds = await StartAsync(EditorCapabilities.DeepClone().AsObject(), A002);
        var before = All.ToDictionary(n => n, seeds.DiskText);
        var position = seeds.Position(A002, "Zelenskyy", occurrence: 1);
        position["newName"] = "Zelenskij";
        var edit = (await seeds.Client.RequestAsync("textDocument/rename", position))["result"]!;

        Assert.Null(edit["changes"]);
        var documentChanges = edit["documentChanges"]!.AsArray();
        Assert.Equal(All, documentChanges.Select(d => seeds.NameOf((string)d!["textDocument"]!["uri"]!)).Order());
        foreach (var change in documentChanges)
        {
            var name = seeds.NameOf((string)change!["textDocument"]!["uri"]!);
            // The open document carries the editor's version; files only on disk carry null.
            Assert.Equal(name == A002 ? "1" : "null", change["textDocument"]!["version"]?.ToJsonString() ?? "null");
            Assert.True(change["textDocument"]!.AsObject().ContainsKey("version"));
            foreach (var textEdit in change["edits"]!.AsArray())
            {
                Assert.Equal("Zelenskij", (string?)textEdit!["newText"]);
                Assert.Contains(seeds.TextAt(name, textEdit["range"]!), new[] { "Zelensky", "Zelenskyy" });
            }
        }
        // The full name keeps its given name: only the surname inside it is replaced.
        var edited = Apply(seeds.DiskText(A002), documentChanges.Single(d => seeds.NameOf((string)d!["textDocument"]!["uri"]!) == A002)!["edits"]!.AsArray());
        Assert.Contains("Donald Trump e Volodymyr Zelenskij hanno discusso", edited);
        Assert.DoesNotContain("Zelenskyy", edited.Split('\n')[1]);

        Assert.All(All, n => Assert.Equal(before[n], seeds.DiskText(n)));
    }

    [Fact]
    public async Task Renaming_a_full_name_respells_full_names_and_lone_surnames_with_plain_changes_for_simple_clients()
    {
        await using var seeds = await StartAsync(null, A002);
        var position = seeds.Position(A002, "Volodymyr Zelenskyy", into: 2);
        position["newName"] = "Volodymyr Zelenskij";
        var edit = (await seeds.Client.RequestAsync("textDocument/rename", position))["result"]!;
        Assert.Null(edit["documentChanges"]);
        var changes = edit["changes"]!.AsObject();
        Assert.True(changes.Count >= 2, edit.ToJsonString());
        var inA002 = changes[seeds.Uri(A002)]!.AsArray();
        var full = inA002.Where(e => (string)e!["newText"]! == "Volodymyr Zelenskij").ToList();
        var surnames = inA002.Where(e => (string)e!["newText"]! == "Zelenskij").ToList();
        Assert.Single(full);
        Assert.Equal("Volodymyr Zelenskyy", seeds.TextAt(A002, full[0]!["range"]!));
        Assert.NotEmpty(surnames);
        Assert.All(surnames, e => Assert.Equal("Zelenskyy", seeds.TextAt(A002, e!["range"]!)));
        Assert.Equal(inA002.Count, full.Count + surnames.Count);
    }

    [Fact]
    public async Task Renaming_to_an_empty_name_fails_with_a_message()
    {
        await using var seeds = await StartAsync(null, A002);
        var position = seeds.Position(A002, "Trump");
        position["newName"] = "  ";
        var response = await seeds.Client.RequestAsync("textDocument/rename", position);
        Assert.Equal(-32803, ErrorCode(response));
        Assert.Contains("empty", (string?)response["error"]!["message"]);
    }

    [Fact]
    public async Task Document_symbols_group_the_article_entities_by_type()
    {
        await using var seeds = await StartAsync(null, A002);
        var symbols = (await seeds.Client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = TextDocument(seeds.Uri(A002)) }))["result"]!.AsArray();
        var names = symbols.Select(s => (string)s!["name"]!).ToList();
        Assert.Equal("People", names[0]);
        Assert.Contains("Places", names);
        Assert.All(symbols, s => Assert.Equal(4, (int)s!["kind"]!));
        var people = symbols[0]!["children"]!.AsArray();
        Assert.All(people, p => Assert.Equal(14, (int)p!["kind"]!));
        var trump = people.Single(p => (string)p!["name"]! == "Donald Trump")!;
        Assert.Equal("Donald Trump", seeds.TextAt(A002, trump["selectionRange"]!));
        Assert.StartsWith("person, ", (string?)trump["detail"]);
        Assert.Contains(people, p => (string)p!["name"]! == "Vladimir Putin");
        var places = symbols.Single(s => (string)s!["name"]! == "Places")!["children"]!.AsArray();
        Assert.Contains(places, p => (string)p!["name"]! == "Ucraina");
        // Each group's range encloses its children.
        foreach (var group in symbols)
        {
            foreach (var child in group!["children"]!.AsArray())
            {
                Assert.True(Compare(group["range"]!["start"]!, child!["range"]!["start"]!) <= 0);
                Assert.True(Compare(child["range"]!["end"]!, group["range"]!["end"]!) <= 0);
            }
        }
    }

    [Fact]
    public async Task Workspace_symbols_filter_by_query_and_point_at_the_introduction()
    {
        await using var seeds = await StartAsync();
        var trump = (await seeds.Client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "trump" }))["result"]!.AsArray();
        var first = trump[0]!;
        Assert.Equal("Donald Trump", (string?)first["name"]);
        Assert.Equal("person", (string?)first["containerName"]);
        Assert.Equal("Donald Trump", seeds.TextAt(seeds.NameOf((string)first["location"]!["uri"]!), first["location"]!["range"]!));

        var zel = (await seeds.Client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "zelensk" }))["result"]!.AsArray();
        Assert.Contains(zel, s => ((string)s!["name"]!).Contains("Zelensk", StringComparison.Ordinal));
        Assert.Empty((await seeds.Client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "qwxz" }))["result"]!.AsArray());
        var all = (await seeds.Client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" }))["result"]!.AsArray();
        Assert.True(all.Count > zel.Count + trump.Count);
    }

    [Fact]
    public async Task Semantic_tokens_decode_to_the_mentions_with_their_types()
    {
        await using var seeds = await StartAsync(null, A002);
        var full = await TokensAsync(seeds, A002, null, Encoding.Unicode);
        Assert.Contains(("Donald Trump", "person", true), full.Select(t => (t.Text, t.Type, t.Declaration)));
        Assert.Contains(("Zelenskyy", "person", false), full.Select(t => (t.Text, t.Type, t.Declaration)));
        Assert.Contains(full, t => t is { Text: "Ucraina", Type: "place" });
        Assert.Equal(1, full.Count(t => t is { Text: "Donald Trump", Declaration: true }));
        Assert.DoesNotContain(full, t => t.Text == "newsletter");

        var lineTwo = await TokensAsync(seeds, A002, Range(1, 0, 2, 0), Encoding.Unicode);
        Assert.NotEmpty(lineTwo);
        Assert.All(lineTwo, t => Assert.Equal(1, t.Line));
        Assert.Equal(full.Where(t => t.Line == 1), lineTwo);
    }

    [Fact]
    public async Task Semantic_tokens_use_utf8_columns_when_negotiated()
    {
        await using var seeds = await StartAsync(Obj("""{"general":{"positionEncodings":["utf-8"]}}"""), A003);
        var tokens = await TokensAsync(seeds, A003, null, Encoding.UTF8);
        // "l’omologo russo Vladimir Putin": the curly apostrophe is three bytes; decoding bytes must still land on the name.
        Assert.Contains(tokens, t => t is { Line: 0, Text: "Vladimir Putin", Type: "person" });
        Assert.Contains(tokens, t => t is { Line: 0, Text: "Donald Trump" });
    }

    [Fact]
    public async Task Completion_offers_known_names_for_the_prefix_being_typed()
    {
        await using var seeds = await StartAsync(null, A002);
        var lines = seeds.DiskText(A002).Split('\n');
        var last = lines.Length - 1;
        await seeds.Client.ChangeAsync(seeds.Uri(A002), 2, Edit(last, lines[^1].Length, last, lines[^1].Length, "\nParla Zel"));
        var request = new JsonObject { ["textDocument"] = TextDocument(seeds.Uri(A002)), ["position"] = Pos(last + 1, "Parla Zel".Length) };
        var items = (await seeds.Client.RequestAsync("textDocument/completion", request.DeepClone()))["result"]!["items"]!.AsArray();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.StartsWith("zel", ((string)i!["label"]!).ToLowerInvariant()));
        var zelensky = items.First(i => ((string)i!["label"]!).StartsWith("Zelensky", StringComparison.Ordinal))!;
        Assert.Equal(21, (int)zelensky["kind"]!);
        Assert.StartsWith("person", (string?)zelensky["detail"]);
        Assert.Equal(Range(last + 1, 6, last + 1, 9).ToJsonString(), zelensky["textEdit"]!["range"]!.ToJsonString());
        Assert.DoesNotContain(items, i => (string)i!["label"]! == "Donald Trump");

        // Two typed words complete a two-word name and are both replaced.
        await seeds.Client.ChangeAsync(seeds.Uri(A002), 3, Edit(last + 1, 6, last + 1, 9, "Donald Tr"));
        request["position"] = Pos(last + 1, "Parla Donald Tr".Length);
        var two = (await seeds.Client.RequestAsync("textDocument/completion", request.DeepClone()))["result"]!["items"]!.AsArray();
        var donald = two.Single(i => (string)i!["label"]! == "Donald Trump")!;
        Assert.Equal(Range(last + 1, 6, last + 1, 15).ToJsonString(), donald["textEdit"]!["range"]!.ToJsonString());
    }

    [Fact]
    public async Task Quick_fix_for_NEWS003_deletes_the_promotional_first_line()
    {
        await using var seeds = await StartAsync(EditorCapabilities.DeepClone().AsObject(), A002);
        var published = await seeds.Client.NotificationAsync("textDocument/publishDiagnostics",
            m => (string?)m["params"]!["uri"] == seeds.Uri(A002) && Codes(m["params"]!["diagnostics"]).Contains("NEWS003"));
        var diagnostic = published["params"]!["diagnostics"]!.AsArray().First(d => (string?)d!["code"] == "NEWS003")!.DeepClone();
        diagnostic["data"] = new JsonObject { ["client"] = "copy" };
        var request = new JsonObject
        {
            ["textDocument"] = TextDocument(seeds.Uri(A002)),
            ["range"] = Range(0, 3, 0, 3),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(diagnostic) },
        };
        var actions = (await seeds.Client.RequestAsync("textDocument/codeAction", request.DeepClone()))["result"]!.AsArray();
        var fix = actions.Single(a => (string?)a!["diagnostics"]![0]!["code"] == "NEWS003")!;
        Assert.Equal("quickfix", (string?)fix["kind"]);
        Assert.True((bool?)fix["isPreferred"]);
        Assert.Equal("copy", (string?)fix["diagnostics"]![0]!["data"]!["client"]);
        var change = Assert.Single(fix["edit"]!["documentChanges"]!.AsArray())!;
        Assert.Equal(1, (int?)change["textDocument"]!["version"]);
        var edited = Apply(seeds.DiskText(A002), change["edits"]!.AsArray());
        Assert.Equal(string.Join('\n', seeds.DiskText(A002).Split('\n').Skip(1)), edited);

        // Only "refactor" asked for: no quick fixes.
        request["context"]!["only"] = new JsonArray("refactor");
        Assert.Empty((await seeds.Client.RequestAsync("textDocument/codeAction", request.DeepClone()))["result"]!.AsArray());
    }

    [Fact]
    public async Task Quick_fixes_are_recomputed_for_the_range_when_the_client_sends_no_diagnostics()
    {
        await using var seeds = await StartAsync(EditorCapabilities.DeepClone().AsObject(), A002);
        var request = new JsonObject
        {
            ["textDocument"] = TextDocument(seeds.Uri(A002)),
            ["range"] = Range(0, 0, 0, 5),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        };
        var actions = (await seeds.Client.RequestAsync("textDocument/codeAction", request.DeepClone()))["result"]!.AsArray();
        var fix = actions.Single(a => (string?)a!["diagnostics"]![0]!["code"] == "NEWS003")!;
        Assert.Equal("newslsp", (string?)fix["diagnostics"]![0]!["source"]);
        Assert.Equal("Delete this line", (string?)fix["title"]);
    }

    [Fact]
    public async Task Quick_fix_for_NEWS007_writes_the_article_form_the_next_word_needs()
    {
        await using var seeds = await StartAsync(EditorCapabilities.DeepClone().AsObject(), A002);
        var text = seeds.DiskText(A002);
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("agli crescenti", StringComparison.Ordinal));
        var character = lines[line].IndexOf("agli crescenti", StringComparison.Ordinal);
        var request = new JsonObject
        {
            ["textDocument"] = TextDocument(seeds.Uri(A002)),
            ["range"] = Range(line, character, line, character + 4),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        };
        var actions = (await seeds.Client.RequestAsync("textDocument/codeAction", request.DeepClone()))["result"]!.AsArray();
        var fix = actions.Single(a => (string?)a!["diagnostics"]![0]!["code"] == "NEWS007")!;
        Assert.Equal("Write 'ai'", (string?)fix["title"]);
        var change = Assert.Single(fix["edit"]!["documentChanges"]!.AsArray())!;
        Assert.Equal(text.Replace("agli crescenti", "ai crescenti", StringComparison.Ordinal), Apply(text, change["edits"]!.AsArray()));
    }

    [Fact]
    public async Task Quick_fixes_for_NEWS010_respell_the_minority_spelling()
    {
        await using var seeds = await StartAsync(EditorCapabilities.DeepClone().AsObject(), A004);
        var lines = seeds.DiskText(A004).Split('\n');
        var request = new JsonObject
        {
            ["textDocument"] = TextDocument(seeds.Uri(A004)),
            ["range"] = Range(0, 0, lines.Length - 1, lines[^1].Length),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        };
        var actions = (await seeds.Client.RequestAsync("textDocument/codeAction", request))["result"]!.AsArray();
        var spelling = actions.Where(a => (string?)a!["diagnostics"]![0]!["code"] == "NEWS010").ToList();
        Assert.NotEmpty(spelling);
        Assert.All(spelling, a => Assert.Equal("quickfix", (string?)a!["kind"]));
        // "Nato" and "NATO" in one article: a fix rewrites one spelling as the other.
        Assert.Contains(spelling, a => a!["edit"]!["documentChanges"]!.AsArray().SelectMany(d => d!["edits"]!.AsArray()).All(e =>
        {
            var replaced = seeds.TextAt(A004, e!["range"]!);
            var replacement = (string)e["newText"]!;
            return replaced != replacement && string.Equals(replaced, replacement, StringComparison.OrdinalIgnoreCase) &&
                   string.Equals(replaced, "nato", StringComparison.OrdinalIgnoreCase);
        }));
    }

    private static async Task<JsonArray> ReferencesAsync(SeedWorkspace seeds, JsonObject position)
    {
        position["context"] = new JsonObject { ["includeDeclaration"] = true };
        return (await seeds.Client.RequestAsync("textDocument/references", position))["result"]!.AsArray();
    }

    private sealed record Token(int Line, string Text, string Type, bool Declaration);

    /// <summary>Decodes relative semantic tokens with the advertised legend; columns are read in the given encoding of each line.</summary>
    private static async Task<List<Token>> TokensAsync(SeedWorkspace seeds, string name, JsonObject? range, Encoding encoding)
    {
        var legend = seeds.Capabilities["semanticTokensProvider"]!["legend"]!;
        var types = legend["tokenTypes"]!.AsArray().Select(t => (string)t!).ToList();
        var @params = new JsonObject { ["textDocument"] = TextDocument(seeds.Uri(name)) };
        if (range is not null) @params["range"] = range;
        var method = range is null ? "textDocument/semanticTokens/full" : "textDocument/semanticTokens/range";
        var data = (await seeds.Client.RequestAsync(method, @params))["result"]!["data"]!.AsArray().Select(d => (int)d!).ToList();
        Assert.Equal(0, data.Count % 5);
        var lines = seeds.DiskText(name).Split('\n');
        var result = new List<Token>();
        int line = 0, start = 0;
        for (var i = 0; i < data.Count; i += 5)
        {
            Assert.True(data[i] >= 0 && (data[i] > 0 || data[i + 1] >= 0), "tokens must be in order");
            line += data[i];
            start = data[i] == 0 ? start + data[i + 1] : data[i + 1];
            var bytes = encoding.GetBytes(lines[line]);
            var unit = encoding == Encoding.Unicode ? 2 : 1;
            var text = encoding.GetString(bytes, start * unit, data[i + 2] * unit);
            result.Add(new Token(line, text, types[data[i + 3]], (data[i + 4] & 1) == 1));
        }
        return result;
    }

    private static int Compare(JsonNode a, JsonNode b) =>
        ((int)a["line"]!, (int)a["character"]!).CompareTo(((int)b["line"]!, (int)b["character"]!));

    /// <summary>Applies non-overlapping LSP text edits (UTF-16 ranges) to a text, last first.</summary>
    private static string Apply(string text, JsonArray edits)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++) if (text[i] == '\n') lineStarts.Add(i + 1);
        int Offset(JsonNode p) => lineStarts[(int)p["line"]!] + (int)p["character"]!;
        foreach (var edit in edits.OrderByDescending(e => Offset(e!["range"]!["start"]!)))
        {
            var start = Offset(edit!["range"]!["start"]!);
            var end = Offset(edit["range"]!["end"]!);
            text = text[..start] + (string)edit["newText"]! + text[end..];
        }
        return text;
    }
}
