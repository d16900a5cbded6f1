using System.Collections.Immutable;
using NewsLsp.Analysis.Agreement;

namespace NewsLsp.Analysis;

/// <summary>NEWS021: a number that conflicts with what another source of the same event gives for the same claim.</summary>
public sealed class NumberConflictAnalyzer : CorpusAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "NEWS021", "Number conflicts with another source", "{0}", "Agreement", Severity.Warning);

    public override ImmutableArray<DiagnosticDescriptor> Descriptors => [Rule];

    public override void Analyze(CorpusAnalysisContext context)
    {
        var index = context.GetArticleScopedFact(AgreementQuery.Instance);
        foreach (var fact in index.NumberFactsOf(context.Document))
        {
            if (fact.Agreement != NumberAgreement.Conflict) continue;
            foreach (var mention in fact.Mentions.Where(m => m.Document == context.Document))
            {
                var conflicting = fact.Mentions.Where(o => o.Document != context.Document && !o.Number.AgreesWith(mention.Number)).ToList();
                if (conflicting.Count == 0) continue;
                // Bounded (AgreementFanOut): a figure repeated across a large event must not make every finding list all of it.
                var message = $"“{mention.Number.Text}” ({mention.Number.ValueText}) conflicts with " +
                              AgreementFanOut.Name(conflicting, o => $"“{o.Number.Text}” ({o.Number.ValueText}) in {o.Document}", ", ");
                // Other sources' spans are anchored by ordinal: this finding is reused while they are edited elsewhere.
                var related = conflicting.Take(AgreementFanOut.MaxRelated).Select(o => new ReportedLocation(o.Document, SpanOf(context, o), $"this source gives {o.Number.ValueText}",
                    new NumberAnchor(o.Ordinal))).ToImmutableArray();
                context.Report(Rule, mention.SpanIn(context.Article), message, related, []);
            }
        }
    }

    private static Microsoft.CodeAnalysis.Text.TextSpan SpanOf(CorpusAnalysisContext context, NumberFactMention mention) =>
        context.GetArticle(mention.Document) is { } article ? mention.SpanIn(article) : default;
}
