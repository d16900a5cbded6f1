using NewsLsp.Analysis;

namespace NewsLsp.Cli;

/// <summary><c>path:line:col: severity NEWSnnn: message</c>, 1-based line and column (UTF-16 code units).</summary>
internal static class TextFormatter
{
    public static void Write(LintReport report, TextWriter output)
    {
        foreach (var d in report.Diagnostics)
        {
            output.WriteLine($"{d.Document.Value}:{d.Range.Start.Line + 1}:{d.Range.Start.Character + 1}: {Severities.Name(d.Severity)} {d.Id}: {d.Message}");
        }
    }
}
