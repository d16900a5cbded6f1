namespace NewsLsp.Analysis.Entities;

/// <summary>
/// Named things the NER model does not type (it knows only PER, LOC and ORG): platforms ("su X", "la piattaforma
/// Truth Social"), weapon systems ("i sistemi Patriot"), events and documents ("Ministeriale della Difesa",
/// "Articolo 5"). Two general signals:
/// <list type="bullet">
/// <item>Italian orthography: common nouns are not capitalised mid-sentence, so a capitalised run of two or more
/// words there (or a word numbered like a clause, "Articolo 5") that the model left untagged names something;</item>
/// <item>a category noun in front of a name says what kind of thing it is (<see cref="IsCategoryCue"/>): a single
/// capitalised word needs such a cue, because alone it is too often a common noun written with a capital
/// ("Paesi", "Esteri").</item>
/// </list>
/// Never at a sentence start or after an opening quote, where capitals say nothing.
/// </summary>
internal static class MiscNameFinder
{
    // Prepositions that may join two capitalised words of one name ("Ministeriale della Difesa").
    private static readonly HashSet<string> Joiners = new(StringComparer.OrdinalIgnoreCase) { "di", "del", "della", "dello", "dei", "degli", "delle", "de" };

    // Nouns naming a kind of thing that is neither a person, a place nor an organisation, and the prepositions
    // that introduce a platform ("su X", "via Truth").
    private static readonly HashSet<string> CategoryCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "piattaforma", "piattaforme", "social", "app", "sistema", "sistemi", "missile", "missili", "batteria", "batterie",
        "caccia", "drone", "droni", "operazione", "trattato", "su", "sul", "via", "tramite",
    };

    private static readonly HashSet<string> Transparent = new(StringComparer.OrdinalIgnoreCase)
    {
        "il", "lo", "la", "l'", "l’", "i", "gli", "le", "suo", "sua", "suoi", "sue", "loro", "nuovo", "nuovi", "nuova", "nuove",
    };

    public static IEnumerable<(int First, int Last)> Find(string[] words, IReadOnlyList<(int First, int Last, EntityType Type)> tagged)
    {
        var covered = new bool[words.Length];
        foreach (var (first, last, _) in tagged)
        {
            for (var i = first; i <= last; i++) covered[i] = true;
        }
        var result = new List<(int, int)>();
        for (var i = 1; i < words.Length; i++)
        {
            if (covered[i] || !IsCapitalisedWord(words[i]) || StartsClause(words[i - 1])) continue;
            var last = i;
            while (true)
            {
                if (last + 1 < words.Length && !covered[last + 1] && IsCapitalisedWord(words[last + 1])) { last++; continue; }
                if (last + 2 < words.Length && Joiners.Contains(words[last + 1]) && !covered[last + 2] && IsCapitalisedWord(words[last + 2])) { last += 2; continue; }
                break;
            }
            if (last == i && last + 1 < words.Length && !covered[last + 1] && IsSmallNumber(words[last + 1])) last++;
            if (last > i || IsCategoryCue(words, i)) result.Add((i, last));
            i = last;
        }
        return result;
    }

    /// <summary>True when a category noun (skipping articles and possessives) stands right before word <paramref name="index"/>.</summary>
    public static bool IsCategoryCue(string[] words, int index, bool includePrepositions = true)
    {
        for (var k = index - 1; k >= 0 && index - k <= 3; k--)
        {
            if (Transparent.Contains(words[k])) continue;
            return CategoryCues.Contains(words[k]) && (includePrepositions || words[k] is not ("su" or "sul" or "via" or "tramite"));
        }
        return false;
    }

    private static bool IsCapitalisedWord(string word) =>
        word.Length > 0 && char.IsUpper(word[0]) && char.IsLetter(word[^1]) && !word.Contains('\'') && !word.Contains('’');

    private static bool IsSmallNumber(string word) => word.Length <= 3 && word.All(char.IsDigit);

    // After these a capital starts a quotation, a title or a new clause rather than a name.
    private static bool StartsClause(string previous) =>
        previous is "«" or "“" or "\"" or "‘" or "(" or ":" or "-" or "–" or "—" or "." or "!" or "?" or ";" or "…";
}
