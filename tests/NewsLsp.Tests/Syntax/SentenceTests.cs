using NewsLsp.Syntax;
using Xunit;

namespace NewsLsp.Tests.Syntax;

public class SentenceTests
{
    private static List<string> Sentences(string text)
    {
        var content = ArticleParser.Analyse(text);
        return content.Sentences.Select(s => text.Substring(s.Span.Start, s.Span.Length)).ToList();
    }

    [Fact]
    public void Splits_on_stops_followed_by_a_capital()
    {
        Assert.Equal(["Primo periodo.", "Secondo periodo!", "Terzo?"], Sentences("Primo periodo. Secondo periodo! Terzo?"));
    }

    [Fact]
    public void Abbreviations_and_initials_do_not_end_a_sentence()
    {
        Assert.Single(Sentences("Il dott. Rossi e John F. Kennedy sono citati."));
        Assert.Single(Sentences("Ha parlato il sig. Bianchi ieri."));
    }

    [Fact]
    public void Closing_quote_belongs_to_the_sentence_it_ends()
    {
        Assert.Equal(["“Non va bene.”", "Poi è uscito."], Sentences("“Non va bene.” Poi è uscito."));
    }

    [Fact]
    public void Decimal_numbers_do_not_split()
    {
        Assert.Single(Sentences("Il PIL è cresciuto dell'1,5 per cento e 5.000 persone lo sanno."));
    }

    [Fact]
    public void Lowercase_after_stop_continues_the_sentence()
    {
        Assert.Single(Sentences("Lo ha detto ieri... e oggi lo ripete."));
    }
}
