using System.Text;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis.Agreement;
using NewsLsp.Ide.Hover;

namespace NewsLsp.Ide;

/// <summary>
/// Hover on a quote or a number: every source's rendering side by side (a Markdown table), differing words in bold,
/// with the agreement verdict.
/// </summary>
public sealed class AgreementHoverProvider : IHoverProvider
{
    public IEnumerable<HoverSection> GetSections(HoverRequest request, CancellationToken cancellationToken)
    {
        var (snapshot, document, offset) = (request.Snapshot, request.Document, request.Offset);
        if (snapshot.GetArticle(document) is not { } article) yield break;
        var index = snapshot.Get(AgreementQuery.Instance);
        var group = index.QuoteGroupsOf(document)
            .SelectMany(g => g.Variants.Where(v => v.Document == document).Select(v => (Group: g, Span: v.SpanIn(article))))
            .FirstOrDefault(g => Contains(g.Span, offset));
        if (group.Group is not null)
            yield return new HoverSection(HoverOrder.Quote, QuoteMarkdown(group.Group, EntitySpeakerIdentity.For(snapshot)), group.Span);

        var fact = index.NumberFactsOf(document)
            .SelectMany(f => f.Mentions.Where(m => m.Document == document).Select(m => (Fact: f, Span: m.SpanIn(article))))
            .FirstOrDefault(f => Contains(f.Span, offset));
        if (fact.Fact is not null) yield return new HoverSection(HoverOrder.Number, NumberMarkdown(fact.Fact), fact.Span);
    }

    public static string QuoteMarkdown(QuoteGroup group, ISpeakerIdentity speakers)
    {
        var text = new StringBuilder();
        var verdict = group.Agreement switch
        {
            QuoteAgreement.Identical => "identical in every source",
            QuoteAgreement.Variant => $"worded differently in {group.DifferingSourceCount} of {group.SourceCount} sources",
            _ => "quoted by this source only",
        };
        var speaker = SpeakerIds.Of(group, speakers) ?? group.Speaker ?? "no attributed speaker";
        text.Append($"**Quote** · {speaker} · {verdict}\n\n| source | rendering |\n|---|---|\n");
        foreach (var variant in group.Variants)
            text.Append($"| {Source(variant.Document)} | {Marked(variant.Quote.Text, variant.Differing)} |\n");
        return text.ToString().TrimEnd();
    }

    public static string NumberMarkdown(NumberFact fact)
    {
        var verdict = fact.Agreement switch
        {
            NumberAgreement.Agree => $"{fact.SourceCount} sources agree",
            NumberAgreement.Conflict => $"sources conflict",
            _ => "given by this source only",
        };
        var values = fact.Mentions.Select(m => m.Number.ValueText).Distinct().ToList();
        var text = new StringBuilder($"**Number** · {Cell(fact.Claim)} · {verdict}\n\n| source | text | value |\n|---|---|---|\n");
        foreach (var mention in fact.Mentions)
        {
            var value = Cell(mention.Number.ValueText);
            if (fact.Agreement == NumberAgreement.Conflict && values.Count > 1) value = $"**{value}**";
            text.Append($"| {Source(mention.Document)} | {Cell(mention.Number.Text)} | {value} |\n");
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>The quote's text with its differing words (spans relative to the text) in bold, escaped for a Markdown table cell.</summary>
    public static string Marked(string text, IReadOnlyList<TextSpan> differing)
    {
        var result = new StringBuilder();
        var position = 0;
        foreach (var span in differing.OrderBy(s => s.Start))
        {
            var from = span.Start;
            if (from < position || span.End > text.Length) continue;
            result.Append(Cell(text[position..from])).Append("**").Append(Cell(text.Substring(from, span.Length))).Append("**");
            position = span.End;
        }
        return result.Append(Cell(text[position..])).ToString();
    }

    private static string Source(DocumentKey document) => "`" + document.Value.Replace("`", "'") + "`";

    private static string Cell(string text) =>
        text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("*", "\\*").Replace("_", "\\_").Replace("\n", " ");

    private static bool Contains(TextSpan span, int offset) => offset >= span.Start && offset <= span.End;
}
