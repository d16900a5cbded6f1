using System.Collections.Immutable;
using System.Text.Json;
using NewsLsp.Analysis;

namespace NewsLsp.ProjectSystem;

/// <summary>
/// Reads <c>newslsp.json</c>, the one project configuration file that both <c>newslsp lint</c> and the server read:
/// <code>{ "rules": { "NEWS002": "none", "NEWS003": "error" }, "files": { "include": ["**/*.txt"], "exclude": ["drafts/**"] } }</code>
/// Unknown keys are ignored so that newer files still load; a malformed value is an error naming the key.
/// </summary>
public static class ProjectConfigurationFile
{
    public const string FileName = "newslsp.json";

    /// <summary>The nearest newslsp.json in <paramref name="directory"/> or its parents, or null.</summary>
    public static string? Find(string directory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Loads a file; throws <see cref="ConfigurationException"/> with the file name and the problem.</summary>
    public static ProjectConfiguration Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{path}: cannot read: {ex.Message}");
        }
        return Parse(text, path);
    }

    public static ProjectConfiguration Parse(string json, string origin)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return Apply(ProjectConfiguration.Default, document.RootElement, origin);
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException($"{origin}: not valid JSON: {ex.Message}");
        }
    }

    /// <summary>
    /// Applies settings of the same shape (a "rules" object, a "files" object) on top of <paramref name="baseline"/>:
    /// used for the file and for the editor's <c>newslsp</c> settings section alike.
    /// </summary>
    public static ProjectConfiguration Apply(ProjectConfiguration baseline, JsonElement settings, string origin)
    {
        if (settings.ValueKind != JsonValueKind.Object) throw new ConfigurationException($"{origin}: expected a JSON object");
        var configuration = baseline;
        if (settings.TryGetProperty("rules", out var rules) && rules.ValueKind != JsonValueKind.Null)
        {
            if (rules.ValueKind != JsonValueKind.Object) throw new ConfigurationException($"{origin}: 'rules' must be an object of rule id to severity");
            var severities = new List<KeyValuePair<string, Severity>>();
            foreach (var rule in rules.EnumerateObject())
            {
                var value = rule.Value.ValueKind == JsonValueKind.String ? rule.Value.GetString() : null;
                if (!Severities.TryParse(value, out var severity))
                    throw new ConfigurationException($"{origin}: rules.{rule.Name}: expected one of error, warning, information, hint, none");
                severities.Add(new(rule.Name, severity));
            }
            configuration = configuration.WithSeverities(severities);
        }
        if (settings.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Object)
        {
            if (files.TryGetProperty("include", out var include))
                configuration = configuration with { Include = Strings(include, origin, "files.include") };
            if (files.TryGetProperty("exclude", out var exclude))
                configuration = configuration with { Exclude = Strings(exclude, origin, "files.exclude") };
        }
        return configuration;
    }

    private static ImmutableArray<string> Strings(JsonElement element, string origin, string name)
    {
        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            throw new ConfigurationException($"{origin}: {name}: expected an array of glob strings");
        return [.. element.EnumerateArray().Select(e => e.GetString()!)];
    }
}

/// <summary>The configuration file cannot be used; the message names the file and the problem.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
