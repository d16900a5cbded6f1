using System.Collections.Immutable;

namespace NewsLsp.Analysis;

/// <summary>
/// The project's settings as plain data: rule severities and which files are articles. Read from the project
/// file (newslsp.json) by the edge, and overlaid with editor settings by the server.
/// </summary>
public sealed record ProjectConfiguration
{
    public static readonly ImmutableArray<string> DefaultInclude = ["**/*.txt", "**/*.md"];
    public static readonly ImmutableArray<string> DefaultExclude =
        ["**/node_modules/**", "**/.git/**", "**/bin/**", "**/obj/**", "**/README.md", "**/CHANGELOG.md"];

    public static readonly ProjectConfiguration Default = new();

    /// <summary>Severity overrides by rule id; <see cref="Severity.None"/> turns a rule off.</summary>
    public ImmutableDictionary<string, Severity> RuleSeverities { get; init; } =
        ImmutableDictionary<string, Severity>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>Globs (relative to the workspace root) that name article files.</summary>
    public ImmutableArray<string> Include { get; init; } = DefaultInclude;

    public ImmutableArray<string> Exclude { get; init; } = DefaultExclude;

    public Severity SeverityOf(DiagnosticDescriptor descriptor)
    {
        if (RuleSeverities.TryGetValue(descriptor.Id, out var configured)) return configured;
        return descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity : Severity.None;
    }

    /// <summary>This configuration with <paramref name="overlay"/>'s severities on top (editor settings over the project file).</summary>
    public ProjectConfiguration WithSeverities(IEnumerable<KeyValuePair<string, Severity>> overlay) =>
        this with { RuleSeverities = RuleSeverities.SetItems(overlay) };

    public bool Equals(ProjectConfiguration? other) =>
        other is not null &&
        RuleSeverities.Count == other.RuleSeverities.Count &&
        RuleSeverities.All(p => other.RuleSeverities.TryGetValue(p.Key, out var s) && s == p.Value) &&
        Include.SequenceEqual(other.Include) && Exclude.SequenceEqual(other.Exclude);

    public override int GetHashCode() => HashCode.Combine(RuleSeverities.Count, Include.Length, Exclude.Length);
}
