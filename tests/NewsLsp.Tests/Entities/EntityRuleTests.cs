using NewsLsp.Analysis;
using NewsLsp.ProjectSystem;
using Xunit;

namespace NewsLsp.Tests.Entities;

public class EntityRuleTests
{
    private static IReadOnlyList<ArticleDiagnostic> Diagnostics(WorkspaceSnapshot snapshot, string key, string rule) =>
        snapshot.GetDiagnostics(new DocumentKey(key)).Where(d => d.Id == rule).ToList();

    [Fact]
    public void NEWS010_reports_the_minority_spelling_with_a_fix_to_the_dominant_one()
    {
        var snapshot = Articles.Workspace(("a.txt",
            "Titolo\nLa NATO si riunisce a Bruxelles. Il segretario della NATO ha parlato. La Nato ha deciso."));
        var found = Assert.Single(Diagnostics(snapshot, "a.txt", "NEWS010"));
        Assert.Equal("'Nato' is spelled 'NATO' elsewhere in this article", found.Message);
        var fix = found.Fixes.First(f => f.IsPreferred);
        Assert.Equal("NATO", Assert.Single(fix.Edits).NewText);
    }

    [Fact]
    public void NEWS010_is_quiet_for_a_surname_next_to_a_full_name()
    {
        var snapshot = Articles.Workspace(("a.txt", "Titolo\nIl presidente Mario Rossi ha parlato a Roma. Rossi ha detto che resterà."));
        Assert.Empty(Diagnostics(snapshot, "a.txt", "NEWS010"));
    }

    [Fact]
    public void NEWS010_on_the_seeds_finds_the_gold_within_article_variants()
    {
        var snapshot = Articles.Seeds();
        Assert.Contains(Diagnostics(snapshot, "004_e53c9e50c8586f4d.txt", "NEWS010"), d => d.Message.Contains("'Nato'"));
        Assert.Contains(Diagnostics(snapshot, "002_a8f9b7003806acf8.txt", "NEWS010"), d => d.Message.Contains("'Kiev'") || d.Message.Contains("'Kyiv'"));
    }

    [Fact]
    public void NEWS011_reports_a_spelling_most_other_sources_do_not_use()
    {
        var snapshot = Articles.Seeds();
        var found = Diagnostics(snapshot, "001_f8b53886ee73cfbf.txt", "NEWS011");
        var zelenskyy = Assert.Single(found, d => d.Message.StartsWith("'Zelenskyy'"));
        Assert.True(zelenskyy.Fixes.Single().Edits.Length > 1, "the fix respells every use in the article");
        Assert.DoesNotContain(Diagnostics(snapshot, "000_741cba54a8a3ee60.txt", "NEWS011"), d => d.Message.StartsWith("'Zelensky'"));
    }

    [Fact]
    public void NEWS011_is_quiet_when_two_sources_disagree_one_to_one()
    {
        var snapshot = Articles.Workspace(
            ("a.txt", "Titolo\nIl direttore della CIA ha parlato a Washington."),
            ("b.txt", "Titolo\nIl direttore della Cia ha parlato a Washington."));
        Assert.Empty(Diagnostics(snapshot, "a.txt", "NEWS011"));
        Assert.Empty(Diagnostics(snapshot, "b.txt", "NEWS011"));
    }

    [Fact]
    public void NEWS012_fires_on_a_surname_only_introduction_and_offers_the_declared_full_name()
    {
        var text = "Titolo\nLa notizia è stata confermata dal portavoce del governo Bianchetti in una nota.\nIl portavoce Bianchetti ha confermato la notizia.";
        var snapshot = Articles.Workspace(("a.txt", text));
        var found = Assert.Single(Diagnostics(snapshot, "a.txt", "NEWS012"));
        Assert.Equal("Bianchetti", text.Substring(found.Span.Start, found.Span.Length));
        Assert.Empty(found.Fixes);

        var knowledge = KnowledgeFile.Parse("""{ "entities": [ { "canonical": "Luca Bianchetti", "type": "PER", "aliases": ["Bianchetti"] } ] }""", "k");
        var withFix = Assert.Single(Diagnostics(snapshot.WithKnowledge(knowledge), "a.txt", "NEWS012"));
        Assert.Equal("Luca Bianchetti", withFix.Fixes.Single().Edits.Single().NewText);
    }

    [Theory]
    // Full name first, then surname.
    [InlineData("Titolo\nIl ministro Luca Bianchetti è arrivato a Roma. Bianchetti ha parlato a lungo.")]
    // Surname in the headline only counts as a headline.
    [InlineData("Bianchetti a Roma\nIl ministro Luca Bianchetti è arrivato a Roma.")]
    public void NEWS012_does_not_fire_when_the_full_name_is_given(string text)
    {
        var snapshot = Articles.Workspace(("a.txt", text));
        Assert.Empty(Diagnostics(snapshot, "a.txt", "NEWS012"));
    }

    [Fact]
    public void NEWS012_does_not_fire_when_another_source_gives_the_full_name()
    {
        var snapshot = Articles.Workspace(
            ("a.txt", "Titolo\nIl ministro Bianchetti è arrivato a Roma."),
            ("b.txt", "Titolo\nIl ministro Luca Bianchetti è arrivato a Roma."));
        Assert.Empty(Diagnostics(snapshot, "a.txt", "NEWS012"));
    }

    [Fact]
    public void NEWS012_on_the_seeds_never_fires_on_a_person_whose_full_name_the_gold_knows()
    {
        using var gold = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Repo.Path("gold", "seeds.entities.json")));
        var knownFullNames = gold.RootElement.GetProperty("entities").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "PER")
            .Where(e => e.GetProperty("aliases").EnumerateArray().Any(a => a.GetString()!.Contains(' ')))
            .SelectMany(e => e.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!))
            .ToHashSet();
        var snapshot = Articles.Seeds();
        foreach (var key in snapshot.Documents)
        {
            foreach (var finding in Diagnostics(snapshot, key.Value, "NEWS012"))
                Assert.DoesNotContain(snapshot.GetRequiredArticle(key).Text.ToString(finding.Span), knownFullNames);
        }
    }
}
