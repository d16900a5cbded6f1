using System.Text.Json;
using NewsLsp.Analysis;
using Xunit;

namespace NewsLsp.Tests.Rules;

/// <summary>The document-local rules against the hand-checked findings in gold/seeds.facts.json ("other_findings").</summary>
public class SeedFindingsTests
{
    public static TheoryData<string, string> GoldKinds => new()
    {
        { "boilerplate", "NEWS003" },
        { "mixed-quote-style", "NEWS002" },
        { "non-descriptive-image-alt", "NEWS004" },
        { "relative-date", "NEWS006" },
    };

    [Theory]
    [MemberData(nameof(GoldKinds))]
    public void Every_gold_finding_of_the_kind_is_reported_at_its_exact_span_and_nothing_else(string kind, string rule)
    {
        using var gold = Repo.GoldFacts();
        var expected = gold.RootElement.GetProperty("other_findings").EnumerateArray()
            .Where(f => f.GetProperty("kind").GetString() == kind)
            .Select(f => (f.GetProperty("file").GetString()!, f.GetProperty("start").GetInt32(), f.GetProperty("end").GetInt32()))
            .OrderBy(f => f).ToList();
        Assert.NotEmpty(expected);

        var snapshot = Articles.Seeds();
        var actual = snapshot.Documents.SelectMany(k => snapshot.GetDiagnostics(k)).Where(d => d.Id == rule)
            .Select(d => (d.Document.Value, d.Span.Start, d.Span.End)).OrderBy(f => f).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void NEWS007_reports_only_inside_gold_translation_artifacts()
    {
        using var gold = Repo.GoldFacts();
        var artifacts = gold.RootElement.GetProperty("other_findings").EnumerateArray()
            .Where(f => f.GetProperty("kind").GetString() == "translation-artifact")
            .Select(f => (File: f.GetProperty("file").GetString()!, Start: f.GetProperty("start").GetInt32(), End: f.GetProperty("end").GetInt32()))
            .ToList();
        var snapshot = Articles.Seeds();
        var reported = snapshot.Documents.SelectMany(k => snapshot.GetDiagnostics(k)).Where(d => d.Id == "NEWS007").ToList();
        // "agli crescenti colpi russi" in 002 and "al Ucraina occupato…" in 001.
        Assert.Equal(2, reported.Count);
        foreach (var d in reported)
            Assert.Contains(artifacts, a => a.File == d.Document.Value && a.Start <= d.Span.Start && d.Span.End <= a.End);
    }

    [Theory]
    [InlineData("NEWS001")]
    [InlineData("NEWS005")]
    public void Rules_with_no_gold_finding_stay_silent_on_the_seeds(string rule)
    {
        var snapshot = Articles.Seeds();
        Assert.DoesNotContain(snapshot.Documents.SelectMany(k => snapshot.GetDiagnostics(k)), d => d.Id == rule);
    }
}
