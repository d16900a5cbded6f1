namespace NewsLsp.Syntax;

/// <summary>What a line of an article is. Articles are line-oriented: every non-blank line is one block.</summary>
public enum BlockKind
{
    /// <summary>The first non-blank line.</summary>
    Headline,
    Paragraph,
    /// <summary>A Markdown image on a line of its own: <c>![alt](url)</c>.</summary>
    Image,
    /// <summary>Anything that is not prose: an HTML comment (suppressions live there), a rule line, a code fence.</summary>
    Other,
}
