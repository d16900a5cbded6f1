namespace NewsLsp.Analysis.Entities;

/// <summary>
/// The role a name is given by the words in front of it: "il cancelliere tedesco Friedrich Merz" → "cancelliere
/// tedesco", "il portavoce del Cremlino Peskov" → "portavoce del Cremlino". A role runs from just after a determiner
/// (il, la, del…) to the name, starts with a lower-case word, and may contain prepositional phrases whose nouns are
/// capitalised ("della NATO"). A determiner after a plain preposition belongs to the role ("consigliere per la
/// sicurezza nazionale"). Verbs and conjunctions end the search: then there is no role.
/// </summary>
internal static class RoleFinder
{
    private const int MaxRoleWords = 7;

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "il", "lo", "la", "l'", "l’", "i", "gli", "le", "un", "uno", "una", "un'", "un’",
        "del", "dello", "della", "dell'", "dell’", "dei", "degli", "delle",
        "al", "allo", "alla", "all'", "all’", "ai", "agli", "alle",
        "dal", "dallo", "dalla", "dall'", "dall’", "nel", "nello", "nella", "nell'", "nell’",
        "sul", "sullo", "sulla", "sull'", "sull’", "col", "coi",
    };

    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "di", "a", "da", "in", "con", "su", "per", "tra", "fra",
    };

    // Words that cannot be inside a role: verbs, conjunctions, pronouns and adverbs that end a noun phrase.
    private static readonly HashSet<string> Breakers = new(StringComparer.OrdinalIgnoreCase)
    {
        "che", "e", "ed", "o", "ma", "né", "ha", "hanno", "ho", "è", "era", "sono", "sarà", "non", "si", "ci", "come",
        "quando", "dove", "anche", "più", "già", "dopo", "prima", "secondo", "mentre", "perché", "se", "ora", "oggi",
        "ieri", "detto", "stesso", "stessa", "stessi", "ha", "aveva", "dice", "dichiarato", "affermato", "spiegato", "incontrato", "sentito",
    };

    public static string? Find(string[] words, int mentionStart, IReadOnlyList<(int First, int Last, EntityType Type)> mentions)
    {
        for (var boundary = mentionStart - 1; boundary >= 0 && mentionStart - boundary <= MaxRoleWords + 1; boundary--)
        {
            var word = words[boundary];
            if (Determiners.Contains(word))
            {
                var internalToRole = boundary > 0 && TitlePrepositions.Contains(words[boundary - 1]);
                var roleStart = boundary + 1;
                while (roleStart < mentionStart && Possessives.Contains(words[roleStart])) roleStart++;
                if (!internalToRole && roleStart < mentionStart && IsRoleHead(words[roleStart]) && EndsAsNounPhrase(words[mentionStart - 1]))
                    return string.Join(' ', words[roleStart..mentionStart]).Replace("' ", "'").Replace("’ ", "’");
                continue;
            }
            if (Prepositions.Contains(word)) continue;
            if (MentionStartingBefore(mentions, boundary) is { } first)
            {
                // A name inside the role is fine after a preposition ("portavoce del Cremlino").
                if (first == 0 || !(Determiners.Contains(words[first - 1]) || Prepositions.Contains(words[first - 1]))) return null;
                boundary = first;
                continue;
            }
            if (word.Length == 0 || !char.IsLetter(word[0]) || Breakers.Contains(word)) return null;
            if (char.IsUpper(word[0]) && !(boundary > 0 && (Prepositions.Contains(words[boundary - 1]) || Determiners.Contains(words[boundary - 1])))) return null;
        }
        return null;
    }

    // The first word of the mention covering word <paramref name="index"/> (the last listed, when several do), or null.
    // Looked up for the few words in front of a name instead of marking every word of the sentence for every mention.
    private static int? MentionStartingBefore(IReadOnlyList<(int First, int Last, EntityType Type)> mentions, int index)
    {
        int? found = null;
        for (var m = 0; m < mentions.Count; m++) // by index: a foreach over the interface would box its enumerator
        {
            if (mentions[m].First <= index && index <= mentions[m].Last) found = mentions[m].First;
        }
        return found;
    }

    // Prepositions that occur inside titles before an article ("consigliere per la sicurezza", "ministro per gli
    // Affari esteri"); "con il presidente" or "tra il presidente" start the role instead.
    private static readonly HashSet<string> TitlePrepositions = new(StringComparer.OrdinalIgnoreCase) { "per", "di", "a", "da", "in" };

    // "il suo omologo russo Putin" → "omologo russo".
    private static readonly HashSet<string> Possessives = new(StringComparer.OrdinalIgnoreCase)
    {
        "suo", "sua", "suoi", "sue", "mio", "mia", "miei", "mie", "nostro", "nostra", "nostri", "nostre", "loro", "vostro", "vostra",
    };

    // "la chiamata con Putin" is not a role: a role is a noun phrase that ends right before the name.
    private static bool EndsAsNounPhrase(string word) => !Determiners.Contains(word) && !Prepositions.Contains(word) && char.IsLetterOrDigit(word[^1]);

    private static bool IsRoleHead(string word) => word.Length >= 3 && char.IsLower(word[0]) && word.All(c => char.IsLetter(c)) && !Breakers.Contains(word);
}
