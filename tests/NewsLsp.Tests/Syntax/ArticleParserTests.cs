using Microsoft.CodeAnalysis.Text;
using NewsLsp.Syntax;
using Xunit;

namespace NewsLsp.Tests.Syntax;

public class ArticleParserTests
{
    [Fact]
    public void First_line_is_the_headline_then_paragraphs_images_and_other()
    {
        var text = "Titolo\r\n![Foto del vertice](https://x.org/a.jpg)\r\nPrimo paragrafo.\r\n\r\n<!-- newslsp-disable NEWS001 -->\r\nSecondo.";
        var syntax = ArticleParser.Parse(SourceText.From(text));
        Assert.Equal([BlockKind.Headline, BlockKind.Image, BlockKind.Paragraph, BlockKind.Other, BlockKind.Paragraph],
            syntax.Blocks.Select(b => b.Kind));
        Assert.Equal("Primo paragrafo.", text.Substring(syntax.Blocks[2].Start, syntax.Blocks[2].Text.Length));
        var image = syntax.Blocks[1].Content.Image!;
        Assert.Equal("Foto del vertice", image.Alt);
        Assert.Equal("https://x.org/a.jpg", image.Url);
    }

    [Fact]
    public void Block_spans_are_exact_with_LF_and_CRLF()
    {
        foreach (var newline in new[] { "\n", "\r\n", "\r" })
        {
            var text = string.Join(newline, "Titolo", "Uno due.", "", "Tre quattro.");
            var syntax = ArticleParser.Parse(SourceText.From(text));
            foreach (var block in syntax.Blocks)
            {
                Assert.Equal(block.Text, text.Substring(block.Start, block.Text.Length));
                foreach (var token in block.Tokens)
                    Assert.Equal(block.Content.TokenText(token), text.Substring(block.AbsoluteSpan(token).Start, token.Length));
            }
        }
    }

    [Fact]
    public void Reparse_reuses_untouched_lines()
    {
        var before = ArticleParser.Parse(SourceText.From("Titolo\nUno.\nDue.\nTre."));
        var tokenised = 0;
        var after = ArticleParser.Parse(SourceText.From("Titolo\nUno.\nDue modificato.\nTre."), before, () => tokenised++);
        Assert.Equal(1, tokenised);
        Assert.Same(before.Blocks[1].Content, after.Blocks[1].Content);
        Assert.Same(before.Blocks[3].Content, after.Blocks[3].Content);
    }

    [Fact]
    public void FindToken_locates_the_token_under_an_offset()
    {
        var syntax = ArticleParser.Parse(SourceText.From("Titolo\nIl presidente Zelensky parla."));
        var offset = "Titolo\nIl presidente Zel".Length;
        var (block, index) = syntax.FindToken(offset)!.Value;
        Assert.Equal("Zelensky", block.Content.TokenText(block.Tokens[index]));
    }
}
