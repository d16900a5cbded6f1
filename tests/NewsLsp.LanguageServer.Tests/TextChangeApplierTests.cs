using Microsoft.CodeAnalysis.Text;
using NewsLsp.LanguageServer.Documents;
using NewsLsp.LanguageServer.Protocol;
using NewsLsp.LanguageServer.Server;

namespace NewsLsp.LanguageServer.Tests;

public sealed class TextChangeApplierTests
{
    private static readonly PositionConverter Positions = new(PositionEncoding.Utf16);

    private static TextDocumentContentChangeEvent Insert(int line, int character, string text) =>
        new(text) { Range = new Protocol.Range(new Position(line, character), new Position(line, character)) };

    [Fact]
    public void Changes_apply_in_order_each_against_the_text_before_it()
    {
        var text = SourceText.From("uno\ndue");
        var edited = TextChangeApplier.Apply(text, [Insert(1, 0, "X"), Insert(1, 1, "Y"), Insert(0, 3, "!")], Positions);
        Assert.Equal("uno!\nXYdue", edited.ToString());
    }

    // A text that remembers how it was made from earlier versions walks that history on every new change; over a long
    // editing session, with earlier versions still in memory, each keystroke cost more than the last.
    [Fact]
    public void An_edited_text_keeps_no_history_of_earlier_versions_even_while_they_live()
    {
        var versions = new List<SourceText> { SourceText.From("Titolo\nIl governo ha approvato la riforma.") };
        for (var i = 0; i < 200; i++)
            versions.Add(TextChangeApplier.Apply(versions[^1], [Insert(1, 3, i % 2 == 0 ? "e" : "a")], Positions));
        var last = versions[^1];
        Assert.Equal("Il " + string.Concat(Enumerable.Range(0, 200).Reverse().Select(i => i % 2 == 0 ? "e" : "a")) + "governo ha approvato la riforma.", last.Lines[1].ToString());
        // Without a history, the only change a text can name against an earlier one is "everything".
        Assert.Equal([new TextChangeRange(new TextSpan(0, versions[^2].Length), last.Length)], last.GetChangeRanges(versions[^2]));
    }

    [Fact]
    public void A_change_set_with_no_range_replaces_the_whole_text_and_an_empty_set_keeps_the_same_text()
    {
        var text = SourceText.From("uno");
        Assert.Equal("due", TextChangeApplier.Apply(text, [new TextDocumentContentChangeEvent("due")], Positions).ToString());
        Assert.Same(text, TextChangeApplier.Apply(text, [], Positions));
    }
}
