namespace NewsLsp.Analysis.Entities;

/// <summary>
/// The knowledge file indexed by folded name, so the linker asks about one name without scanning every declaration:
/// its declared type and canonical name, the names declared or merged with it, and the split groups it belongs to.
/// </summary>
internal sealed class KnowledgeLookup
{
    private readonly Dictionary<string, EntityType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _canonicals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _linkedNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Group, int Member)>> _splits = new(StringComparer.Ordinal);

    public KnowledgeLookup(EntityKnowledge knowledge)
    {
        Knowledge = knowledge;
        foreach (var known in knowledge.Entities)
        {
            foreach (var name in known.Names)
            {
                var key = NameForms.Key(name);
                if (known.Type is { } type) _types[key] = type;
                _canonicals.TryAdd(key, known.Canonical);
            }
        }
        foreach (var group in knowledge.Entities.Select(k => k.Names).Concat(knowledge.Merge.Select(m => (IEnumerable<string>)m)))
        {
            var keys = group.Select(NameForms.Key).Distinct(StringComparer.Ordinal).ToList();
            foreach (var key in keys)
            {
                if (!_linkedNames.TryGetValue(key, out var linked)) _linkedNames[key] = linked = [];
                linked.AddRange(keys.Where(k => k != key));
            }
        }
        for (var g = 0; g < knowledge.Split.Length; g++)
        {
            var keys = knowledge.Split[g].Select(NameForms.Key).ToList();
            foreach (var key in keys.Distinct(StringComparer.Ordinal))
            {
                if (!_splits.TryGetValue(key, out var groups)) _splits[key] = groups = [];
                groups.Add((g, keys.IndexOf(key)));
            }
        }
    }

    public EntityKnowledge Knowledge { get; }

    public EntityType? DeclaredType(string key) => _types.TryGetValue(key, out var type) ? type : null;

    public string? DeclaredCanonical(string key) => _canonicals.GetValueOrDefault(key);

    /// <summary>Names declared as aliases of, or merged with, this one (folded; possibly absent from the corpus).</summary>
    public IReadOnlyList<string> LinkedNames(string key) => _linkedNames.TryGetValue(key, out var names) ? names : [];

    /// <summary>The split groups this name is in, and which member of each it is.</summary>
    public IReadOnlyList<(int Group, int Member)> SplitMemberships(string key) => _splits.TryGetValue(key, out var groups) ? groups : [];
}
