using System.Reflection;

namespace NewsLsp.Ner;

/// <summary>
/// The generated name lists embedded in this assembly (src/NewsLsp.Ner/Gazetteers/*.txt, written by
/// tools/gazetteers/generate.js). Training reads them; a trained model carries its own hashed copy.
/// </summary>
public static class GazetteerResources
{
    private static readonly (GazetteerCategory Category, string FileName)[] Files =
    [
        (GazetteerCategory.Country, "countries.txt"),
        (GazetteerCategory.ItalianPlace, "italian-places.txt"),
        (GazetteerCategory.WorldCity, "world-cities.txt"),
        (GazetteerCategory.Organisation, "organisations.txt"),
        (GazetteerCategory.GivenName, "given-names.txt"),
        (GazetteerCategory.Surname, "surnames.txt"),
    ];

    /// <summary>Builds a gazetteer from the embedded lists, keeping only the given categories (all when null).</summary>
    public static Gazetteer LoadEmbedded(IReadOnlySet<GazetteerCategory>? categories = null) =>
        Gazetteer.BuildFromLines(ReadLines(categories));

    private static IEnumerable<(GazetteerCategory, string)> ReadLines(IReadOnlySet<GazetteerCategory>? categories)
    {
        var assembly = typeof(GazetteerResources).Assembly;
        foreach (var (category, fileName) in Files)
        {
            if (categories is not null && !categories.Contains(category)) continue;
            using var stream = OpenResource(assembly, "NewsLsp.Ner.Gazetteers." + fileName);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#') continue;
                yield return (category, line);
            }
        }
    }

    private static Stream OpenResource(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Embedded resource {name} is missing from {assembly.GetName().Name}.");
}
