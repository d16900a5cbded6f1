using System.Collections.Frozen;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// Word normalisation for comparing Italian renderings: lower case, one apostrophe, a light stemmer that folds
/// gender and number endings (fruttuosa/fruttuoso, vite/vita, droni/drone), and function words.
/// </summary>
public static class ItalianWords
{
    private static readonly FrozenSet<string> FunctionWords = new[]
    {
        "il", "lo", "la", "i", "gli", "le", "l'", "un", "uno", "una", "un'", "di", "a", "da", "in", "con", "su", "per", "tra", "fra",
        "del", "dello", "della", "dei", "degli", "delle", "dell'", "al", "allo", "alla", "ai", "agli", "alle", "all'",
        "dal", "dallo", "dalla", "dai", "dagli", "dalle", "dall'", "nel", "nello", "nella", "nei", "negli", "nelle", "nell'",
        "sul", "sullo", "sulla", "sui", "sugli", "sulle", "sull'", "col", "coi", "d'", "e", "ed", "o", "od", "ma", "se", "che",
        "chi", "cui", "non", "né", "ne", "ci", "vi", "si", "mi", "ti", "lui", "lei", "noi", "voi", "loro", "suo", "sua", "suoi",
        "sue", "mio", "mia", "nostro", "nostra", "nostri", "nostre", "vostro", "questo", "questa", "questi", "queste", "quello",
        "quella", "quelli", "quelle", "quel", "è", "sono", "era", "erano", "sarà", "essere", "stato", "stata", "stati", "state",
        "ha", "hanno", "aveva", "avevano", "avere", "ho", "abbiamo", "anche", "come", "più", "poi", "già", "ancora", "molto",
        "quale", "quali", "quando", "dove", "perché", "così", "tutto", "tutti", "tutta", "tutte", "ogni", "altro", "altri",
        "altra", "altre", "sempre", "solo", "dopo", "prima", "mentre", "oltre", "verso", "senza", "sotto", "sopra", "c'", "s'",
        "n'", "v'", "nonché", "inoltre", "quindi", "però", "pure", "cioè", "ciò", "essa", "esso", "lo", "sia", "fu",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWordsByChars =
        FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Lower case with every apostrophe as <c>'</c>.</summary>
    public static string Normalize(string word) =>
        word.ToLowerInvariant().Replace('’', '\'').Replace('‘', '\'').Replace('`', '\'');

    /// <summary>
    /// <see cref="Normalize(string)"/> into <paramref name="destination"/>, for callers that only look the word up:
    /// no string is made. The number of characters written, or -1 when <paramref name="destination"/> is too short.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> word, Span<char> destination)
    {
        var length = word.ToLowerInvariant(destination);
        if (length < 0) return -1;
        var normalized = destination[..length];
        normalized.Replace('’', '\'');
        normalized.Replace('‘', '\'');
        normalized.Replace('`', '\'');
        return length;
    }

    public static bool IsFunctionWord(string normalized) => FunctionWords.Contains(normalized);

    /// <summary>A content word: not a function word, not an elided article, at least three letters.</summary>
    public static bool IsContent(string normalized) =>
        normalized.Length >= 3 && !normalized.EndsWith('\'') && !FunctionWords.Contains(normalized);

    /// <inheritdoc cref="IsContent(string)"/>
    public static bool IsContent(ReadOnlySpan<char> normalized) =>
        normalized.Length >= 3 && !normalized.EndsWith('\'') && !FunctionWordsByChars.Contains(normalized);

    /// <summary>Folds inflection: drops one final vowel and collapses a doubled final letter (Zelenskyy/Zelensky). Shared instances.</summary>
    public static string Stem(string normalized) => SharedStrings.Share(normalized.AsSpan(0, StemLength(normalized)), normalized);

    /// <inheritdoc cref="Stem(string)"/>
    public static string Stem(ReadOnlySpan<char> normalized) => SharedStrings.Share(normalized[..StemLength(normalized)], whole: null);

    // The stem is always a prefix of the word, so it is measured, not cut: a stem already shared costs no new string.
    private static int StemLength(ReadOnlySpan<char> normalized)
    {
        var s = normalized.TrimEnd('\'');
        // Infinitives and gerunds share the verb's stem with its other forms (iniziare/inizio, visitando/visita).
        foreach (var ending in VerbEndings)
        {
            if (s.Length >= ending.Length + 4 && s.EndsWith(ending, StringComparison.Ordinal)) return s.Length - ending.Length;
        }
        if (s.Length >= 3 && s[^1] == s[^2]) s = s[..^1];
        if (s.Length >= 4 && IsVowel(s[^1])) s = s[..^1];
        if (s.Length >= 5 && s[^1] == 'h' && s[^2] is 'c' or 'g') s = s[..^1]; // tedeschi/tedesco
        return s.Length;
    }

    private static readonly string[] VerbEndings = ["are", "ere", "ire", "ando", "endo"];

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'à' or 'è' or 'é' or 'ì' or 'ò' or 'ù' or 'y';

    public static bool IsCapitalized(string word) => word.Length > 0 && char.IsUpper(word[0]);
}
