using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis.Entities;

namespace NewsLsp.Analysis;

/// <summary>
/// NEWS012: a person is introduced by surname alone and no source gives the full name ("il portavoce del Cremlino
/// Peskov"), so a reader cannot tell who is meant. Headlines are exempt (they name people by surname by
/// convention); a person whose full name any article gives is known to the corpus and not reported. When the
/// knowledge file declares the full name, the quick fix writes it.
/// </summary>
public sealed class SurnameOnlyFirstMentionAnalyzer : CorpusAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "NEWS012", "Person introduced by surname only", "'{0}' is introduced by one name only, and no article gives the full name", "Entities", Severity.Information);

    public override ImmutableArray<DiagnosticDescriptor> Descriptors => [Rule];

    // Without a title in front, a name right after a preposition or article ("droni di Kamikaze", "su Truth",
    // "l'intera Alleanza") is more often a thing the model took for a person than a person's introduction.
    private static bool FollowsPreposition(CorpusAnalysisContext context, EntityOccurrence occurrence)
    {
        var text = context.Article.Text;
        var end = occurrence.Span.Start;
        while (end > 0 && text[end - 1] == ' ') end--;
        var start = end;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] is '\'' or '’')) start--;
        var previous = text.ToString(TextSpan.FromBounds(start, end)).ToLowerInvariant();
        return previous.EndsWith('\'') || previous.EndsWith('’') || previous is
            "di" or "a" or "da" or "in" or "con" or "su" or "per" or "tra" or "fra" or "via" or "il" or "lo" or "la" or "i" or "gli" or "le" or
            "del" or "dello" or "della" or "dei" or "degli" or "delle" or "al" or "alla" or "dal" or "dalla" or "nel" or "nella" or "sul" or "sulla";
    }

    public override void Analyze(CorpusAnalysisContext context)
    {
        var linked = context.GetArticleScopedFact(EntityLinkingQuery.For(context.Knowledge));
        var headline = context.Syntax.Headline?.Span;
        var firstMentions = EntityWordsInArticle.OccurrencesOf(context.Article, linked)
            .Where(o => o.Entity.Type == EntityType.Person && !(headline is { } h && h.Contains(o.Span.Start)))
            .GroupBy(o => o.Entity.Id)
            .Select(g => g.First());
        foreach (var first in firstMentions)
        {
            if (first.Mention.IsFullName || first.Entity.Aliases.Any(a => NameForms.Words(a).Count > 1)) continue;
            if (first.Mention.Role is null && FollowsPreposition(context, first)) continue;
            var canonical = first.Entity.Canonical;
            ImmutableArray<ReportedFix> fixes = NameForms.Words(canonical).Count > 1
                ? [new ReportedFix($"Introduce '{canonical}' by full name", [new ReportedEdit(context.Document, first.Span, canonical)], IsPreferred: true)]
                : [];
            context.Report(Rule, first.Span, Rule.FormatMessage(first.Mention.Text), [], fixes);
        }
    }
}
