namespace NewsLsp.Ner;

/// <summary>
/// Orthographic shape of a token (Xxxx, XX, dd, X.X., mixed). Why: unseen names share shapes with seen ones,
/// and capitalisation is the strongest single cue for Italian proper names.
/// </summary>
internal static class WordShape
{
    /// <summary>Shape with runs longer than four characters cut ("Roma" → Xxxx, "Mattarella" → Xxxx).</summary>
    public static ulong Long(ReadOnlySpan<char> text)
    {
        ulong hash = 17;
        var previous = '\0';
        var run = 0;
        foreach (var raw in text)
        {
            var c = Classify(raw);
            run = c == previous ? run + 1 : 1;
            previous = c;
            if (run <= 4) hash = FeatureHash.Combine(hash, c);
        }
        return hash;
    }

    /// <summary>Shape with every run collapsed to one character ("Roma" → Xx, "ONU" → X, "2024" → d).</summary>
    public static ulong Short(ReadOnlySpan<char> text)
    {
        ulong hash = 23;
        var previous = '\0';
        foreach (var raw in text)
        {
            var c = Classify(raw);
            if (c == previous) continue;
            previous = c;
            hash = FeatureHash.Combine(hash, c);
        }
        return hash;
    }

    private static char Classify(char c)
    {
        if (char.IsUpper(c)) return 'X';
        if (char.IsLower(c)) return 'x';
        if (char.IsDigit(c)) return 'd';
        if (char.IsLetter(c)) return 'x';
        return FeatureHash.NormaliseApostrophe(c);
    }
}
