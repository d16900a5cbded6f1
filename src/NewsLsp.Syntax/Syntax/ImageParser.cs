using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Syntax;

/// <summary>Recognises a line that is a Markdown image, <c>![alt](url "title")</c>, and nothing else.</summary>
public static partial class ImageParser
{
    [GeneratedRegex("""^\s*!\[(?<alt>[^\]]*)\]\(\s*(?<url><[^>]*>|[^)\s]*)(\s+"[^"]*")?\s*\)\s*$""")]
    private static partial Regex ImageLine();

    public static ImageSyntax? TryParse(string line)
    {
        if (line.IndexOf("![", StringComparison.Ordinal) < 0) return null;
        var match = ImageLine().Match(line);
        if (!match.Success) return null;
        var alt = match.Groups["alt"];
        var url = match.Groups["url"];
        return new ImageSyntax(new TextSpan(alt.Index, alt.Length), alt.Value, new TextSpan(url.Index, url.Length), url.Value);
    }
}
