using Xunit;

namespace NewsLsp.Tests.Cli;

public class ReportCommandTests
{
    [Fact]
    public void Report_writes_one_self_contained_page_with_events_coverage_quotes_and_numbers()
    {
        var output = Path.Combine(Path.GetTempPath(), $"newslsp-report-{Guid.NewGuid():N}.html");
        try
        {
            var result = CliRunner.Run("report", "seeds", "-o", output);
            Assert.Equal(0, result.ExitCode);
            var html = File.ReadAllText(output);
            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.DoesNotContain("<script", html);
            Assert.DoesNotContain("http", html.Replace("staticfanpage", ""), StringComparison.Ordinal);
            Assert.Equal(2, html.Split("<section class=\"event\"").Length - 1);
            Assert.Equal(2, html.Split("<table class=\"coverage\"").Length - 1);
            Assert.Contains("<mark>fruttuoso</mark>", html);
            Assert.Contains("<span class=\"badge agree\">agree</span>", html);
        }
        finally { File.Delete(output); }
    }

    [Fact]
    public void Report_without_an_output_file_is_a_usage_error()
    {
        Assert.Equal(2, CliRunner.Run("report", "seeds").ExitCode);
    }
}
