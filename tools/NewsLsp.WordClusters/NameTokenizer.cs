using System.Text;

namespace NewsLsp.WordClusters;

/// <summary>
/// Splits a name from a list ("Università degli Studi dell'Aquila") into KIND tokens: punctuation apart, an elided
/// article with its apostrophe as a token of its own ("dell'", "Aquila"), as the NER model sees running text.
/// </summary>
internal static class NameTokenizer
{
    public static List<string> Split(string name)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0) tokens.Add(current.ToString());
            current.Clear();
        }
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsWhiteSpace(c)) { Flush(); continue; }
            var apostrophe = c is '\'' or '\u2019';
            if (apostrophe && current.Length > 0 && i + 1 < name.Length && char.IsLetter(name[i + 1]))
            {
                current.Append(c);
                Flush();
                continue;
            }
            if (char.IsLetterOrDigit(c) || (c is '-' or '.' or '&' && current.Length > 0) || apostrophe)
            {
                current.Append(c);
                continue;
            }
            Flush();
            tokens.Add(c.ToString());
        }
        Flush();
        return tokens;
    }
}
