using System.Text;

namespace NewsLsp.Ide.Hover;

/// <summary>Small helpers for writing hover Markdown safely.</summary>
public static class Markdown
{
    private const string Special = "\\`*_[]<>|#~";

    /// <summary>Escapes characters Markdown would interpret, so a name or quote shows literally.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Special.Contains(c)) builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>A link whose label is escaped and whose target has spaces and parentheses percent-encoded.</summary>
    public static string Link(string label, string target) =>
        $"[{Escape(label)}]({target.Replace(" ", "%20").Replace("(", "%28").Replace(")", "%29")})";
}
