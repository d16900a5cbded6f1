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
        Assert.Equal("Primo paragrafo.", text.Substring(syntax.Blocks[2].Start, syntax.Blocks[2].Content.Length));
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
                Assert.Equal(block.Content.ToString(), text.Substring(block.Start, block.Content.Length));
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
        // The tokens and sentences are reused; the characters are the new text's, so the old text is not kept alive.
        foreach (var b in new[] { 1, 3 })
        {
            Assert.True(before.Blocks[b].Tokens == after.Blocks[b].Tokens);
            Assert.True(before.Blocks[b].Sentences == after.Blocks[b].Sentences);
            Assert.Equal(before.Blocks[b].Content.ToString(), after.Blocks[b].Content.ToString());
        }
        Assert.False(before.Blocks[2].Tokens == after.Blocks[2].Tokens);
        // A moved line: same content, new start ("Due." is now the fourth line).
        var moved = ArticleParser.Parse(SourceText.From("Titolo\nUno.\nNuovo.\nDue.\nTre."), before);
        Assert.True(before.Blocks[2].Tokens == moved.Blocks[3].Tokens);
        Assert.Equal("Due.", moved.Blocks[3].Content.ToString());
        Assert.Equal(before.Blocks[2].Start + "Nuovo.\n".Length, moved.Blocks[3].Start);
    }

    [Fact]
    public void Content_is_a_slice_of_the_article_text_even_with_carriage_returns()
    {
        var text = "Titolo\r\n\r\nUno, due.\rTre «quattro».\n";
        var syntax = ArticleParser.Parse(SourceText.From(text));
        Assert.Equal(["Titolo", "Uno, due.", "Tre «quattro»."], syntax.Blocks.Select(b => b.Content.ToString()));
        foreach (var block in syntax.Blocks)
        foreach (var token in block.Tokens)
            Assert.Equal(text.Substring(block.Start + token.Start, token.Length), block.Content.TokenText(token));
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
