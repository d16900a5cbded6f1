namespace NewsLsp.Analysis;

/// <summary>
/// Which form of the Italian article (and of the prepositions joined with it) a word takes, from how the word
/// begins: "l'" before a vowel, "lo"/"gli"/"uno" before s + consonant, z, x, y, gn, ps, ts and i + vowel, "il"/"i"/"un"
/// otherwise. Only forms that cannot be anything but an article are judged: "lo", "gli" and "la" are also pronouns,
/// "dei" and "dai" also a noun and a verb; the feminine "la" + vowel may be elided or not.
/// </summary>
internal static class ItalianArticleForms
{
    /// <summary>How a word begins, as far as the article is concerned.</summary>
    public enum Onset { Unknown, Vowel, Special, Plain }

    // The article form each onset needs, for the forms that are wrong before it.
    private static readonly Dictionary<string, (string? Vowel, string? Special, string? Plain)> Forms = new(StringComparer.Ordinal)
    {
        ["il"] = ("l'", "lo", null),
        ["al"] = ("all'", "allo", null),
        ["del"] = ("dell'", "dello", null),
        ["nel"] = ("nell'", "nello", null),
        ["dal"] = ("dall'", "dallo", null),
        ["sul"] = ("sull'", "sullo", null),
        ["allo"] = ("all'", null, "al"),
        ["dello"] = ("dell'", null, "del"),
        ["nello"] = ("nell'", null, "nel"),
        ["dallo"] = ("dall'", null, "dal"),
        ["sullo"] = ("sull'", null, "sul"),
        ["i"] = ("gli", "gli", null),
        ["ai"] = ("agli", "agli", null),
        ["nei"] = ("negli", "negli", null),
        ["sui"] = ("sugli", "sugli", null),
        ["agli"] = (null, null, "ai"),
        ["degli"] = (null, null, "dei"),
        ["negli"] = (null, null, "nei"),
        ["dagli"] = (null, null, "dai"),
        ["sugli"] = (null, null, "sui"),
        ["un"] = (null, "uno", null),
    };

    // Every word of an edited article is asked: looked up as characters, not copied into a string first.
    private static readonly Dictionary<string, (string? Vowel, string? Special, string? Plain)>.AlternateLookup<ReadOnlySpan<char>> FormsByChars =
        Forms.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The form written, when it is one this class judges (in lower case); otherwise null.</summary>
    public static string? JudgedForm(ReadOnlySpan<char> word) => FormsByChars.TryGetValue(word, out var form, out _) ? form : null;

    /// <summary>The form <paramref name="article"/> should take before a word with <paramref name="onset"/>, or null when it fits.</summary>
    public static string? Expected(string article, Onset onset)
    {
        if (!Forms.TryGetValue(article, out var forms)) return null;
        return onset switch
        {
            Onset.Vowel => forms.Vowel,
            Onset.Special => forms.Special,
            Onset.Plain => forms.Plain,
            _ => null,
        };
    }

    /// <summary>
    /// How <paramref name="word"/> begins. Unknown for h, j, k, w (foreign words, pronounced either way), "pn" (both
    /// "un" and "uno pneumatico" are in use) and anything not starting with a letter.
    /// </summary>
    public static Onset OnsetOf(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || !char.IsLetter(word[0])) return Onset.Unknown;
        var first = Fold(word[0]);
        var second = word.Length > 1 ? Fold(word[1]) : '\0';
        if (first is 'h' or 'j' or 'k' or 'w') return Onset.Unknown;
        if (IsVowel(first)) return first == 'i' && IsVowel(second) ? Onset.Special : Onset.Vowel;
        if (first == 's') return char.IsLetter(second) && !IsVowel(second) ? Onset.Special : Onset.Plain;
        if (first is 'z' or 'x' or 'y') return Onset.Special;
        if ((first, second) is ('g', 'n') or ('p', 's') or ('t', 's')) return Onset.Special;
        if ((first, second) is ('p', 'n')) return Onset.Unknown;
        return Onset.Plain;
    }

    public static bool IsVowel(char c) => Fold(c) is 'a' or 'e' or 'i' or 'o' or 'u';

    private static char Fold(char c) => char.ToLowerInvariant(c) switch
    {
        'à' or 'á' => 'a',
        'è' or 'é' => 'e',
        'ì' or 'í' => 'i',
        'ò' or 'ó' => 'o',
        'ù' or 'ú' => 'u',
        var other => other,
    };
}
