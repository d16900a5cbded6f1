using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NewsLsp.Syntax;
using NewsLsp.Text;

namespace NewsLsp.Analysis;

/// <summary>
/// NEWS003: a promotional or navigational line carried over from a web page (newsletter sign-ups, "leggi anche",
/// copyright notices, social follow prompts), in Italian or English. Only short lines are considered, so a
/// paragraph that merely mentions a newsletter is left alone. The fix deletes the line.
/// </summary>
public sealed partial class BoilerplateAnalyzer : ArticleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "NEWS003", "Promotional boilerplate", "promotional line carried over from the source page: '{0}'", "Content", Severity.Warning);

    private const int MaxWords = 25;

    public override ImmutableArray<DiagnosticDescriptor> Descriptors => [Rule];

    [GeneratedRegex("""
        \b(iscriviti|iscrivetevi|sblocca|ricevi|abbonati|registrati|unlock|subscribe|sign\s+up)\b.*\bnewsletter\b
        | \bnewsletter\b.*\b(gratis|gratuitamente|gratuita|for\s+free|iscriviti|subscribe)\b
        | ^\W*(leggi|leggete)\s+(anche|tutto|di\s+più|l['’]articolo)\b
        | ^\W*(continua\s+a\s+leggere|clicca\s+qui|read\s+more|continue\s+reading|click\s+here)\b
        | \b(scarica|download)\s+(la\s+nostra\s+|our\s+)?(app|l['’]app)\b
        | \bsegui(ci|teci)?\s+(su|on)\s+(facebook|twitter|instagram|telegram|whatsapp|google\s+news|x|youtube|tiktok|linkedin)\b
        | \b(riproduzione\s+riservata|tutti\s+i\s+diritti\s+riservati|all\s+rights\s+reserved)\b
        | ^\W*(abbonati|abbonatevi|subscribe)\s+(ora|subito|a|al|alla|now|today)\b
        | ^\W*(contenuto\s+sponsorizzato|sponsored\s+content|pubblicità|advertisement)\W*$
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Promotional();

    public override void Analyze(ArticleAnalysisContext context)
    {
        var text = context.Article.Text;
        foreach (var block in context.Syntax.ProseBlocks)
        {
            if (block.Tokens.Count(t => t.Kind == TokenKind.Word) > MaxWords) continue;
            if (!Promotional().IsMatch(block.Chars)) continue;
            var lines = LineMap.Of(text);
            var fix = new ReportedFix("Delete this line",
                [new ReportedEdit(context.Document, lines.SpanIncludingLineBreak(lines.LineOf(block.Start)), "")], IsPreferred: true);
            context.Report(Rule, block.Span, Rule.FormatMessage(block.Chars.Trim().ToString()), [], [fix]);
        }
    }
}
