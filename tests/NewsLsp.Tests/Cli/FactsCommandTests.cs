using System.Text.Json;
using Xunit;

namespace NewsLsp.Tests.Cli;

public class FactsCommandTests
{
    [Fact]
    public void Facts_json_follows_the_contract_with_paths_as_given_and_utf16_offsets()
    {
        var result = CliRunner.Run("facts", "seeds", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(["version", "events", "quotes", "numbers"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(2, root.GetProperty("events").EnumerateArray().Count(e => e.GetProperty("paths").GetArrayLength() > 1));

        var texts = Repo.SeedFiles.ToDictionary(f => Path.Combine("seeds", Path.GetFileName(f)), File.ReadAllText);
        foreach (var quote in root.GetProperty("quotes").EnumerateArray())
        {
            Assert.Equal(["id", "event", "speaker", "agreement", "variants"], quote.EnumerateObject().Select(p => p.Name));
            Assert.Contains(quote.GetProperty("agreement").GetString(), new[] { "identical", "variant", "single-source" });
            foreach (var variant in quote.GetProperty("variants").EnumerateArray())
            {
                var text = texts[variant.GetProperty("path").GetString()!];
                Assert.Equal(variant.GetProperty("text").GetString(), text[variant.GetProperty("start").GetInt32()..variant.GetProperty("end").GetInt32()]);
            }
        }
        foreach (var number in root.GetProperty("numbers").EnumerateArray())
        {
            Assert.Equal(["id", "event", "claim", "unit", "agreement", "mentions"], number.EnumerateObject().Select(p => p.Name));
            foreach (var mention in number.GetProperty("mentions").EnumerateArray())
            {
                var text = texts[mention.GetProperty("path").GetString()!];
                Assert.Equal(mention.GetProperty("text").GetString(), text[mention.GetProperty("start").GetInt32()..mention.GetProperty("end").GetInt32()]);
            }
        }
        var drones = root.GetProperty("numbers").EnumerateArray().Single(n => n.GetProperty("mentions").EnumerateArray().Any(m => m.GetProperty("text").GetString() == "5.000 droni di combattimento"));
        Assert.Equal(5000, drones.GetProperty("mentions")[0].GetProperty("value").GetDouble());
        var weekday = root.GetProperty("numbers").EnumerateArray().First(n => n.GetProperty("unit").GetString() == "weekday");
        Assert.Equal(JsonValueKind.String, weekday.GetProperty("mentions")[0].GetProperty("value").ValueKind);
    }

    [Fact]
    public void A_missing_file_is_named_and_exits_2()
    {
        var result = CliRunner.Run("facts", "seeds/000_741cba54a8a3ee60.txt", "nope.txt");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.txt", result.Stderr);
    }
}
