using System.CommandLine;
using NewsLsp.Cli;

var root = new RootCommand("NewsLsp: incremental analysis of news articles across sources")
{
    LintCommand.Create(),
    RulesCommand.Create(),
    ExplainCommand.Create(),
    NerCommand.Create(),
    ServeCommand.Create(),
    EntitiesCommand.Create(),
};

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors) CliErrors.Report(error.Message);
    return CliErrors.UsageOrIoError;
}
return await parsed.InvokeAsync();
