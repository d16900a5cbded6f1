using System.Collections.Immutable;
using System.Text.Json;
using NewsLsp.Analysis.Entities;

namespace NewsLsp.ProjectSystem;

/// <summary>
/// Reads <c>newslsp.knowledge.json</c> at the workspace root, where users correct entity linking:
/// <code>{
///   "entities": [ { "canonical": "Stati Uniti", "type": "LOC", "aliases": ["USA", "America"] } ],
///   "merge": [ ["Truth", "Truth Social"] ],
///   "split": [ ["Russia", "Mosca", "Cremlino"] ]
/// }</code>
/// Unknown keys are ignored; a malformed value is a <see cref="ConfigurationException"/> naming the key.
/// </summary>
public static class KnowledgeFile
{
    public const string FileName = "newslsp.knowledge.json";

    /// <summary>The nearest knowledge file in <paramref name="directory"/> or its parents, or null.</summary>
    public static string? Find(string directory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static EntityKnowledge Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{path}: cannot read: {ex.Message}");
        }
        return Parse(text, path);
    }

    public static EntityKnowledge Parse(string json, string origin)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ConfigurationException($"{origin}: expected a JSON object");
            var entities = ImmutableArray.CreateBuilder<KnownEntity>();
            if (root.TryGetProperty("entities", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array) throw new ConfigurationException($"{origin}: entities: expected an array");
                var i = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var where = $"entities[{i++}]";
                    if (item.ValueKind != JsonValueKind.Object) throw new ConfigurationException($"{origin}: {where}: expected an object");
                    if (!item.TryGetProperty("canonical", out var canonical) || canonical.ValueKind != JsonValueKind.String || canonical.GetString()!.Trim().Length == 0)
                        throw new ConfigurationException($"{origin}: {where}.canonical: expected a non-empty string");
                    EntityType? type = null;
                    if (item.TryGetProperty("type", out var typeElement) && typeElement.ValueKind != JsonValueKind.Null)
                    {
                        type = typeElement.ValueKind == JsonValueKind.String ? EntityTypes.FromCode(typeElement.GetString()) : null;
                        if (type is null) throw new ConfigurationException($"{origin}: {where}.type: expected one of PER, LOC, ORG, MISC");
                    }
                    var aliases = item.TryGetProperty("aliases", out var aliasElement) ? Strings(aliasElement, origin, where + ".aliases") : [];
                    entities.Add(new KnownEntity(canonical.GetString()!.Trim(), type, aliases));
                }
            }
            return new EntityKnowledge(entities.ToImmutable(), Groups(root, "merge", origin), Groups(root, "split", origin));
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException($"{origin}: not valid JSON: {ex.Message}");
        }
    }

    private static ImmutableArray<ImmutableArray<string>> Groups(JsonElement root, string name, string origin)
    {
        if (!root.TryGetProperty(name, out var groups) || groups.ValueKind == JsonValueKind.Null) return [];
        if (groups.ValueKind != JsonValueKind.Array) throw new ConfigurationException($"{origin}: {name}: expected an array of arrays of names");
        return [.. groups.EnumerateArray().Select((g, i) => Strings(g, origin, $"{name}[{i}]"))];
    }

    private static ImmutableArray<string> Strings(JsonElement element, string origin, string name)
    {
        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            throw new ConfigurationException($"{origin}: {name}: expected an array of strings");
        return [.. element.EnumerateArray().Select(e => e.GetString()!.Trim()).Where(s => s.Length > 0)];
    }
}
