using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;

namespace NewsLsp.Ide.Rename;

/// <summary>
/// Renames an entity in every article. The rule, word by word from the end of the name (a surname is the last
/// word, and Italian news text puts the given name first):
/// <list type="number">
/// <item>a mention with the same words as the renamed mention (spelling variants included: "Zelensky" =
/// "Zelenskyy") becomes the new name;</item>
/// <item>another mention is aligned with the renamed mention from its last word; the trailing words they share
/// are replaced by as many trailing words of the new name. So renaming the surname-only "Zelenskyy" to "Zelensky"
/// respells "Volodymyr Zelenskyy" as "Volodymyr Zelensky", and renaming the full name "Volodymyr Zelenskyy" to
/// "Volodymyr Zelensky" respells the surname where it stands alone;</item>
/// <item>a mention that shares no trailing word with the renamed mention (an acronym, an alias declared in the
/// knowledge file) is left as it is.</item>
/// </list>
/// </summary>
public static class EntityRenamer
{
    public static RenameTarget? Prepare(WorkspaceSnapshot snapshot, DocumentKey document, LinePosition position) =>
        EntityLookup.At(snapshot, document, position) is { } occurrence
            ? new RenameTarget(EntityLookup.SpanOf(snapshot, occurrence), occurrence.Mention.Text, occurrence.Entity)
            : null;

    /// <summary>The edits, or null when there is no entity at the position.</summary>
    public static RenameOutcome? Rename(WorkspaceSnapshot snapshot, DocumentKey document, LinePosition position, string newName)
    {
        if (EntityLookup.At(snapshot, document, position) is not { } target) return null;
        var name = newName.Trim();
        if (name.Length == 0) return RenameOutcome.Failed("The new name is empty.");
        if (name.IndexOfAny(['\r', '\n']) >= 0) return RenameOutcome.Failed("The new name must fit on one line.");
        var oldWords = NameWords.Split(target.Mention.Text);
        var newWords = NameWords.Split(name);

        var edits = ImmutableArray.CreateBuilder<DocumentEdit>();
        foreach (var mention in EntityIndex.For(snapshot).MentionsOf(target.Entity.Id))
        {
            if (Respell(mention.Mention.Text, oldWords, name, newWords) is not var (relative, text)) continue;
            var span = new TextSpan(mention.Span.Start + relative.Start, relative.Length);
            if (snapshot.GetRequiredArticle(mention.Document).Text.ToString(span) == text) continue;
            edits.Add(new DocumentEdit(mention.Document, span, DocumentSpan.In(snapshot, mention.Document, span).Range, text));
        }
        return new RenameOutcome(edits.ToImmutable(), null);
    }

    /// <summary>Which part of a mention (relative span) becomes which text, or null when the mention is left alone.</summary>
    internal static (TextSpan Span, string Text)? Respell(string mention, IReadOnlyList<(string Word, TextSpan Span)> oldWords, string newName,
        IReadOnlyList<(string Word, TextSpan Span)> newWords)
    {
        var words = NameWords.Split(mention);
        if (words.Count == 0) return null;
        var shared = 0;
        while (shared < words.Count && shared < oldWords.Count &&
               NameForms.SameWord(words[words.Count - 1 - shared].Word, oldWords[oldWords.Count - 1 - shared].Word))
        {
            shared++;
        }
        if (shared == 0) return null;
        if (shared == words.Count && shared == oldWords.Count) return (TextSpan.FromBounds(words[0].Span.Start, words[^1].Span.End), newName);

        var replaced = TextSpan.FromBounds(words[words.Count - shared].Span.Start, words[^1].Span.End);
        var take = Math.Min(shared, newWords.Count);
        var replacement = newName[newWords[newWords.Count - take].Span.Start..newWords[^1].Span.End];
        return (replaced, replacement);
    }
}
