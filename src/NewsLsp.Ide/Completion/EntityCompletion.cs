using NewsLsp.Text;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;

namespace NewsLsp.Ide.Completion;

/// <summary>
/// Completion of known entity names. The typed prefix is the word before the caret (letters, digits, hyphens,
/// apostrophes), extended back over up to <see cref="MaxWords"/> words on the line when a longer name starts
/// with them, so "Donald Tr" completes to "Donald Trump" (replacing both words) and "Tr" to "Trump" and "Donald
/// Trump". Matching is a prefix match ignoring case and diacritics over canonical names and every spelling. With
/// nothing typed (explicit invocation after a space), every name is offered. An entity whose only mention is the
/// text being typed is not offered.
/// </summary>
public static class EntityCompletion
{
    public const int MaxWords = 4;

    public static IReadOnlyList<EntityCompletionItem> At(WorkspaceSnapshot snapshot, DocumentKey document, LinePosition position, CancellationToken cancellationToken)
    {
        if (snapshot.GetArticle(document) is not { } article || position.Line >= LineMap.Of(article.Text).Count) return [];
        var line = LineMap.Of(article.Text).Span(position.Line);
        var lineText = article.Text.ToString(line);
        var caret = Math.Min(position.Character, lineText.Length);
        var starts = WordStarts(lineText, caret);
        if (starts.Count == 0) return [];

        var index = EntityIndex.For(snapshot);
        // The text being typed may itself be recognised as a name ("Parla Zel"): an entity known only from there is not a known name.
        var beingTyped = index.FindEntityAt(document, line.Start + caret) is { } typing && index.MentionsOf(typing.Entity.Id).Length == 1 ? typing.Entity.Id : null;
        var items = new List<EntityCompletionItem>();
        foreach (var entity in index.Entities.Entities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entity.Id == beingTyped) continue;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in entity.Aliases.Prepend(entity.Canonical))
            {
                if (!seen.Add(NameForms.Key(name))) continue;
                var folded = NameForms.Fold(name);
                // The longest run of typed words the name starts with.
                for (var k = starts.Count - 1; k >= 0; k--)
                {
                    var typed = NameForms.Fold(lineText[starts[k]..caret]);
                    if (!folded.StartsWith(typed, StringComparison.Ordinal)) continue;
                    var replace = new LinePositionSpan(new LinePosition(position.Line, starts[k]), new LinePosition(position.Line, caret));
                    items.Add(new EntityCompletionItem(name, entity, replace, entity.ArticlesUsing(name)));
                    break;
                }
            }
        }
        return items
            .OrderByDescending(i => i.Replace.End.Character - i.Replace.Start.Character)
            .ThenByDescending(i => i.ArticleCount)
            .ThenByDescending(i => i.IsCanonical)
            .ThenBy(i => i.Text, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Starts of the word being typed and of up to <see cref="MaxWords"/>-1 words before it (nearest first).</summary>
    private static List<int> WordStarts(string line, int caret)
    {
        var starts = new List<int>();
        var end = caret;
        for (var words = 0; words < MaxWords; words++)
        {
            var start = end;
            while (start > 0 && IsNameChar(line[start - 1])) start--;
            if (words > 0 && start == end) break;
            starts.Add(start);
            if (start == 0 || line[start - 1] != ' ') break;
            end = start - 1;
            if (end == 0 || !IsNameChar(line[end - 1])) break;
        }
        return starts;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '\'' or '’' or '.';
}
