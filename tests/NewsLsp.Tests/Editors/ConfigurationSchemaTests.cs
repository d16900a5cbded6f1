using System.Text.Json;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;
using NewsLsp.ProjectSystem;
using Xunit;

namespace NewsLsp.Tests.Editors;

/// <summary>
/// schemas/newslsp.schema.json (newslsp.json completion and validation in editors) must follow the rule catalog:
/// adding, renaming or retitling a rule without updating the schema fails here.
/// </summary>
public class ConfigurationSchemaTests
{
    private static readonly string[] SeverityNames =
        [.. new[] { Severity.Error, Severity.Warning, Severity.Information, Severity.Hint, Severity.None }.Select(Severities.Name)];

    private static JsonElement Schema() => JsonDocument.Parse(File.ReadAllText(Repo.Path("schemas", "newslsp.schema.json"))).RootElement;

    private static JsonElement RuleProperties(JsonElement schema) =>
        schema.GetProperty("properties").GetProperty("rules").GetProperty("properties");

    [Fact]
    public void Schema_lists_exactly_the_rules_of_the_catalog_with_their_titles_and_default_severities()
    {
        var rules = RuleProperties(Schema());
        var listed = rules.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        var known = AnalyzerCatalog.Default.Descriptors.Select(d => d.Id).ToArray();
        Assert.Equal(known, listed);
        foreach (var descriptor in AnalyzerCatalog.Default.Descriptors)
        {
            var rule = rules.GetProperty(descriptor.Id);
            Assert.Equal("#/definitions/severity", rule.GetProperty("$ref").GetString());
            var description = rule.GetProperty("description").GetString()!;
            Assert.Contains(descriptor.Title, description, StringComparison.Ordinal);
            Assert.Contains("default: " + Severities.Name(descriptor.DefaultSeverity), description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Severity_enum_is_every_name_the_configuration_reader_documents_and_each_parses()
    {
        var schema = Schema();
        var names = schema.GetProperty("definitions").GetProperty("severity").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(SeverityNames, names);
        foreach (var name in names) Assert.True(Severities.TryParse(name, out _), name);
    }

    [Fact]
    public void Schema_defaults_for_files_are_the_engine_defaults()
    {
        var files = Schema().GetProperty("properties").GetProperty("files").GetProperty("properties");
        string[] Default(string key) => [.. files.GetProperty(key).GetProperty("default").EnumerateArray().Select(e => e.GetString()!)];
        Assert.Equal(ProjectConfiguration.DefaultInclude, Default("include"));
        Assert.Equal(ProjectConfiguration.DefaultExclude, Default("exclude"));
    }

    [Fact]
    public void A_file_using_every_schema_key_loads()
    {
        var rules = string.Join(", ", AnalyzerCatalog.Default.Descriptors.Select((d, i) => $"\"{d.Id}\": \"{SeverityNames[i % SeverityNames.Length]}\""));
        var json = $$"""{ "rules": { {{rules}} }, "files": { "include": ["**/*.txt"], "exclude": ["drafts/**"] }, "$schema": "./schemas/newslsp.schema.json" }""";
        var configuration = ProjectConfigurationFile.Parse(json, "newslsp.json");
        Assert.Equal(AnalyzerCatalog.Default.Descriptors.Length, configuration.RuleSeverities.Count);
        Assert.Equal(new[] { "drafts/**" }, configuration.Exclude.ToArray());
        Assert.Equal(new[] { "**/*.txt" }, configuration.Include.ToArray());
    }

    [Fact]
    public void VS_Code_rule_setting_offers_every_rule_with_the_same_severities()
    {
        using var package = JsonDocument.Parse(File.ReadAllText(Repo.Path("editors", "vscode", "package.json")));
        var contributes = package.RootElement.GetProperty("contributes");
        var configurations = contributes.GetProperty("configuration");
        var properties = (configurations.ValueKind == JsonValueKind.Array ? configurations.EnumerateArray().ToArray() : [configurations])
            .SelectMany(c => c.GetProperty("properties").EnumerateObject()).ToDictionary(p => p.Name, p => p.Value);
        var rules = properties["newslsp.rules"].GetProperty("properties");
        Assert.Equal(AnalyzerCatalog.Default.Descriptors.Select(d => d.Id), rules.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var rule in rules.EnumerateObject())
            Assert.Equal(SeverityNames, rule.Value.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));

        var validations = contributes.GetProperty("jsonValidation").EnumerateArray()
            .ToDictionary(v => v.GetProperty("fileMatch").GetString()!, v => v.GetProperty("url").GetString()!);
        Assert.Equal(["newslsp.json", "newslsp.knowledge.json"], validations.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("./schemas/newslsp.schema.json", validations["newslsp.json"]);
        foreach (var url in validations.Values)
        {
            // The extension ships a copy of each schema (its build copies them); the copies must be current.
            var copy = Path.GetFullPath(Path.Combine(Repo.Path("editors", "vscode"), url));
            Assert.True(File.Exists(copy), copy);
            Assert.Equal(File.ReadAllText(Repo.Path("schemas", Path.GetFileName(url))), File.ReadAllText(copy));
        }
    }

    [Fact]
    public void Knowledge_schema_types_are_the_entity_type_codes_and_a_file_using_every_key_loads()
    {
        var schema = JsonDocument.Parse(File.ReadAllText(Repo.Path("schemas", "newslsp.knowledge.schema.json"))).RootElement;
        var properties = schema.GetProperty("properties");
        Assert.Equal(["$schema", "entities", "merge", "split"], properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var types = properties.GetProperty("entities").GetProperty("items").GetProperty("properties").GetProperty("type").GetProperty("enum")
            .EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray();
        Assert.Equal(Enum.GetValues<EntityType>().Select(EntityTypes.Code), types);

        var knowledge = KnowledgeFile.Parse("""
            { "$schema": "./newslsp.knowledge.schema.json",
              "entities": [ { "canonical": "Stati Uniti", "type": "LOC", "aliases": ["USA", "America"] }, { "canonical": "Truth Social", "type": null } ],
              "merge": [ ["Truth", "Truth Social"] ], "split": [ ["Russia", "Mosca", "Cremlino"] ] }
            """, KnowledgeFile.FileName);
        Assert.Equal(2, knowledge.Entities.Length);
        Assert.Single(knowledge.Merge);
        Assert.Equal(3, knowledge.Split[0].Length);
    }
}
