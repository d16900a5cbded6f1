namespace NewsLsp.Analysis.Entities;

/// <summary>
/// Word-level spelling differences between mentions of one entity: "Zelenskyy"/"Zelensky", "Kyiv"/"Kiev",
/// "NATO"/"Nato". Surname versus full name is not a spelling difference; only words that are the same word
/// (<see cref="NameForms.SameWord"/>) written differently are.
/// </summary>
public static class SpellingVariants
{
    /// <summary>A word of a mention and where it is inside the mention's text.</summary>
    public readonly record struct MentionWord(EntityOccurrence Occurrence, string Word, int Offset);

    public static IEnumerable<MentionWord> Words(EntityOccurrence occurrence)
    {
        var text = occurrence.Mention.Text;
        var i = 0;
        foreach (var word in NameForms.Words(text))
        {
            i = text.IndexOf(word, i, StringComparison.Ordinal);
            yield return new MentionWord(occurrence, word, occurrence.Span.Start + i);
            i += word.Length;
        }
    }

    /// <summary>Groups words that are one word spelled in different ways; only groups with two or more spellings.</summary>
    public static IEnumerable<List<MentionWord>> Groups(IEnumerable<MentionWord> words)
    {
        var groups = new List<List<MentionWord>>();
        // Each group's first word folded once, not on every comparison.
        var foldedFirsts = new List<string>();
        foreach (var word in words)
        {
            var folded = NameForms.Fold(word.Word);
            var index = foldedFirsts.FindIndex(first => NameForms.SameFoldedWord(first, folded));
            if (index < 0)
            {
                groups.Add([word]);
                foldedFirsts.Add(folded);
            }
            else groups[index].Add(word);
        }
        return groups.Where(g => g.Exists(w => w.Word != g[0].Word));
    }

    /// <summary>The spelling a group uses most; ties go to the first used.</summary>
    public static string Dominant(List<MentionWord> group) =>
        group.GroupBy(w => w.Word, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().Key;
}
