using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace NewsLsp.Tests;

/// <summary>The layering rules of docs/architecture.md, checked so that they cannot quietly erode.</summary>
public partial class ArchitectureTests
{
    [Theory]
    [InlineData("NewsLsp.Syntax")]
    [InlineData("NewsLsp.Ner")]
    [InlineData("NewsLsp.Analysis")]
    [InlineData("NewsLsp.Ide")]
    public void Only_the_edge_knows_JSON_and_LSP(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var references = assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain("System.Text.Json", references);
        Assert.DoesNotContain("NewsLsp.LanguageServer", references);
        Assert.DoesNotContain("NewsLsp.ProjectSystem", references);
    }

    [GeneratedRegex(@"\.Lines\b")]
    private static partial Regex RoslynLines();

    [Fact]
    public void Positions_use_the_LSP_line_map_not_Roslyn_lines()
    {
        // SourceText.Lines also breaks at U+2028 and friends, which LSP clients do not: see LineMap.
        var offenders = Directory.EnumerateFiles(Repo.Path("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && Path.GetFileName(f) != "LineMap.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => RoslynLines().IsMatch(l.Text) && !l.Text.TrimStart().StartsWith("//") && !l.Text.TrimStart().StartsWith("///"))
            .Select(l => $"{Path.GetRelativePath(Repo.Root, l.File)}:{l.Line}")
            .ToList();
        Assert.Empty(offenders);
    }
}
