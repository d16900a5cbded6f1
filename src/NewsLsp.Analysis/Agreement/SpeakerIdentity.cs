using System.Collections.Concurrent;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// Turns a speaker's name, as one article gives it, into an identity shared across articles. The default works on
/// names alone; an entity-linking implementation returns linked entity ids.
/// </summary>
public interface ISpeakerIdentity
{
    /// <summary>The identity of <paramref name="speaker"/> as named in <paramref name="document"/>, or null.</summary>
    string? IdOf(DocumentKey document, string speaker);
}

/// <summary>
/// Identity by name: a slug of the name with its inflection folded (<c>Volodymyr Zelenskyy</c> and
/// <c>Volodymyr Zelensky</c> become <c>volodymyr-zelensky</c>). Surname-only names stay surname slugs.
/// </summary>
public sealed class NameSpeakerIdentity : ISpeakerIdentity
{
    public static NameSpeakerIdentity Instance { get; } = new();

    public string? IdOf(DocumentKey document, string speaker) => Slug(speaker);

    // Slugs by name: an event's quote groups ask for the same few speakers each time the event is re-aligned, and
    // folding a name makes a dozen strings. Emptied when it outgrows MaxRemembered (a name typed letter by letter
    // leaves each prefix).
    private static readonly ConcurrentDictionary<string, string> Remembered = new(StringComparer.Ordinal);
    private const int MaxRemembered = 4096;

    public static string Slug(string name)
    {
        if (Remembered.TryGetValue(name, out var slug)) return slug;
        slug = SlugOf(name);
        if (Remembered.Count >= MaxRemembered) Remembered.Clear();
        Remembered[name] = slug;
        return slug;
    }

    private static string SlugOf(string name)
    {
        var parts = name.Split([' ', '-', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Fold(ItalianWords.Normalize(p).Normalize(System.Text.NormalizationForm.FormD)));
        return string.Join('-', parts.Where(p => p.Length > 0));
    }

    private static string Fold(string decomposed)
    {
        var letters = new System.Text.StringBuilder();
        foreach (var c in decomposed)
        {
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) letters.Append(c);
        }
        // Transliterations differ in a doubled final letter (Zelenskyy, Zelensky).
        if (letters.Length >= 3 && letters[^1] == letters[^2]) letters.Length--;
        return letters.ToString();
    }
}
