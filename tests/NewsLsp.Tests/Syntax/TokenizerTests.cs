using NewsLsp.Syntax;
using Xunit;

namespace NewsLsp.Tests.Syntax;

public class TokenizerTests
{
    private static List<(string Text, TokenKind Kind)> Tokens(string text) =>
        Tokenizer.Tokenize(text).Select(t => (text.Substring(t.Start, t.Length), t.Kind)).ToList();

    [Theory]
    [InlineData("dell’Ucraina", "dell’", "Ucraina")]
    [InlineData("l'Ucraina", "l'", "Ucraina")]
    [InlineData("all'America", "all'", "America")]
    [InlineData("un'ora", "un'", "ora")]
    public void Elided_article_is_its_own_token_with_the_apostrophe(string text, string article, string noun)
    {
        var tokens = Tokens(text);
        Assert.Equal([(article, TokenKind.Word), (noun, TokenKind.Word)], tokens);
    }

    [Fact]
    public void Truncated_word_keeps_its_apostrophe()
    {
        Assert.Equal([("un", TokenKind.Word), ("po'", TokenKind.Word), ("di", TokenKind.Word)], Tokens("un po' di"));
    }

    [Theory]
    [InlineData("5.000", "5.000")]
    [InlineData("1,5", "1,5")]
    [InlineData("2022.", "2022")]
    [InlineData("175", "175")]
    public void Italian_numbers_are_single_tokens(string text, string number)
    {
        Assert.Equal((number, TokenKind.Number), Tokens(text)[0]);
    }

    [Fact]
    public void Quotation_marks_are_classified()
    {
        var tokens = Tokenizer.Tokenize("“a” «b» \"c\" ‘d’");
        var quotes = tokens.Where(t => t.Kind == TokenKind.Quote).Select(t => t.Quote).ToList();
        Assert.Equal([QuoteMark.TypographicDoubleOpen, QuoteMark.TypographicDoubleClose, QuoteMark.GuillemetOpen, QuoteMark.GuillemetClose,
            QuoteMark.StraightDouble, QuoteMark.StraightDouble, QuoteMark.TypographicSingleOpen, QuoteMark.TypographicSingleClose], quotes);
    }

    [Fact]
    public void Spans_are_exact_with_text_outside_the_BMP()
    {
        const string text = "Ciao 😀 Kyiv, 5.000 droni.";
        foreach (var token in Tokenizer.Tokenize(text))
        {
            Assert.True(token.Start >= 0 && token.End <= text.Length);
            Assert.False(char.IsWhiteSpace(text[token.Start]));
        }
        var emoji = Tokenizer.Tokenize(text).Single(t => t.Kind == TokenKind.Symbol);
        Assert.Equal("😀", text.Substring(emoji.Start, emoji.Length));
    }

    [Fact]
    public void Hyphenated_names_split_into_their_parts()
    {
        Assert.Equal(["Trump", "-", "Putin"], Tokens("Trump-Putin").Select(t => t.Text));
    }

    [Fact]
    public void Url_is_one_token_without_trailing_punctuation()
    {
        var tokens = Tokens("vedi https://example.org/a?b=1.");
        Assert.Contains(("https://example.org/a?b=1", TokenKind.Url), tokens);
        Assert.Equal((".", TokenKind.Punctuation), tokens[^1]);
    }
}
