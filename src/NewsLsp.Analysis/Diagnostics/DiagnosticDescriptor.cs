namespace NewsLsp.Analysis;

/// <summary>
/// Everything fixed about a rule: its id (NEWSnnn), title, message format (composite format, {0}…), category,
/// default severity, whether it runs by default, and its help page.
/// </summary>
public sealed record DiagnosticDescriptor(
    string Id,
    string Title,
    string MessageFormat,
    string Category,
    Severity DefaultSeverity,
    bool IsEnabledByDefault = true)
{
    /// <summary>
    /// The rule's page relative to the repository root. The pages ship beside the executable too; the edge turns
    /// this into a link (see RuleHelp in the CLI and server).
    /// </summary>
    public string HelpPath => "docs/rules/" + Id + ".md";

    public string FormatMessage(params object?[] args) =>
        args.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);
}
