namespace NewsLsp.Analysis.Entities;

/// <summary>
/// Italian weekday and month names. Written with a capital at a sentence start ("Martedì, il Pentagono…") the
/// model can take them for names; they never are entities on their own.
/// </summary>
internal static class CalendarWords
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
        "settembre", "ottobre", "novembre", "dicembre",
    };

    public static bool Contains(string word) => Words.Contains(word);
}
