namespace NewsLsp.Ner;

/// <summary>
/// Reads `token` or `token&lt;TAB&gt;tag[&lt;TAB&gt;...]` lines with a blank line between sentences (the KIND format).
/// A line without a tab gets the tag O, so untagged input reads the same way.
/// </summary>
public static class ConllReader
{
    public static IEnumerable<ConllSentence> Read(TextReader reader)
    {
        var tokens = new List<string>();
        var tags = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.EndsWith('\r')) line = line[..^1];
            if (line.Length == 0)
            {
                if (tokens.Count > 0)
                {
                    yield return new ConllSentence(tokens.ToArray(), tags.ToArray());
                    tokens.Clear();
                    tags.Clear();
                }
                continue;
            }
            var tab = line.IndexOf('\t');
            if (tab < 0)
            {
                tokens.Add(line);
                tags.Add(NerTags.Outside);
            }
            else
            {
                tokens.Add(line[..tab]);
                var nextTab = line.IndexOf('\t', tab + 1);
                tags.Add(nextTab < 0 ? line[(tab + 1)..] : line[(tab + 1)..nextTab]);
            }
        }
        if (tokens.Count > 0) yield return new ConllSentence(tokens.ToArray(), tags.ToArray());
    }

    public static IReadOnlyList<ConllSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader).ToList();
    }
}
