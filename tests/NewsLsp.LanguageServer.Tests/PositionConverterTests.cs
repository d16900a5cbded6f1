using Microsoft.CodeAnalysis.Text;
using NewsLsp.LanguageServer.Protocol;
using NewsLsp.LanguageServer.Server;

namespace NewsLsp.LanguageServer.Tests;

public sealed class PositionConverterTests
{
    private static readonly SourceText Text = SourceText.From("x😀é!\nsecond\n");

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 1, 1)]   // after 'x'
    [InlineData(5, 3, 3)]   // after the emoji: 1 + 4 bytes, 1 + 2 UTF-16 units
    [InlineData(7, 4, 4)]   // after 'é' (2 bytes)
    [InlineData(8, 5, 5)]   // end of line
    public void Utf8_and_utf16_columns_map_to_the_same_place(int utf8, int utf16, int expectedUtf16)
    {
        var fromUtf8 = new PositionConverter(PositionEncoding.Utf8).ToLinePosition(Text, new Position(0, utf8));
        var fromUtf16 = new PositionConverter(PositionEncoding.Utf16).ToLinePosition(Text, new Position(0, utf16));
        Assert.Equal(expectedUtf16, fromUtf8.Character);
        Assert.Equal(expectedUtf16, fromUtf16.Character);
        Assert.Equal(new Position(0, utf8), new PositionConverter(PositionEncoding.Utf8).ToPosition(Text, fromUtf8));
        Assert.Equal(new Position(0, utf16), new PositionConverter(PositionEncoding.Utf16).ToPosition(Text, fromUtf16));
    }

    [Fact]
    public void Columns_past_the_end_clamp_and_positions_inside_a_character_snap_back()
    {
        var utf8 = new PositionConverter(PositionEncoding.Utf8);
        Assert.Equal(new LinePosition(0, 5), utf8.ToLinePosition(Text, new Position(0, 100)));
        Assert.Equal(new LinePosition(0, 1), utf8.ToLinePosition(Text, new Position(0, 3)));   // inside the emoji
        Assert.Equal(new LinePosition(0, 3), utf8.ToLinePosition(Text, new Position(0, 6)));   // inside 'é'
        var utf16 = new PositionConverter(PositionEncoding.Utf16);
        Assert.Equal(new LinePosition(0, 1), utf16.ToLinePosition(Text, new Position(0, 2)));  // between the surrogates
    }

    /// <summary>Regression: Roslyn's lines also end at U+2028/U+2029/U+0085; the LSP's lines do not.</summary>
    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\u0085")]
    public void Only_cr_lf_and_crlf_end_lines(string separator)
    {
        var text = SourceText.From($"uno{separator}due\ntre");
        var converter = new PositionConverter(PositionEncoding.Utf16);
        Assert.Equal(new LinePosition(1, 2), converter.ToLinePosition(text, new Position(1, 2)));
        Assert.Throws<PositionOutOfRangeException>(() => converter.ToLinePosition(text, new Position(2, 0)));
        var edited = NewsLsp.LanguageServer.Documents.TextChangeApplier.Apply(text,
            [new TextDocumentContentChangeEvent("TRE") { Range = new NewsLsp.LanguageServer.Protocol.Range(new Position(1, 0), new Position(1, 3)) }], converter);
        Assert.Equal($"uno{separator}due\nTRE", edited.ToString());
    }

    [Fact]
    public void A_line_past_the_end_is_out_of_range()
    {
        var converter = new PositionConverter(PositionEncoding.Utf16);
        Assert.Equal(new LinePosition(2, 0), converter.ToLinePosition(Text, new Position(2, 0))); // the empty last line exists
        Assert.Throws<PositionOutOfRangeException>(() => converter.ToLinePosition(Text, new Position(3, 0)));
        Assert.Throws<PositionOutOfRangeException>(() => converter.ToLinePosition(Text, new Position(-1, 0)));
    }
}
