using System.CommandLine;
using NewsLsp.Analysis;
using NewsLsp.ProjectSystem;
using Spectre.Console;

namespace NewsLsp.Cli;

/// <summary>
/// <c>newslsp lint &lt;files or folders&gt;... [--format text|json|sarif|github] [--fail-on error|warning|information|hint|none]</c>.
/// Exit code 0: nothing at or above --fail-on; 1: something is; 2: usage or I/O errors.
/// </summary>
internal static class LintCommand
{
    private const int ProgressThreshold = 200;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Article files or folders to lint", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var failOn = new Option<string>("--fail-on") { Description = "Lowest severity that makes the exit code 1", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "information", "hint", "none");
        var config = new Option<string?>("--config") { Description = "Project configuration file (default: nearest newslsp.json)" };
        var knowledge = new Option<string?>("--knowledge") { Description = "Entity knowledge file (default: nearest newslsp.knowledge.json)" };

        var command = new Command("lint", "Lint articles and print diagnostics") { paths, format, failOn, config, knowledge };
        command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(format)!, result.GetValue(failOn)!,
            result.GetValue(config), result.GetValue(knowledge)));
        return command;
    }

    private static int Run(string[] inputs, string format, string failOn, string? configPath, string? knowledgePath)
    {
        ProjectConfiguration configuration;
        NewsLsp.Analysis.Entities.EntityKnowledge knowledge;
        try { (configuration, knowledge) = ConfigurationLoader.LoadProject(configPath, knowledgePath); }
        catch (ConfigurationException ex) { return CliErrors.Fail(ex.Message); }
        Severities.TryParse(failOn, out var threshold);

        // Every lint tags every article: load the model while the files are read.
        _ = NewsLsp.Analysis.Entities.ArticleEntityMentions.PreloadModelAsync();
        var corpus = LoadWithProgress(inputs, configuration);
        foreach (var error in corpus.Errors) CliErrors.Report(error);

        var report = LintReport.Create(corpus.Snapshot.WithKnowledge(knowledge), corpus.Paths);
        using (var stdout = Console.OpenStandardOutput())
        {
            switch (format)
            {
                case "json": JsonFormatter.Write(report, stdout); break;
                case "sarif": SarifFormatter.Write(report, stdout); break;
                case "github": Write(stdout, w => GitHubFormatter.Write(report, w)); break;
                default: Write(stdout, w => TextFormatter.Write(report, w)); break;
            }
        }
        if (corpus.Errors.Count > 0) return 2;
        return report.HasAtOrAbove(threshold) ? 1 : 0;
    }

    private static void Write(Stream stream, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { AutoFlush = false };
        write(writer);
    }

    // A progress bar only where a person watches: an interactive terminal, not CI, and a run long enough to need one.
    private static LoadedCorpus LoadWithProgress(string[] inputs, ProjectConfiguration configuration)
    {
        var interactive = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null;
        if (!interactive) return LoadedCorpus.Load(inputs, configuration);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        LoadedCorpus? corpus = null;
        console.Progress().AutoClear(true).Start(ctx =>
        {
            ProgressTask? task = null;
            corpus = LoadedCorpus.Load(inputs, configuration, done =>
            {
                if (done < ProgressThreshold && task is null) return;
                task ??= ctx.AddTask("Reading articles", maxValue: ProgressThreshold);
                task.Value = Math.Min(done, task.MaxValue);
            });
        });
        return corpus!;
    }
}
