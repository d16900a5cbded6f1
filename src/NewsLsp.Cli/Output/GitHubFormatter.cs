using NewsLsp.Analysis;

namespace NewsLsp.Cli;

/// <summary>
/// GitHub Actions workflow commands, one annotation per diagnostic:
/// <c>::warning file=path,line=1,col=5,endLine=1,endColumn=9,title=NEWS003::message</c>.
/// </summary>
internal static class GitHubFormatter
{
    public static void Write(LintReport report, TextWriter output)
    {
        foreach (var d in report.Diagnostics)
        {
            var command = d.Severity switch
            {
                Severity.Error => "error",
                Severity.Warning => "warning",
                _ => "notice",
            };
            var r = d.Range;
            output.WriteLine($"::{command} file={Property(d.Document.Value)},line={r.Start.Line + 1},col={r.Start.Character + 1}," +
                             $"endLine={r.End.Line + 1},endColumn={r.End.Character + 1},title={Property(d.Id + " " + d.Descriptor.Title)}::{Data(d.Message)}");
        }
    }

    // Escaping as the Actions toolkit does it.
    private static string Data(string value) => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string value) => Data(value).Replace(":", "%3A").Replace(",", "%2C");
}
