using System.CommandLine;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;
using NewsLsp.ProjectSystem;

namespace NewsLsp.Cli;

/// <summary>
/// <c>newslsp report &lt;paths&gt;... -o report.html</c>: one self-contained HTML page (inline CSS, no scripts, no
/// network) with the events, an entity × source coverage matrix, quote variants side by side with the differences
/// marked, and number agreement. Exit code 2 on usage or I/O errors.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Article files or folders", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "The HTML file to write", Required = true };
        var config = new Option<string?>("--config") { Description = "Project configuration file (default: nearest newslsp.json)" };
        var command = new Command("report", "Write a self-contained HTML report of cross-source agreement") { paths, output, config };
        command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(output)!, result.GetValue(config)));
        return command;
    }

    private static int Run(string[] inputs, string output, string? configPath)
    {
        ProjectConfiguration configuration;
        EntityKnowledge knowledge;
        try { (configuration, knowledge) = ConfigurationLoader.LoadProject(configPath, knowledgePath: null); }
        catch (ConfigurationException ex) { return CliErrors.Fail(ex.Message); }
        var corpus = LoadedCorpus.Load(inputs, configuration);
        foreach (var error in corpus.Errors) CliErrors.Report(error);
        var html = HtmlReport.Render(corpus.Snapshot.WithKnowledge(knowledge));
        try { File.WriteAllText(output, html, new System.Text.UTF8Encoding(false)); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return CliErrors.Fail($"{output}: cannot write the report ({ex.Message})");
        }
        return corpus.Errors.Count > 0 ? 2 : 0;
    }
}
