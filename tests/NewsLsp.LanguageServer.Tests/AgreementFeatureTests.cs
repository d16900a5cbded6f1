using System.Text.Json.Nodes;
using NewsLsp.LanguageServer.Tests.Infrastructure;
using static NewsLsp.LanguageServer.Tests.Infrastructure.DocumentSession;

namespace NewsLsp.LanguageServer.Tests;

/// <summary>Cross-source agreement at the LSP boundary: hover, code lens and inlay hints over two open articles.</summary>
public sealed class AgreementFeatureTests
{
    private const string A = "Vertice di Bruxelles sul gas russo e sui prezzi\nIl ministro Mario Rossi ha parlato martedì a Bruxelles con i colleghi europei del prezzo del gas russo. " +
                             "“Abbiamo trovato un accordo importante sul prezzo del gas”, ha detto Rossi. Al vertice hanno partecipato 27 ministri europei.\n" +
                             "Il prezzo massimo del gas russo sarà deciso a Bruxelles dai ministri europei.";
    private const string B = "Gas russo, accordo a Bruxelles sui prezzi\nA Bruxelles il ministro Mario Rossi ha discusso martedì il prezzo del gas russo con i ministri europei. " +
                             "“Abbiamo trovato un accordo storico sul prezzo del gas”, ha dichiarato Rossi. Al vertice hanno partecipato 27 ministri europei.\n" +
                             "Il prezzo massimo del gas russo sarà deciso dai ministri europei a Bruxelles.";
    private const string UriA = "file:///tmp/newslsp-tests/agreement/a.txt";
    private const string UriB = "file:///tmp/newslsp-tests/agreement/b.txt";

    private static JsonObject At(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    private static async Task<LspTestClient> OpenBothAsync()
    {
        var client = new LspTestClient();
        var init = await client.InitializeAsync();
        var capabilities = init["result"]!["capabilities"]!;
        Assert.True((bool?)capabilities["hoverProvider"]);
        Assert.NotNull(capabilities["codeLensProvider"]);
        Assert.True((bool?)capabilities["inlayHintProvider"]);
        await client.OpenAsync(UriA, A);
        await client.OpenAsync(UriB, B);
        return client;
    }

    [Fact]
    public async Task Hover_on_a_quote_shows_both_renderings_with_the_difference_marked()
    {
        await using var client = await OpenBothAsync();
        var column = A.Split('\n')[1].IndexOf("importante", StringComparison.Ordinal);
        var response = await client.RequestAsync("textDocument/hover", At(UriA, 1, column + 2));
        var hover = response["result"]!;
        Assert.Equal("markdown", (string?)hover["contents"]!["kind"]);
        var markdown = (string?)hover["contents"]!["value"];
        Assert.Contains("un accordo **importante** sul prezzo del gas", markdown);
        Assert.Contains("un accordo **storico** sul prezzo del gas", markdown);
        Assert.Equal(1, (int?)hover["range"]!["start"]!["line"]);

        var nothing = await client.RequestAsync("textDocument/hover", At(UriA, 0, 2));
        Assert.Null(nothing["result"]);
    }

    [Fact]
    public async Task Code_lenses_and_inlay_hints_count_sources()
    {
        await using var client = await OpenBothAsync();
        var lenses = (await client.RequestAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = UriA } }))["result"]!.AsArray();
        var titles = lenses.Select(l => (string?)l!["command"]!["title"]).ToList();
        Assert.Contains("2 sources · 2 differ", titles);
        Assert.Contains("2 sources · agree", titles);

        var hintResponse = (await client.RequestAsync("textDocument/inlayHint", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = UriB },
            ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = 0, ["character"] = 0 }, ["end"] = new JsonObject { ["line"] = 3, ["character"] = 0 } },
        }));
        Assert.True(hintResponse["result"] is JsonArray, hintResponse.ToJsonString());
        var hints = hintResponse["result"]!.AsArray();
        Assert.Contains(hints, h => (string?)h!["label"] == "2 sources · agree" && (int?)h["position"]!["line"] == 1);
    }
}
