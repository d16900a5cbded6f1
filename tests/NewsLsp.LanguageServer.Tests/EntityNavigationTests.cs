using System.Text;
using System.Text.Json.Nodes;
using NewsLsp.LanguageServer.Tests.Infrastructure;
using static NewsLsp.LanguageServer.Tests.Infrastructure.Json;
using static NewsLsp.LanguageServer.Tests.Infrastructure.SeedWorkspace;

namespace NewsLsp.LanguageServer.Tests;

/// <summary>Hover, definition and references on the seed corpus, at the LSP boundary.</summary>
public sealed class EntityNavigationTests
{
    [Fact]
    public async Task Capabilities_advertise_hover_definition_and_references()
    {
        await using var seeds = await StartAsync();
        Assert.True((bool?)seeds.Capabilities["hoverProvider"]);
        Assert.True((bool?)seeds.Capabilities["definitionProvider"]);
        Assert.True((bool?)seeds.Capabilities["referencesProvider"]);
    }

    [Fact]
    public async Task Definition_from_a_surname_lands_on_the_first_full_name_in_the_same_article()
    {
        await using var seeds = await StartAsync(null, A002);
        // Occurrence 0 is inside "Volodymyr Zelenskyy" (line 2 of the file); occurrence 1 stands alone.
        var response = await seeds.Client.RequestAsync("textDocument/definition", seeds.Position(A002, "Zelenskyy", occurrence: 1, into: 3));
        var location = response["result"]!;
        Assert.Equal(seeds.Uri(A002), (string?)location["uri"]);
        Assert.Equal("Volodymyr Zelenskyy", seeds.TextAt(A002, location["range"]!));
        Assert.Equal(seeds.Find(A002, "Volodymyr Zelenskyy"), ((int)location["range"]!["start"]!["line"]!, (int)location["range"]!["start"]!["character"]!));
        Assert.Equal(1, (int)location["range"]!["start"]!["line"]!);
    }

    [Fact]
    public async Task Definition_hover_and_references_away_from_any_entity_are_empty()
    {
        await using var seeds = await StartAsync(null, A002);
        var position = seeds.Position(A002, "newsletter", into: 2);
        Assert.Null((await seeds.Client.RequestAsync("textDocument/definition", position.DeepClone()))["result"]);
        Assert.Null((await seeds.Client.RequestAsync("textDocument/hover", position.DeepClone()))["result"]);
        position["context"] = new JsonObject { ["includeDeclaration"] = true };
        Assert.Empty((await seeds.Client.RequestAsync("textDocument/references", position.DeepClone()))["result"]!.AsArray());
    }

    [Fact]
    public async Task Hover_on_a_surname_shows_the_entity_card()
    {
        await using var seeds = await StartAsync(null, A002);
        var position = seeds.Position(A002, "Trump", occurrence: 2, into: 2);
        var hover = (await seeds.Client.RequestAsync("textDocument/hover", position.DeepClone()))["result"]!;
        Assert.Equal("markdown", (string?)hover["contents"]!["kind"]);
        var markdown = (string)hover["contents"]!["value"]!;
        Assert.StartsWith("### Donald Trump\n*person* (PER)", markdown);
        Assert.Contains("**Spellings:** Donald Trump (5 articles), Trump (5 articles)", markdown);
        Assert.Contains(" in 5 articles:** ", markdown);
        Assert.Contains($"{A002.Replace("_", "\\_")} ×", markdown);
        Assert.Contains("(this article)", markdown);
        // Introduced in this article (its first full name), linked to file and line.
        Assert.Contains($"**Introduced:** “Donald Trump” in [{A002.Replace("_", "\\_")}, line 2]({seeds.Uri(A002)}#L2)", markdown);
        Assert.Equal("Trump", seeds.TextAt(A002, hover["range"]!));
    }

    [Fact]
    public async Task References_of_Putin_span_all_five_articles_and_includeDeclaration_adds_exactly_the_definition()
    {
        await using var seeds = await StartAsync(null, A002);
        var position = seeds.Position(A002, "Putin", occurrence: 2);
        position["context"] = new JsonObject { ["includeDeclaration"] = true };
        var with = (await seeds.Client.RequestAsync("textDocument/references", position.DeepClone()))["result"]!.AsArray();
        position["context"] = new JsonObject { ["includeDeclaration"] = false };
        var without = (await seeds.Client.RequestAsync("textDocument/references", position.DeepClone()))["result"]!.AsArray();

        Assert.Equal(All, with.Select(l => seeds.NameOf((string)l!["uri"]!)).Distinct().Order());
        Assert.Equal(with.Count - 1, without.Count);
        foreach (var location in with) Assert.EndsWith("Putin", seeds.TextAt(seeds.NameOf((string)location!["uri"]!), location["range"]!));
        Assert.True(with.Count >= 15, $"only {with.Count} references");

        var definition = (await seeds.Client.RequestAsync("textDocument/definition", seeds.Position(A002, "Putin", occurrence: 2)))["result"]!;
        var missing = with.Where(l => !without.Any(w => JsonNode.DeepEquals(w, l))).Single();
        Assert.True(JsonNode.DeepEquals(definition, missing));
        Assert.Equal("Vladimir Putin", seeds.TextAt(A002, definition["range"]!));
    }

    [Fact]
    public async Task References_of_an_unopened_article_are_found_from_the_disk_text()
    {
        await using var seeds = await StartAsync();
        var position = seeds.Position(A004, "Putin");
        position["context"] = new JsonObject { ["includeDeclaration"] = true };
        var references = (await seeds.Client.RequestAsync("textDocument/references", position.DeepClone()))["result"]!.AsArray();
        Assert.Equal(5, references.Select(l => (string)l!["uri"]!).Distinct().Count());
    }

    [Fact]
    public async Task Utf8_positions_are_used_both_ways_when_negotiated()
    {
        // Line 1 of 003 has "l’omologo" (’ is one UTF-16 unit, three UTF-8 bytes) before "Vladimir Putin".
        await using var seeds = await StartAsync(Obj("""{"general":{"positionEncodings":["utf-8","utf-16"]}}"""), A003);
        Assert.Equal("utf-8", (string?)seeds.Capabilities["positionEncoding"]);
        var line = seeds.DiskText(A003).Split('\n')[0];
        var utf16 = line.IndexOf("Putin", StringComparison.Ordinal);
        var utf8 = Encoding.UTF8.GetByteCount(line.AsSpan(0, utf16));
        Assert.True(utf8 > utf16);

        var request = new JsonObject { ["textDocument"] = TextDocument(seeds.Uri(A003)), ["position"] = Pos(0, utf8 + 2) };
        var hover = (await seeds.Client.RequestAsync("textDocument/hover", request.DeepClone()))["result"]!;
        Assert.StartsWith("### Vladimir Putin", (string?)hover["contents"]!["value"]);
        Assert.Equal(utf8, (int)hover["range"]!["end"]!["character"]! - 5);

        var definition = (await seeds.Client.RequestAsync("textDocument/definition", request.DeepClone()))["result"]!;
        var start = Encoding.UTF8.GetByteCount(line.AsSpan(0, line.IndexOf("Vladimir Putin", StringComparison.Ordinal)));
        Assert.Equal(Pos(0, start).ToJsonString(), definition["range"]!["start"]!.ToJsonString());
        Assert.Equal(Pos(0, start + "Vladimir Putin".Length).ToJsonString(), definition["range"]!["end"]!.ToJsonString());
    }
}
