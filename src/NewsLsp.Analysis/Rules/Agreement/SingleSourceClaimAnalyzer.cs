using System.Collections.Immutable;
using NewsLsp.Analysis.Agreement;

namespace NewsLsp.Analysis;

/// <summary>
/// NEWS022: a number or a quoted statement that only this source gives, although other sources cover the same event.
/// A hint by default; raise it (or turn it off) in newslsp.json.
/// </summary>
public sealed class SingleSourceClaimAnalyzer : CorpusAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "NEWS022", "Claim only this source makes", "{0}", "Agreement", Severity.Hint);

    public override ImmutableArray<DiagnosticDescriptor> Descriptors => [Rule];

    public override void Analyze(CorpusAnalysisContext context)
    {
        var index = context.GetArticleScopedFact(AgreementQuery.Instance);
        var @event = index.EventOf(context.Document);
        if (@event is null || !@event.IsMultiSource) return;
        var others = @event.Documents.Length - 1;
        var related = @event.Documents.Where(d => d != context.Document).Take(AgreementFanOut.MaxRelated)
            .Select(d => new ReportedLocation(d, new Microsoft.CodeAnalysis.Text.TextSpan(0, 0), "another source of the same event")).ToImmutableArray();
        foreach (var fact in index.NumberFactsOf(context.Document))
        {
            if (fact.Agreement != NumberAgreement.SingleSource) continue;
            var first = fact.Mentions[0];
            context.Report(Rule, first.SpanIn(context.Article), $"only this source gives “{first.Number.Text}”; the {others} other source(s) of the event do not", related, []);
        }
        foreach (var group in index.QuoteGroupsOf(context.Document))
        {
            if (group.Agreement != QuoteAgreement.SingleSource) continue;
            var first = group.Variants[0];
            if (!first.Quote.IsStatement) continue;
            context.Report(Rule, first.SpanIn(context.Article), $"only this source quotes this statement; the {others} other source(s) of the event do not", related, []);
        }
    }
}
