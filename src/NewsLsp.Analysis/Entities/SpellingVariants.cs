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
        var words = new List<MentionWord>();
        AddWords(occurrence, words);
        return words;
    }

    /// <summary>The words of <paramref name="occurrence"/>, appended to <paramref name="words"/>.</summary>
    internal static void AddWords(EntityOccurrence occurrence, List<MentionWord> words)
    {
        // The words of NameForms.Words, found in place: each is looked up by its characters, so no array and no copy
        // of a word already shared is made (this runs for every mention of the edited article on every keystroke).
        var text = occurrence.Mention.Text;
        var start = 0;
        while (NameForms.NextWord(text, ref start) is var length && length > 0)
        {
            // A word as long as the mention is the mention's text itself.
            words.Add(new MentionWord(occurrence, Agreement.SharedStrings.Share(text.AsSpan(start, length), whole: text), occurrence.Span.Start + start));
            start += length;
        }
    }

    /// <summary>Groups words that are one word spelled in different ways; only groups with two or more spellings.</summary>
    public static IEnumerable<List<MentionWord>> Groups(IEnumerable<MentionWord> words)
    {
        var list = words.ToList();
        return Groups(list, [.. list.Select(w => NameForms.Fold(w.Word))]);
    }

    /// <summary>
    /// <see cref="Groups(IEnumerable{MentionWord})"/> of words already folded (<paramref name="folded"/> is parallel to
    /// <paramref name="words"/>). Each word joins the first group whose first word is the same word. Groups are kept as
    /// the index of each word's group, and lists are made only for the groups returned: almost every entity of an
    /// article is spelled one way, and this runs on every keystroke.
    /// </summary>
    internal static List<List<MentionWord>> Groups(IReadOnlyList<MentionWord> words, IReadOnlyList<string> folded)
    {
        var count = words.Count;
        Span<int> groupOf = count <= 256 ? stackalloc int[count] : new int[count];
        Span<int> firstOf = count <= 256 ? stackalloc int[count] : new int[count]; // each group's first word
        Span<bool> mixed = count <= 256 ? stackalloc bool[count] : new bool[count]; // the group has a second spelling
        var groups = 0;
        for (var i = 0; i < count; i++)
        {
            var group = 0;
            while (group < groups && !NameForms.SameFoldedWord(folded[firstOf[group]], folded[i])) group++;
            if (group == groups)
            {
                firstOf[groups] = i;
                mixed[groups] = false;
                groups++;
            }
            else if (!mixed[group] && words[i].Word != words[firstOf[group]].Word) mixed[group] = true;
            groupOf[i] = group;
        }
        var result = new List<List<MentionWord>>();
        for (var group = 0; group < groups; group++)
        {
            if (!mixed[group]) continue;
            var members = new List<MentionWord>();
            for (var i = firstOf[group]; i < count; i++)
            {
                if (groupOf[i] == group) members.Add(words[i]);
            }
            result.Add(members);
        }
        return result;
    }

    /// <summary>The spelling a group uses most; ties go to the first used.</summary>
    public static string Dominant(List<MentionWord> group) =>
        group.GroupBy(w => w.Word, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().Key;
}
