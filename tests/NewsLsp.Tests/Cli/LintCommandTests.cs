using System.Text.Json;
using Xunit;

namespace NewsLsp.Tests.Cli;

public class LintCommandTests
{
    [Fact]
    public void Text_output_on_the_seeds()
    {
        var result = CliRunner.Run("lint", "seeds");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Contains("seeds/002_a8f9b7003806acf8.txt:1:1: warning NEWS003: ", result.Stdout);
        Assert.Contains("seeds/004_e53c9e50c8586f4d.txt:2:1: warning NEWS004: ", result.Stdout);
        Assert.All(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            line => Assert.Matches(@"^seeds/\S+\.txt:\d+:\d+: (error|warning|information|hint) NEWS\d{3}: .+$", line));
    }

    [Fact]
    public void Json_output_has_exactly_the_documented_shape()
    {
        var result = CliRunner.Run("lint", "seeds/004_e53c9e50c8586f4d.txt", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(["version", "diagnostics"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        foreach (var diagnostic in root.GetProperty("diagnostics").EnumerateArray())
            Assert.Equal(["path", "range", "severity", "code", "message", "related"], diagnostic.EnumerateObject().Select(p => p.Name));
        // The headline's typographic quotes, in a body of straight ones.
        var first = root.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("code").GetString() == "NEWS002");
        Assert.Equal("seeds/004_e53c9e50c8586f4d.txt", first.GetProperty("path").GetString());
        var start = first.GetProperty("range").GetProperty("start");
        Assert.Equal(["line", "character"], start.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, start.GetProperty("line").GetInt32());
        Assert.Equal(38, start.GetProperty("character").GetInt32());
        Assert.Equal("information", first.GetProperty("severity").GetString());
    }

    [Fact]
    public void Sarif_output_lists_rules_with_help_uris_and_results()
    {
        var result = CliRunner.Run("lint", "seeds", "--format", "sarif");
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var run = json.RootElement.GetProperty("runs")[0];
        foreach (var rule in run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray())
        {
            var help = new Uri(rule.GetProperty("helpUri").GetString()!);
            Assert.True(help.IsFile && File.Exists(help.LocalPath), $"help page {help} exists");
        }
        var results = run.GetProperty("results");
        Assert.True(results.GetArrayLength() >= 4);
        var region = results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
    }

    [Fact]
    public void Fail_on_sets_the_exit_code()
    {
        Assert.Equal(1, CliRunner.Run("lint", "seeds", "--fail-on", "warning").ExitCode);
        Assert.Equal(0, CliRunner.Run("lint", "seeds", "--fail-on", "error").ExitCode);
        Assert.Equal(0, CliRunner.Run("lint", "seeds", "--fail-on", "none").ExitCode);
    }

    [Fact]
    public void Usage_errors_exit_2_with_a_one_line_message()
    {
        var badFormat = CliRunner.Run("lint", "seeds", "--format", "xml");
        Assert.Equal(2, badFormat.ExitCode);
        Assert.StartsWith("newslsp: ", badFormat.Stderr);

        var missing = CliRunner.Run("lint", "no-such-folder");
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("newslsp: no-such-folder: no such file or directory", missing.Stderr.Trim());
    }

    [Fact]
    public void Bad_files_are_named_and_the_others_still_linted()
    {
        var dir = Directory.CreateTempSubdirectory("newslsp-lint-");
        try
        {
            File.WriteAllBytes(Path.Combine(dir.FullName, "binary.txt"), [0x41, 0x00, 0x42]);
            File.WriteAllBytes(Path.Combine(dir.FullName, "latin1.txt"), [0x43, 0x69, 0x74, 0xE0, 0x0A]);
            File.WriteAllText(Path.Combine(dir.FullName, "ok.txt"), "Titolo\nIscriviti alla newsletter gratis\nTesto.");
            File.WriteAllBytes(Path.Combine(dir.FullName, "bom.txt"), [0xEF, 0xBB, 0xBF, .. "Titolo\r\nTesto.\r\n"u8.ToArray()]);
            var result = CliRunner.RunIn(dir.FullName, "lint", ".");
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("binary.txt: looks binary", result.Stderr);
            Assert.Contains("latin1.txt: not valid UTF-8 (invalid byte at offset 3)", result.Stderr);
            Assert.Contains("ok.txt:2:1: warning NEWS003", result.Stdout);
            Assert.DoesNotContain("bom.txt", result.Stdout);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Project_file_severities_apply_to_the_cli()
    {
        var dir = Directory.CreateTempSubdirectory("newslsp-config-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "newslsp.json"), """{ "rules": { "NEWS003": "error" } }""");
            File.WriteAllText(Path.Combine(dir.FullName, "a.txt"), "Titolo\nIscriviti alla newsletter gratis\nTesto.");
            var result = CliRunner.RunIn(dir.FullName, "lint", "a.txt");
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("a.txt:2:1: error NEWS003", result.Stdout);

            File.WriteAllText(Path.Combine(dir.FullName, "newslsp.json"), """{ "rules": { "NEWS003": 3 } }""");
            var broken = CliRunner.RunIn(dir.FullName, "lint", "a.txt");
            Assert.Equal(2, broken.ExitCode);
            Assert.Contains("newslsp.json: rules.NEWS003", broken.Stderr);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Lint_reads_the_knowledge_file_and_names_it_when_malformed()
    {
        var dir = Directory.CreateTempSubdirectory("newslsp-knowledge-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "a.txt"), "Titolo\nIl presidente Mario Rossi ha parlato a Roma.\n");
            File.WriteAllText(Path.Combine(dir.FullName, "newslsp.knowledge.json"), """{ "entities": [ { "canonical": "Mario Rossi", "type": "PER", "aliases": ["Rossi"] } ] }""");
            Assert.Equal(0, CliRunner.RunIn(dir.FullName, "lint", "a.txt").ExitCode);

            File.WriteAllText(Path.Combine(dir.FullName, "newslsp.knowledge.json"), """{ "entities": 7 }""");
            var broken = CliRunner.RunIn(dir.FullName, "lint", "a.txt");
            Assert.Equal(2, broken.ExitCode);
            Assert.Contains("newslsp.knowledge.json", broken.Stderr);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Rules_and_explain()
    {
        var rules = CliRunner.Run("rules");
        Assert.Equal(0, rules.ExitCode);
        Assert.Matches(@"NEWS001\s+warning\s+Quotation\s+Unbalanced quotation marks", rules.Stdout);
        var explain = CliRunner.Run("explain", "news003");
        Assert.Equal(0, explain.ExitCode);
        Assert.StartsWith("# NEWS003: Promotional boilerplate", explain.Stdout);
        Assert.Equal(2, CliRunner.Run("explain", "NEWS999").ExitCode);
    }

    [Fact]
    public void Github_format_writes_workflow_annotations()
    {
        var result = CliRunner.Run("lint", "seeds/002_a8f9b7003806acf8.txt", "--format", "github");
        Assert.StartsWith("::warning file=seeds/002_a8f9b7003806acf8.txt,line=1,col=1,endLine=1,endColumn=65,title=NEWS003 Promotional boilerplate::", result.Stdout);
    }
}
