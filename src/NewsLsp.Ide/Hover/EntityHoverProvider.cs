using NewsLsp.Text;
using System.Globalization;
using System.Text;
using NewsLsp.Analysis.Entities;

namespace NewsLsp.Ide.Hover;

/// <summary>
/// The entity card on any mention: type, canonical name, every spelling with how many articles use it, roles,
/// which articles mention the entity and how often, where it is introduced (a link to file and line), and why its
/// names were linked.
/// </summary>
public sealed class EntityHoverProvider : IHoverProvider
{
    public IEnumerable<HoverSection> GetSections(HoverRequest request, CancellationToken cancellationToken)
    {
        var index = EntityIndex.For(request.Snapshot);
        if (index.FindEntityAt(request.Document, request.Offset) is not { } occurrence) return [];
        cancellationToken.ThrowIfCancellationRequested();
        return [new HoverSection(HoverOrder.Entity, Card(request, index, occurrence), occurrence.Span)];
    }

    private static string Card(HoverRequest request, EntityIndex index, EntityOccurrence occurrence)
    {
        var entity = occurrence.Entity;
        var md = new StringBuilder();
        md.Append("### ").Append(Markdown.Escape(entity.Canonical)).Append('\n');
        md.Append('*').Append(EntityTypes.DisplayName(entity.Type)).Append("* (").Append(EntityTypes.Code(entity.Type)).Append(") · id `")
          .Append(entity.Id).Append("`\n\n");

        var spellings = entity.Aliases.Select(a => $"{Markdown.Escape(a)} ({Articles(entity.ArticlesUsing(a))})");
        md.Append("**Spellings:** ").Append(string.Join(", ", spellings)).Append("  \n");
        if (!entity.Roles.IsDefaultOrEmpty) md.Append("**Roles:** ").Append(string.Join(", ", entity.Roles.Select(Markdown.Escape))).Append("  \n");

        var mentions = index.MentionsOf(entity.Id);
        var byArticle = mentions.GroupBy(m => m.Document)
            .Select(g => (Document: g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Document)
            .ToList();
        md.Append("**Mentioned ").Append(Times(mentions.Length)).Append(" in ").Append(Articles(byArticle.Count)).Append(":** ");
        md.Append(string.Join(", ", byArticle.Select(a =>
            $"{Markdown.Escape(DocumentNames.Short(a.Document))} ×{a.Count.ToString(CultureInfo.InvariantCulture)}{(a.Document == request.Document ? " (this article)" : "")}")));
        md.Append("  \n");

        if (index.Introduction(entity.Id, request.Document) is { } introduction)
        {
            var line = LineMap.Of(request.Snapshot.GetRequiredArticle(introduction.Document).Text).GetLinePosition(introduction.Span.Start).Line + 1;
            var label = $"{DocumentNames.Short(introduction.Document)}, line {line.ToString(CultureInfo.InvariantCulture)}";
            md.Append("**Introduced:** “").Append(Markdown.Escape(introduction.Mention.Text)).Append("” in ")
              .Append(Markdown.Link(label, $"{request.LinkTarget(introduction.Document)}#L{line.ToString(CultureInfo.InvariantCulture)}"))
              .Append("  \n");
        }
        if (!entity.LinkReasons.IsDefaultOrEmpty)
            md.Append("**Linked:** ").Append(string.Join("; ", entity.LinkReasons.Distinct().Select(Markdown.Escape))).Append('\n');
        return md.ToString().TrimEnd();
    }

    private static string Articles(int count) => count == 1 ? "1 article" : $"{count.ToString(CultureInfo.InvariantCulture)} articles";

    private static string Times(int count) => count == 1 ? "once" : $"{count.ToString(CultureInfo.InvariantCulture)} times";
}
