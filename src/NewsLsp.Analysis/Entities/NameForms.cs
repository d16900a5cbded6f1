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
    // Words up to this long are folded and outlined in stack buffers; names are far shorter.
    private const int StackWord = 64;

    /// <summary>The words of a name; hyphenated words stay whole ("Jean-Noël").</summary>
    public static IReadOnlyList<string> Words(string name) =>
        name.Split([' ', '\u00A0', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The next of the <see cref="Words"/> of <paramref name="name"/> at or after <paramref name="start"/>: moves
    /// <paramref name="start"/> to its first character and returns its length, or 0 when no word is left.
    /// </summary>
    internal static int NextWord(string name, ref int start)
    {
        while (start < name.Length && IsWordSeparator(name[start])) start++;
        var end = start;
        while (end < name.Length && !IsWordSeparator(name[end])) end++;
        return end - start;
    }

    // The characters Words splits at.
    private static bool IsWordSeparator(char c) => c is ' ' or '\u00A0' or '\t';

    /// <summary>Lower case, diacritics removed, typographic apostrophes made straight.</summary>
    public static string Fold(string text)
    {
        // Most words compared are already folded (every lower-case word): those come back as they are, not copied.
        var i = 0;
        while (i < text.Length && FoldChar(char.ToLowerInvariant(text[i])) == text[i]) i++;
        if (i == text.Length) return text;
        return string.Create(text.Length, text, static (folded, text) => FoldInto(text, folded));
    }

    // Folding maps each character to one character, so the folded text is as long as the text.
    internal static void FoldInto(ReadOnlySpan<char> text, Span<char> folded)
    {
        for (var i = 0; i < text.Length; i++) folded[i] = FoldChar(char.ToLowerInvariant(text[i]));
    }

    /// <summary>The folded name with every run of spaces and hyphens made one space: the identity of a surface form.</summary>
    public static string Key(string name)
    {
        // Folded and joined in one pass on the stack (every mention of every edited article is looked up by its key):
        // one string instead of the folded copy, the split array, its parts and the join.
        Span<char> key = name.Length <= StackWord ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        var separated = false;
        foreach (var c in name)
        {
            var folded = FoldChar(char.ToLowerInvariant(c));
            if (folded is ' ' or '-' or '\u00A0')
            {
                separated = length > 0;
                continue;
            }
            if (separated) key[length++] = ' ';
            separated = false;
            key[length++] = folded;
        }
        return new string(key[..length]);
    }

    /// <summary>
    /// The consonant outline of one word: first letter kept, later vowels dropped, romanisation variants unified,
    /// repeated letters collapsed.
    /// </summary>
    public static string Skeleton(string word)
    {
        Span<char> folded = word.Length <= StackWord ? stackalloc char[word.Length] : new char[word.Length];
        FoldInto(word, folded);
        Span<char> outline = word.Length <= StackWord ? stackalloc char[word.Length] : new char[word.Length];
        return new string(outline[..OutlineInto(folded, outline)]);
    }

    // The outline of a folded word; returns its length (never longer than the word): its unified spelling with every
    // vowel but a first one dropped and repeats written once. Compacted in place: the outline never overtakes the
    // unified letters still to be read.
    private static int OutlineInto(ReadOnlySpan<char> folded, Span<char> outline)
    {
        var unified = UnifyInto(folded, outline);
        var length = 0;
        for (var i = 0; i < unified; i++)
        {
            var c = outline[i];
            if (length > 0 && IsVowel(c)) continue;
            if (length > 0 && outline[length - 1] == c) continue;
            outline[length++] = c;
        }
        return length;
    }

    /// <summary>
    /// Two spellings of one word: the same outline (so the same first letter), and close once romanisation variants
    /// are unified (<see cref="UnifyInto"/>): one edit apart, two for words of eight letters or more, where putting one
    /// vowel for another counts two — "Kiev"/"Kyiv", "Mahmud"/"Mahmoud", "Zelensky"/"Zelenskyy" are one word, while
    /// Italian words that differ in a vowel are different words ("Camera"/"Camorra", "Lega"/"Liga", "Taranto"/"Trento",
    /// "Milano"/"Melanie"). Nor is a word the same as itself with another final vowel, or with one more: Italian
    /// endings mark gender and number ("Francesca"/"Francesco", "Tunisi"/"Tunisia", "Simone"/"Simon").
    /// </summary>
    public static bool SameWord(string a, string b)
    {
        // Hot: linking and NEWS010/011 compare many pairs of words, so the forms are built on the stack, not as strings.
        if (a.Length > StackWord || b.Length > StackWord) return SameFoldedWord(Fold(a), Fold(b));
        Span<char> fa = stackalloc char[a.Length];
        Span<char> fb = stackalloc char[b.Length];
        FoldInto(a, fa);
        FoldInto(b, fb);
        return SameFoldedWord(fa, fb);
    }

    /// <summary><see cref="SameWord"/> of two words given folded (<see cref="Fold"/>), for callers that fold each word once.</summary>
    public static bool SameFoldedWord(ReadOnlySpan<char> fa, ReadOnlySpan<char> fb)
    {
        if (fa.SequenceEqual(fb)) return true;
        if (fa.Length < 4 || fb.Length < 4) return false;
        // An outline starts with the word's first unified letter: most pairs of different words differ there, and are
        // told apart without outlining both.
        if (FirstUnifiedLetter(fa) != FirstUnifiedLetter(fb)) return false;
        Span<char> sa = fa.Length <= StackWord ? stackalloc char[fa.Length] : new char[fa.Length];
        Span<char> sb = fb.Length <= StackWord ? stackalloc char[fb.Length] : new char[fb.Length];
        var la = OutlineInto(fa, sa);
        if (la < 2 || !sa[..la].SequenceEqual(sb[..OutlineInto(fb, sb)])) return false;
        Span<char> ua = fa.Length <= StackWord ? stackalloc char[fa.Length] : new char[fa.Length];
        Span<char> ub = fb.Length <= StackWord ? stackalloc char[fb.Length] : new char[fb.Length];
        ua = ua[..UnifyInto(fa, ua)];
        ub = ub[..UnifyInto(fb, ub)];
        if (ua.SequenceEqual(ub)) return true;
        if (DifferInEnding(ua, ub)) return false;
        return SpellingDistance(ua, ub) <= (Math.Min(ua.Length, ub.Length) >= 8 ? 2 : 1);
    }

    // The letters of a folded word with romanisation variants unified (ph → f, ck → k, w → v, y → i) and repeated
    // letters written once, vowels kept: "zelenskyy" → "zelenski", "kyiv" → "kiv". Returns its length. One pass:
    // "ph" → f and "ck" → k cannot create or break each other's pairs, nor w → v and y → i, so replacing them as the
    // pass meets them equals replacing them in turn.
    private static int UnifyInto(ReadOnlySpan<char> folded, Span<char> unified)
    {
        var length = 0;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (c == 'p' && i + 1 < folded.Length && folded[i + 1] == 'h') { c = 'f'; i++; }
            else if (c == 'c' && i + 1 < folded.Length && folded[i + 1] == 'k') { c = 'k'; i++; }
            else if (c == 'w') c = 'v';
            else if (c == 'y') c = 'i';
            if (!char.IsLetterOrDigit(c)) continue;
            if (length > 0 && unified[length - 1] == c) continue;
            unified[length++] = c;
        }
        return length;
    }

    // The first letter UnifyInto writes (the first of the outline), or '\0' when it writes none.
    private static char FirstUnifiedLetter(ReadOnlySpan<char> folded)
    {
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (c == 'p' && i + 1 < folded.Length && folded[i + 1] == 'h') c = 'f';
            else if (c == 'c' && i + 1 < folded.Length && folded[i + 1] == 'k') c = 'k';
            else if (c == 'w') c = 'v';
            else if (c == 'y') c = 'i';
            if (char.IsLetterOrDigit(c)) return c;
        }
        return '\0';
    }

    // One word is the other with another final vowel, or with one more final vowel: an Italian ending.
    private static bool DifferInEnding(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == b.Length) return IsVowel(a[^1]) && IsVowel(b[^1]) && a[..^1].SequenceEqual(b[..^1]);
        return a.Length < b.Length ? IsWithFinalVowel(b, a) : IsWithFinalVowel(a, b);
    }

    private static bool IsWithFinalVowel(ReadOnlySpan<char> longer, ReadOnlySpan<char> shorter) =>
        longer.Length == shorter.Length + 1 && IsVowel(longer[^1]) && longer.StartsWith(shorter);

    // Edit distance in which putting one vowel for another costs two (as much as removing one and adding the other).
    private static int SpellingDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        Span<int> previous = b.Length < StackWord ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < StackWord ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var x = a[i - 1];
                var y = b[j - 1];
                var substitution = previous[j - 1] + (x == y ? 0 : IsVowel(x) && IsVowel(y) ? 2 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.Length];
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
