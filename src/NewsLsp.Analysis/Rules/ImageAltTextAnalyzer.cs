using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace NewsLsp.Analysis;

/// <summary>
/// NEWS004: a Markdown image whose alt text is missing or says nothing about the picture: a generic word
/// ("Immagine", "image", "foto"), a file name, or a bare number. Screen readers and search read the alt text.
/// </summary>
public sealed partial class ImageAltTextAnalyzer : ArticleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "NEWS004", "Non-descriptive image alt text", "{0}", "Accessibility", Severity.Warning);

    private static readonly HashSet<string> GenericWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "immagine", "immagini", "image", "images", "img", "foto", "fotografia", "photo", "picture", "pic",
        "figura", "figure", "screenshot", "grafico", "chart", "copertina", "cover", "thumbnail", "anteprima",
        "untitled", "senza titolo", "alt", "alt text", "banner", "logo", "icona", "icon", "video", "gallery", "galleria",
    };

    [GeneratedRegex(@"^[\w\-. ]+\.(jpe?g|png|gif|webp|svg|bmp|tiff?|avif|heic)$|^(img|dsc|pxl|photo)[_\-]?\d+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileName();

    public override ImmutableArray<DiagnosticDescriptor> Descriptors => [Rule];

    public override void Analyze(ArticleAnalysisContext context)
    {
        foreach (var block in context.Syntax.Blocks)
        {
            if (block.Content.Image is not { } image) continue;
            var alt = image.Alt.Trim();
            var problem = alt.Length == 0 ? "image has no alt text"
                : GenericWords.Contains(alt.Trim('.', ':', ' ')) ? $"image alt text '{alt}' is generic"
                : FileName().IsMatch(alt) ? $"image alt text '{alt}' is a file name"
                : alt.All(c => char.IsDigit(c) || char.IsPunctuation(c) || char.IsWhiteSpace(c)) ? $"image alt text '{alt}' is only a number"
                : null;
            if (problem is null) continue;
            context.Report(Rule, block.Span, problem + "; describe what the picture shows");
        }
    }
}
