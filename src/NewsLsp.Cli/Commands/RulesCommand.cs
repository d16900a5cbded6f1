using System.CommandLine;
using NewsLsp.Analysis;

namespace NewsLsp.Cli;

/// <summary><c>newslsp rules</c>: every rule with its default severity, category and title.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var command = new Command("rules", "List the rules with their default severities");
        command.SetAction(_ =>
        {
            foreach (var rule in AnalyzerCatalog.Default.Descriptors)
            {
                var severity = rule.IsEnabledByDefault ? Severities.Name(rule.DefaultSeverity) : "none";
                Console.WriteLine($"{rule.Id}  {severity,-11}  {rule.Category,-13}  {rule.Title}");
            }
            return 0;
        });
        return command;
    }
}
