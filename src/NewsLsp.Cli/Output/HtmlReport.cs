using System.Net;
using System.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using NewsLsp.Analysis.Entities;

namespace NewsLsp.Cli;

/// <summary>The HTML of <c>newslsp report</c>: one page, inline CSS, no scripts, nothing fetched.</summary>
internal static class HtmlReport
{
    private const string Style = """
        body{font:15px/1.45 system-ui,sans-serif;margin:24px;color:#1d2433;background:#fff}
        h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 8px;border-bottom:2px solid #d7dce5;padding-bottom:4px}
        h3{font-size:16px;margin:18px 0 6px}.muted{color:#5b6475}
        table{border-collapse:collapse;margin:6px 0 14px;width:100%}th,td{border:1px solid #d7dce5;padding:5px 8px;vertical-align:top;text-align:left}
        th{background:#eef1f6}td.n{text-align:center}td.zero{color:#b3b9c5;background:#fafbfc}td.hit{background:#e3f1e6}
        .badge{display:inline-block;border-radius:9px;padding:1px 8px;font-size:12px;font-weight:600}
        .identical,.agree{background:#d9f2de;color:#17612a}.variant{background:#fff0c7;color:#7a5200}.conflict{background:#fbd9d6;color:#8c1d13}
        .single-source{background:#e4e8ef;color:#3c4557}mark{background:#ffd54d;padding:0 1px}
        .quote-group{border:1px solid #d7dce5;border-radius:6px;padding:8px 12px;margin:10px 0}
        .renderings{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:10px}
        .rendering{background:#f6f8fb;border-left:4px solid #7a8aa8;padding:6px 10px}.rendering .source{font-size:12px;color:#5b6475}
        """;

    public static string Render(WorkspaceSnapshot snapshot)
    {
        var index = snapshot.Get(AgreementQuery.Instance);
        var entities = EntityIndex.For(snapshot);
        var speakers = new EntitySpeakerIdentity(entities);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"it\"><head><meta charset=\"utf-8\"><title>NewsLsp: cross-source agreement</title>");
        html.Append("<style>").Append(Style).Append("</style></head><body>\n");
        html.Append($"<h1>Cross-source agreement</h1><p class=\"muted\">{snapshot.DocumentCount} articles · {index.Events.Count(e => e.IsMultiSource)} events with several sources · {index.QuoteGroups.Count(g => g.SourceCount > 1)} shared quotes · {index.NumberFacts.Count(f => f.SourceCount > 1)} shared numbers</p>\n");

        foreach (var @event in index.Events.OrderByDescending(e => e.Documents.Length).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            html.Append($"<section class=\"event\" id=\"{E(@event.Id)}\"><h2>{E(Title(snapshot, @event))}</h2>");
            html.Append("<p class=\"muted\">Sources: ").Append(string.Join(", ", @event.Documents.Select(d => $"<code>{E(d.Value)}</code>"))).Append("</p>\n");
            Coverage(html, entities, @event);
            Quotes(html, index, @event, speakers);
            Numbers(html, index, @event);
            html.Append("</section>\n");
        }
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string Title(WorkspaceSnapshot snapshot, AgreementEvent @event)
    {
        var headline = snapshot.GetArticle(@event.Documents[0])?.Syntax.Headline?.Text;
        return headline is null ? @event.Id : headline.Length > 110 ? headline[..107] + "…" : headline;
    }

    private static void Coverage(StringBuilder html, EntityIndex entities, AgreementEvent @event)
    {
        var counts = @event.Documents.ToDictionary(d => d, d => entities.MentionsIn(d).GroupBy(o => o.Entity.Id).ToDictionary(g => g.Key, g => g.Count()));
        var rows = @event.Documents.SelectMany(d => entities.MentionsIn(d)).Select(o => o.Entity).DistinctBy(e => e.Id)
            .Select(e => (Entity: e, Sources: @event.Documents.Count(d => counts[d].ContainsKey(e.Id)), Total: @event.Documents.Sum(d => counts[d].GetValueOrDefault(e.Id))))
            .OrderByDescending(r => r.Sources).ThenByDescending(r => r.Total).ThenBy(r => r.Entity.Canonical, StringComparer.Ordinal).Take(25).ToList();
        html.Append("<h3>Entity coverage</h3>");
        if (rows.Count == 0) { html.Append("<p class=\"muted\">No entities recognised.</p>"); return; }
        html.Append("<table class=\"coverage\"><tr><th>entity</th><th>type</th>");
        foreach (var document in @event.Documents) html.Append($"<th><code>{E(document.Value)}</code></th>");
        html.Append("</tr>\n");
        foreach (var (entity, _, _) in rows)
        {
            html.Append($"<tr><td>{E(entity.Canonical)}</td><td>{EntityTypes.Code(entity.Type)}</td>");
            foreach (var document in @event.Documents)
            {
                var n = counts[document].GetValueOrDefault(entity.Id);
                html.Append(n == 0 ? "<td class=\"n zero\">–</td>" : $"<td class=\"n hit\">{n}</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void Quotes(StringBuilder html, AgreementIndex index, AgreementEvent @event, ISpeakerIdentity speakers)
    {
        var groups = index.QuoteGroups.Where(g => g.EventId == @event.Id && g.SourceCount > 1).ToList();
        html.Append("<h3>Quotes in several sources</h3>");
        if (groups.Count == 0) { html.Append("<p class=\"muted\">No statement is quoted by more than one source.</p>"); return; }
        foreach (var group in groups)
        {
            var label = Label(group.Agreement);
            html.Append($"<div class=\"quote-group\" id=\"{E(group.Id)}\"><span class=\"badge {label}\">{label}</span> ");
            html.Append($"<strong>{E(SpeakerIds.Of(group, speakers) ?? group.Speaker ?? "no attributed speaker")}</strong>");
            html.Append("<div class=\"renderings\">");
            foreach (var variant in group.Variants)
            {
                html.Append($"<div class=\"rendering\"><div class=\"source\">{E(variant.Document.Value)}</div>“{Marked(variant)}”</div>");
            }
            html.Append("</div></div>\n");
        }
    }

    private static void Numbers(StringBuilder html, AgreementIndex index, AgreementEvent @event)
    {
        var facts = index.NumberFacts.Where(f => f.EventId == @event.Id).OrderByDescending(f => f.SourceCount).ToList();
        html.Append("<h3>Numbers</h3>");
        if (facts.Count == 0) { html.Append("<p class=\"muted\">No numeric facts.</p>"); return; }
        html.Append("<table class=\"numbers\"><tr><th>claim</th><th>agreement</th>");
        foreach (var document in @event.Documents) html.Append($"<th><code>{E(document.Value)}</code></th>");
        html.Append("</tr>\n");
        foreach (var fact in facts)
        {
            var label = fact.Agreement switch { NumberAgreement.Agree => "agree", NumberAgreement.Conflict => "conflict", _ => "single-source" };
            html.Append($"<tr class=\"number-fact\"><td>{E(fact.Claim)}</td><td><span class=\"badge {label}\">{label}</span></td>");
            foreach (var document in @event.Documents)
            {
                var mentions = fact.Mentions.Where(m => m.Document == document).ToList();
                html.Append(mentions.Count == 0 ? "<td class=\"zero\">–</td>"
                    : "<td>" + string.Join("<br>", mentions.Select(m => $"{E(m.Number.Text)} <span class=\"muted\">({E(m.Number.ValueText)})</span>")) + "</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    private static string Marked(QuoteVariant variant)
    {
        var text = variant.Quote.Text;
        var result = new StringBuilder();
        var position = 0;
        foreach (var span in variant.Differing.OrderBy(s => s.Start))
        {
            var from = span.Start;
            if (from < position || span.End > text.Length) continue;
            result.Append(E(text[position..from])).Append("<mark>").Append(E(text.Substring(from, span.Length))).Append("</mark>");
            position = span.End;
        }
        return result.Append(E(text[position..])).ToString();
    }

    private static string Label(QuoteAgreement agreement) => agreement switch
    {
        QuoteAgreement.Identical => "identical",
        QuoteAgreement.Variant => "variant",
        _ => "single-source",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
