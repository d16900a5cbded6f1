using System.Collections.Immutable;
using NewsLsp.Analysis.Agreement;

namespace NewsLsp.Analysis;

/// <summary>NEWS020: a quote worded differently than in another source; the message names the differing words.</summary>
public sealed class QuoteVariantAnalyzer : CorpusAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "NEWS020", "Quote worded differently in another source", "{0}", "Agreement", Severity.Information);

    public override ImmutableArray<DiagnosticDescriptor> Descriptors => [Rule];

    public override void Analyze(CorpusAnalysisContext context)
    {
        var index = context.GetArticleScopedFact(AgreementQuery.Instance);
        foreach (var group in index.QuoteGroupsOf(context.Document))
        {
            if (group.Agreement != QuoteAgreement.Variant) continue;
            var others = group.Variants.Where(v => v.Document != context.Document).ToList();
            // Described only when named (AgreementFanOut names a few): a large event has hundreds of renderings.
            var differing = others.Where(o => !o.Differing.IsEmpty).ToList();
            var sources = others.Select(o => o.Document).Distinct().Count();
            foreach (var variant in group.Variants.Where(v => v.Document == context.Document && !v.Differing.IsEmpty))
            {
                var here = string.Join(", ", variant.DifferingWords.Select(w => $"“{w}”"));
                // Bounded (AgreementFanOut): the renderings of a large event are named and pointed at only in part.
                var message = differing.Count > 0
                    ? $"quote worded differently than in {sources} other source(s): {here} here; {AgreementFanOut.Name(differing, o => $"{string.Join(", ", o.DifferingWords.Select(w => $"“{w}”"))} in {o.Document}", "; ")}"
                    : $"quote worded differently than in {sources} other source(s): {here} here";
                // Differing renderings first: they are what the message is about.
                var related = others.OrderBy(o => o.Differing.IsEmpty).Take(AgreementFanOut.MaxRelated).Select(o => new ReportedLocation(o.Document, SpanOf(context, o),
                    o.Differing.IsEmpty ? "the same statement as quoted here" : "as quoted here: " + string.Join(", ", o.DifferingWords.Select(w => $"“{w}”")),
                    new QuoteAnchor(o.Ordinal))).ToImmutableArray();
                context.Report(Rule, variant.SpanIn(context.Article), message, related, []);
            }
        }
    }

    private static Microsoft.CodeAnalysis.Text.TextSpan SpanOf(CorpusAnalysisContext context, QuoteVariant variant) =>
        context.GetArticle(variant.Document) is { } article ? variant.SpanIn(article) : default;
}
