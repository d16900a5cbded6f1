using System.Text;

namespace NewsLsp.Analysis.Entities;

/// <summary>
/// Normalised forms of names, the signals linking compares. Each is deliberately simple and explainable:
/// <list type="bullet">
/// <item><see cref="Fold"/>: lower case without diacritics ("NATO" = "Nato", "José" = "Jose").</item>
/// <item><see cref="Skeleton"/>: the consonant outline of a word after common romanisation variants are unified
/// (y→i, w→v, ph→f, ck→k, doubled letters once), so "Zelenskyy" = "Zelensky" and "Kyiv" = "Kiev".</item>
/// </list>
/// </summary>
public static class NameForms
{
    /// <summary>The words of a name; hyphenated words stay whole ("Jean-Noël").</summary>
    public static IReadOnlyList<string> Words(string name) =>
        name.Split([' ', '\u00A0', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Lower case, diacritics removed, typographic apostrophes made straight.</summary>
    public static string Fold(string text)
    {
        // Most words linking and the spelling rules compare are already folded ("ucraina", "nato" rarely; but every
        // lower-case word is): return those as they are instead of building an equal copy.
        var i = 0;
        while (i < text.Length && FoldChar(char.ToLowerInvariant(text[i])) == text[i]) i++;
        if (i == text.Length) return text;
        return string.Create(text.Length, (text, i), static (folded, state) =>
        {
            var (source, unchanged) = state;
            source.AsSpan(0, unchanged).CopyTo(folded);
            for (var j = unchanged; j < source.Length; j++) folded[j] = FoldChar(char.ToLowerInvariant(source[j]));
        });
    }

    /// <summary>The folded name with every run of spaces and hyphens made one space: the identity of a surface form.</summary>
    public static string Key(string name) => string.Join(' ', Fold(name).Split([' ', '-', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The consonant outline of one word: first letter kept, later vowels dropped, romanisation variants unified,
    /// repeated letters collapsed.
    /// </summary>
    public static string Skeleton(string word) => SkeletonOfFolded(Fold(word));

    // Skeleton of a word already folded. One pass over the text: "ph" → f and "ck" → k cannot create or break each
    // other's pairs, nor w → v and y → i, so replacing them as the pass meets them equals replacing them in turn.
    private static string SkeletonOfFolded(string folded)
    {
        Span<char> outline = folded.Length <= 256 ? stackalloc char[folded.Length] : new char[folded.Length];
        var length = 0;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            var next = i + 1 < folded.Length ? folded[i + 1] : '\0';
            if (c == 'p' && next == 'h') { c = 'f'; i++; }
            else if (c == 'c' && next == 'k') { c = 'k'; i++; }
            else if (c == 'w') c = 'v';
            else if (c == 'y') c = 'i';
            if (!char.IsLetterOrDigit(c)) continue;
            if (length > 0 && IsVowel(c)) continue;
            if (length > 0 && outline[length - 1] == c) continue;
            outline[length++] = c;
        }
        return new string(outline[..length]);
    }

    /// <summary>
    /// Two spellings of one word: same outline, same first letter and at most two edits apart. The edit guard keeps
    /// short words with a shared outline but different vowels apart when they differ a lot ("Mali" ≠ "Milo" needs 2,
    /// "Roma" = "Rome" is one).
    /// </summary>
    public static bool SameWord(string a, string b) => SameFoldedWord(Fold(a), Fold(b));

    /// <summary><see cref="SameWord"/> of two words given folded (<see cref="Fold"/>), for callers that fold each word once.</summary>
    public static bool SameFoldedWord(string fa, string fb)
    {
        if (fa == fb) return true;
        if (fa.Length < 4 || fb.Length < 4) return false;
        var sa = SkeletonOfFolded(fa);
        if (sa.Length < 2 || sa != SkeletonOfFolded(fb)) return false;
        return EditDistance(fa, fb) <= 2;
    }

    /// <summary>Two spellings of a multi-word name: the same number of words, each the same word.</summary>
    public static bool SameName(string a, string b)
    {
        if (Key(a) == Key(b)) return true;
        var wa = Words(a);
        var wb = Words(b);
        if (wa.Count != wb.Count) return false;
        for (var i = 0; i < wa.Count; i++)
        {
            if (!SameWord(wa[i], wb[i])) return false;
        }
        return true;
    }

    /// <summary>A lower-case, hyphenated identifier: "Volodymyr Zelensky" → "volodymyr-zelensky".</summary>
    public static string Slug(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in Fold(name))
        {
            if (char.IsLetterOrDigit(c)) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        return builder.ToString().TrimEnd('-');
    }

    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    public static bool StartsUpper(string word) => word.Length > 0 && char.IsUpper(word[0]);

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    // Invariant globalization is on, so Unicode normalisation is not available everywhere: fold Latin letters by table.
    private static char FoldChar(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'ā' or 'ă' or 'ą' => 'a',
        'ç' or 'ć' or 'č' or 'ĉ' => 'c',
        'ď' or 'đ' => 'd',
        'è' or 'é' or 'ê' or 'ë' or 'ē' or 'ė' or 'ę' or 'ě' => 'e',
        'ğ' or 'ģ' => 'g',
        'ì' or 'í' or 'î' or 'ï' or 'ī' or 'į' or 'ı' => 'i',
        'ķ' => 'k',
        'ł' or 'ľ' or 'ļ' or 'ĺ' => 'l',
        'ñ' or 'ń' or 'ň' or 'ņ' => 'n',
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'ō' or 'ő' => 'o',
        'ř' or 'ŕ' => 'r',
        'ś' or 'š' or 'ş' or 'ș' => 's',
        'ť' or 'ţ' or 'ț' => 't',
        'ù' or 'ú' or 'û' or 'ü' or 'ū' or 'ů' or 'ű' or 'ų' => 'u',
        'ý' or 'ÿ' => 'y',
        'ź' or 'ż' or 'ž' => 'z',
        '’' or '‘' or 'ʼ' => '\'',
        '–' or '—' or '‐' => '-',
        _ => c,
    };
}
