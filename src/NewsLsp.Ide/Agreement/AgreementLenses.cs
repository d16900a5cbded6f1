using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis.Agreement;

namespace NewsLsp.Ide;

/// <summary>An agreement count to show at a quote or number (as a code lens or an inlay hint): "3 sources · 1 differs".</summary>
public sealed record AgreementLens(TextSpan Span, string Label, string Kind);

/// <summary>Agreement counts for the quotes and numbers of one article that other sources also give.</summary>
public static class AgreementLenses
{
    public static IReadOnlyList<AgreementLens> For(WorkspaceSnapshot snapshot, DocumentKey document)
    {
        if (snapshot.GetArticle(document) is not { } article) return [];
        var index = snapshot.Get(AgreementQuery.Instance);
        var lenses = new List<AgreementLens>();
        foreach (var group in index.QuoteGroupsOf(document).Where(g => g.SourceCount > 1))
        {
            var label = group.Agreement == QuoteAgreement.Identical
                ? $"{group.SourceCount} sources · identical"
                : $"{group.SourceCount} sources · {group.DifferingSourceCount} differ{(group.DifferingSourceCount == 1 ? "s" : "")}";
            foreach (var variant in group.Variants.Where(v => v.Document == document)) lenses.Add(new AgreementLens(variant.SpanIn(article), label, "quote"));
        }
        foreach (var fact in index.NumberFactsOf(document).Where(f => f.SourceCount > 1))
        {
            var label = fact.Agreement == NumberAgreement.Agree
                ? $"{fact.SourceCount} sources · agree"
                : $"{fact.SourceCount} sources · {fact.Mentions.Select(m => m.Number.ValueText).Distinct().Count()} values";
            foreach (var mention in fact.Mentions.Where(m => m.Document == document)) lenses.Add(new AgreementLens(mention.SpanIn(article), label, "number"));
        }
        // One lens per span: a long quote in several groups shows each count once, in text order.
        return [.. lenses.GroupBy(l => (l.Span, l.Label)).Select(g => g.First()).OrderBy(l => l.Span.Start).ThenBy(l => l.Label, StringComparer.Ordinal)];
    }
}
