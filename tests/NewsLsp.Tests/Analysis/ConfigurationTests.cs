using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.ProjectSystem;
using Xunit;

namespace NewsLsp.Tests.Analysis;

public class ConfigurationTests
{
    private const string Text = "Titolo\n![Immagine](a.jpg)\nHa detto: “Non ci sarà alcun accordo.\n";

    [Fact]
    public void Severities_from_the_project_file_apply_and_none_turns_a_rule_off()
    {
        var configuration = ProjectConfigurationFile.Parse("""{ "rules": { "NEWS004": "error", "news001": "none" } }""", "newslsp.json");
        var snapshot = WorkspaceSnapshot.Create(configuration: configuration).WithDocumentText(new("a.txt"), SourceText.From(Text));
        var diagnostics = snapshot.GetDiagnostics(new("a.txt"));
        Assert.Equal(Severity.Error, Assert.Single(diagnostics, d => d.Id == "NEWS004").Severity);
        Assert.DoesNotContain(diagnostics, d => d.Id == "NEWS001");
    }

    [Fact]
    public void Changing_configuration_reruns_no_analyzer()
    {
        var snapshot = WorkspaceSnapshot.Create().WithDocumentText(new("a.txt"), SourceText.From(Text));
        Assert.Equal(Severity.Warning, snapshot.GetDiagnostics(new("a.txt")).Single(d => d.Id == "NEWS004").Severity);
        var before = snapshot.Counters.Read();
        var reconfigured = snapshot.WithConfiguration(ProjectConfiguration.Default.WithSeverities([new("NEWS004", Severity.Hint)]));
        Assert.Equal(Severity.Hint, reconfigured.GetDiagnostics(new("a.txt")).Single(d => d.Id == "NEWS004").Severity);
        Assert.Equal(default, reconfigured.Counters.Read() - before);
    }

    [Theory]
    [InlineData("""{ "rules": { "NEWS001": "loud" } }""", "rules.NEWS001")]
    [InlineData("""{ "rules": [] }""", "'rules'")]
    [InlineData("""{ "files": { "include": "*.txt" } }""", "files.include")]
    [InlineData("""{ "rules": """, "not valid JSON")]
    public void Malformed_files_get_a_message_naming_the_problem(string json, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => ProjectConfigurationFile.Parse(json, "newslsp.json"));
        Assert.Contains("newslsp.json", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Unknown_keys_and_comments_are_accepted()
    {
        var configuration = ProjectConfigurationFile.Parse("""
            // project settings
            { "$schema": "./newslsp.schema.json", "future": 1, "rules": { "NEWS002": "hint", }, }
            """, "newslsp.json");
        Assert.Equal(Severity.Hint, configuration.RuleSeverities["NEWS002"]);
    }
}
