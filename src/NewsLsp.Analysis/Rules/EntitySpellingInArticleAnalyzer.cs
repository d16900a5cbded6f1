using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis.Entities;

namespace NewsLsp.Analysis;

/// <summary>
/// NEWS010: one entity spelled two ways in one article ("Zelenskyy" and "Zelensky", "NATO" and "Nato"). Reported on
/// each word in a minority spelling; quick fixes: the article's dominant spelling (preferred) or the spelling of the
/// entity's canonical name when that differs.
/// </summary>
public sealed class EntitySpellingInArticleAnalyzer : CorpusAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "NEWS010", "Entity spelled two ways in one article", "'{0}' is spelled '{1}' elsewhere in this article", "Entities", Severity.Warning);

    public override ImmutableArray<DiagnosticDescriptor> Descriptors => [Rule];

    public override void Analyze(CorpusAnalysisContext context)
    {
        var linked = context.GetArticleScopedFact(EntityLinkingQuery.For(context.Knowledge));
        foreach (var entry in EntityWordsInArticle.Of(context.Article, linked))
        {
            foreach (var group in SpellingVariants.Groups(entry.Words, entry.Folded))
            {
                var dominant = SpellingVariants.Dominant(group);
                var canonicalWord = NameForms.Words(entry.Entity.Canonical).FirstOrDefault(w => NameForms.SameWord(w, dominant));
                var first = group.First(w => w.Word == dominant);
                foreach (var word in group.Where(w => w.Word != dominant))
                {
                    var span = new TextSpan(word.Offset, word.Word.Length);
                    var fixes = ImmutableArray.CreateBuilder<ReportedFix>();
                    fixes.Add(new ReportedFix($"Use '{dominant}' as elsewhere in this article", [new ReportedEdit(context.Document, span, dominant)], IsPreferred: true));
                    if (canonicalWord is not null && canonicalWord != dominant && canonicalWord != word.Word)
                        fixes.Add(new ReportedFix($"Use the canonical spelling '{canonicalWord}'", [new ReportedEdit(context.Document, span, canonicalWord)]));
                    context.Report(Rule, span, Rule.FormatMessage(word.Word, dominant),
                        [new ReportedLocation(context.Document, new TextSpan(first.Offset, first.Word.Length), $"spelled '{dominant}' here")],
                        fixes.ToImmutable());
                }
            }
        }
    }
}
