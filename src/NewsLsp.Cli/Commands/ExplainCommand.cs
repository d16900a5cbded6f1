using System.CommandLine;
using NewsLsp.Analysis;
using NewsLsp.ProjectSystem;

namespace NewsLsp.Cli;

/// <summary><c>newslsp explain NEWSnnn</c>: prints the rule's page (docs/rules/NEWSnnn.md).</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("rule") { Description = "Rule id, e.g. NEWS001" };
        var command = new Command("explain", "Print a rule's documentation") { id };
        command.SetAction(result =>
        {
            var ruleId = result.GetValue(id)!;
            var rule = AnalyzerCatalog.Default.Find(ruleId);
            if (rule is null) return CliErrors.Fail($"unknown rule '{ruleId}'; `newslsp rules` lists them");
            if (RuleHelp.PagePath(rule) is not { } page) return CliErrors.Fail($"{rule.HelpPath}: the rule pages are not installed beside newslsp");
            Console.Write(File.ReadAllText(page));
            return 0;
        });
        return command;
    }
}
