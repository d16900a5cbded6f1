namespace NewsLsp.Syntax;

/// <summary>Italian (and common English) abbreviations after which a full stop does not end a sentence.</summary>
public static class Abbreviations
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "sig", "sigg", "sigra", "dott", "dr", "prof", "ing", "avv", "on", "sen", "gen", "col", "cap", "mons",
        "ss", "pp", "ecc", "etc", "es", "cfr", "vs", "nr", "art", "artt", "tel", "fig", "pag", "cit", "ca",
        "st", "mr", "mrs", "ms", "jr", "sr", "spa", "srl", "mln", "mld", "min", "max", "geom", "rag", "arch",
        "rev", "card", "div", "amm", "magg", "ten", "lt", "sgt", "nn", "vol", "cap", "sez", "co",
    };

    /// <summary>True when a full stop after <paramref name="word"/> belongs to the word.</summary>
    public static bool IsAbbreviation(ReadOnlySpan<char> word)
    {
        // A single capital is an initial ("John F. Kennedy").
        if (word.Length == 1 && char.IsUpper(word[0])) return true;
        return Known.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }
}
