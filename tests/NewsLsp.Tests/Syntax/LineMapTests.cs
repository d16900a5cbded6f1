using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Syntax;
using NewsLsp.Text;
using Xunit;

namespace NewsLsp.Tests.Syntax;

/// <summary>
/// Lines as the LSP defines them (CR, LF, CRLF only). Regression: Roslyn's SourceText also breaks lines at U+2028,
/// U+2029 and U+0085, so an edit sent by a client after such a character landed on the wrong line (found by the
/// differential test, seed 1 step 2, shrunk to: insert U+2028, then insert a tab further down).
/// </summary>
public class LineMapTests
{
    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\u0085")]
    public void Unicode_line_separators_do_not_end_lines(string separator)
    {
        var text = SourceText.From($"Titolo{separator}ancora titolo\nSecondo paragrafo.");
        var lines = LineMap.Of(text);
        Assert.Equal(2, lines.Count);
        Assert.Equal(new LinePosition(1, 3), lines.GetLinePosition(text.Length - 15));

        // The client counts one line before "Secondo"; the edit must land there.
        var edited = TextEdits.Apply(text, [new TextEdit(new LinePositionSpan(new(1, 0), new(1, 7)), "Terzo")]);
        Assert.Equal($"Titolo{separator}ancora titolo\nTerzo paragrafo.", edited.ToString());
        Assert.Equal(2, ArticleParser.Parse(edited).Blocks.Length);
    }

    [Fact]
    public void Cr_lf_and_crlf_end_lines_and_positions_inside_crlf_are_line_ends()
    {
        var text = SourceText.From("a\r\nb\rc\nd\r\r\n");
        var lines = LineMap.Of(text);
        Assert.Equal(6, lines.Count);
        Assert.Equal([0, 3, 5, 7, 9, 11], Enumerable.Range(0, lines.Count).Select(lines.Start));
        Assert.Equal([1, 4, 6, 8, 9, 11], Enumerable.Range(0, lines.Count).Select(lines.End));
        Assert.Equal(new LinePosition(0, 1), lines.GetLinePosition(2));   // between CR and LF
        Assert.Equal(new LinePosition(5, 0), lines.GetLinePosition(text.Length));
    }

    [Fact]
    public void Diagnostic_ranges_use_lsp_lines()
    {
        var key = new DocumentKey("a.txt");
        var snapshot = WorkspaceSnapshot.Create().WithDocumentText(key, SourceText.From("Titolo\u2028seguito\nIl ministro ha detto: “Non ci sarà alcun accordo.\n"));
        var unbalanced = Assert.Single(snapshot.GetDiagnostics(key), d => d.Id == "NEWS001");
        Assert.Equal(1, unbalanced.Range.Start.Line);
    }

    [Fact]
    public void Long_texts_split_across_copy_chunks_keep_crlf_together()
    {
        var body = new string('x', 8191) + "\r\n" + new string('y', 10);
        var lines = LineMap.Of(SourceText.From(body));
        Assert.Equal(2, lines.Count);
        Assert.Equal(8193, lines.Start(1));
        Assert.Equal(8191, lines.End(0));
    }
}
