namespace NewsLsp.Analysis;

/// <summary>How loudly a rule reports. <see cref="None"/> turns the rule off.</summary>
public enum Severity
{
    None = 0,
    Hint = 1,
    Information = 2,
    Warning = 3,
    Error = 4,
}

public static class Severities
{
    /// <summary>The lower-case names used in configuration files, CLI options and JSON output.</summary>
    public static string Name(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Information => "information",
        Severity.Hint => "hint",
        _ => "none",
    };

    public static bool TryParse(string? text, out Severity severity)
    {
        severity = (text ?? "").Trim().ToLowerInvariant() switch
        {
            "error" => Severity.Error,
            "warning" or "warn" => Severity.Warning,
            "information" or "info" => Severity.Information,
            "hint" => Severity.Hint,
            "none" or "off" => Severity.None,
            _ => (Severity)(-1),
        };
        return (int)severity >= 0;
    }
}
