using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Analysis.Entities;

/// <summary>
/// One occurrence of a name in an article: its exact span (UTF-16 offsets into the article text), the text there,
/// its type, and the role the article gives it right there ("il cancelliere tedesco Friedrich Merz"), if any.
/// </summary>
public sealed record EntityMention(TextSpan Span, string Text, EntityType Type, string? Role)
{
    /// <summary>Multi-word person names ("Volodymyr Zelensky") introduce a person; a lone surname refers back.</summary>
    public bool IsFullName => NameForms.Words(Text).Count > 1;
}
