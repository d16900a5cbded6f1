using Microsoft.CodeAnalysis.Text;
using NewsLsp.LanguageServer.Protocol;
using NewsLsp.LanguageServer.Server;
using NewsLsp.Text;

namespace NewsLsp.LanguageServer.Documents;

/// <summary>
/// Applies <c>didChange</c> content changes in order, each against the text produced by the previous one,
/// as the spec requires. Characters past a line end clamp to it; a line past the end rejects the whole
/// change set (<see cref="PositionOutOfRangeException"/>) so the document is left exactly as it was.
/// </summary>
public static class TextChangeApplier
{
    public static SourceText Apply(SourceText text, IReadOnlyList<TextDocumentContentChangeEvent> changes, PositionConverter positions)
    {
        var current = text;
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            if (change.Range is null)
            {
                current = SourceText.From(change.Text, current.Encoding, current.ChecksumAlgorithm);
                continue;
            }
            LinePositionSpan span;
            try
            {
                span = positions.ToLinePositionSpan(current, change.Range);
            }
            catch (PositionOutOfRangeException ex)
            {
                throw new PositionOutOfRangeException($"Content change {i + 1} of {changes.Count}: {ex.Message}");
            }
            var textSpan = LineMap.Of(current).GetTextSpan(span);
            current = current.WithChanges(new TextChange(textSpan, change.Text));
        }
        return ReferenceEquals(current, text) ? current : Flat(current);
    }

    /// <summary>
    /// The same characters in a text of their own. Why: a text made by <see cref="SourceText.WithChanges(TextChange[])"/>
    /// keeps a chain of the changes since every earlier version still in memory, and walks it on each new change; old
    /// versions promoted by a collection stay in memory until a full one, so over a session of thousands of keystrokes the
    /// walk grew with every keystroke (49 → 145 µs per change after 6,000). The engine never asks a text for its changes
    /// (the parser reuses what it can from the previous syntax), and it copies the whole text to parse it anyway: that
    /// copy is now this one.
    /// </summary>
    private static SourceText Flat(SourceText text) => SourceText.From(text.ToString(), text.Encoding, text.ChecksumAlgorithm);
}
