using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using Xunit;

namespace NewsLsp.Tests.Agreement;

public class ExtractionTests
{
    private static ArticleFacts Facts(string text) =>
        Articles.Workspace(("a.txt", text)).GetRequiredArticle(new DocumentKey("a.txt")).Get(ArticleFacts.Query);

    [Theory]
    [InlineData("Titolo\nIl ministro ha detto: “Non ci sarà alcun accordo con loro”, ha detto Mario Rossi.", "Mario Rossi")]
    [InlineData("Titolo\n“Non ci sarà alcun accordo con loro”, ha aggiunto Rossi in un post.", "Rossi")]
    [InlineData("Titolo\nMario Rossi ha dichiarato: «Non ci sarà alcun accordo con loro».", "Mario Rossi")]
    [InlineData("Titolo\nIl portavoce del governo Bianchi: \"Non ci sarà alcun accordo con loro\".", "Bianchi")]
    [InlineData("Titolo\nMario Rossi ha scritto su X che: “Non ci sarà alcun accordo con loro”.", "Mario Rossi")]
    [InlineData("Titolo\nLa crisi continua, secondo Rossi. Mario Rossi ha parlato a lungo. Il ministro ha sottolineato che “non ci sarà alcun accordo con loro”.", "Mario Rossi")]
    [InlineData("Titolo\n“Non ci sarà alcun accordo con loro”, ha detto Rossi. “E nessuna trattativa è possibile adesso”.", "Rossi")]
    public void Speakers_are_found_by_attribution_patterns(string text, string speaker)
    {
        var quotes = Facts(text).Quotes;
        Assert.NotEmpty(quotes);
        Assert.All(quotes, q => Assert.Equal(speaker, q.Speaker));
    }

    [Fact]
    public void A_quote_span_excludes_the_quotation_marks_and_a_headline_quote_without_a_speaker_has_none()
    {
        var text = "Crisi, vertice Roma-Parigi: “Abbiamo trovato un accordo sul gas”\nIl testo.";
        var located = Articles.Workspace(("a.txt", text)).GetRequiredArticle(new DocumentKey("a.txt")).Get(QuoteExtractor.Query);
        var quote = Assert.Single(located.Quotes);
        var span = Assert.Single(located.Spans);
        Assert.Equal("Abbiamo trovato un accordo sul gas", text[span.Start..span.End]);
        Assert.Equal(quote.Text, text[span.Start..span.End]);
        Assert.Null(quote.Speaker);
        Assert.True(quote.InHeadline);
    }

    [Theory]
    [InlineData("sono stati lanciati 5.000 droni", "5.000 droni", "5000", NumberUnit.Count)]
    [InlineData("hanno stanziato 175 miliardi di dollari in aiuti", "175 miliardi di dollari", "175000000000", NumberUnit.Money)]
    [InlineData("una telefonata durata circa un'ora e mezza", "circa un'ora e mezza", "90", NumberUnit.Duration)]
    [InlineData("il colloquio arriva un giorno dopo la chiamata", "un giorno dopo", "1", NumberUnit.Duration)]
    [InlineData("è stato il loro sesto colloquio pubblico", "sesto colloquio", "6", NumberUnit.Ordinal)]
    [InlineData("la Germania ha inviato tre sistemi di difesa", "tre sistemi di difesa", "3", NumberUnit.Count)]
    [InlineData("l'invasione è iniziata nel febbraio 2022 con forza", "febbraio 2022", "2022-02", NumberUnit.Month)]
    [InlineData("Zelensky ha parlato venerdì con Trump", "venerdì", "Friday", NumberUnit.Weekday)]
    [InlineData("l'inflazione è salita al 2,5% a marzo", "2,5%", "2.5", NumberUnit.Percent)]
    [InlineData("uccidendo una persona e ferendo almeno 23 civili", "almeno 23 civili", "23", NumberUnit.Count)]
    public void Numbers_are_normalised(string sentence, string text, string value, NumberUnit unit)
    {
        var numbers = Facts("Titolo\n" + sentence + ".").Numbers;
        var number = Assert.Single(numbers, n => n.Text == text);
        Assert.Equal(value, number.ValueText);
        Assert.Equal(unit, number.Unit);
    }

    [Theory]
    [InlineData("I due leader hanno parlato a lungo.")]
    [InlineData("Non sarebbe coperto dall'Articolo 5 del trattato.")]
    [InlineData("Ha combattuto nella Seconda guerra mondiale.")]
    [InlineData("Una persona vicina al governo ha parlato.")]
    [InlineData("Secondo il governo la crisi è finita.")]
    public void References_and_names_are_not_numeric_facts(string sentence)
    {
        Assert.Empty(Facts("Titolo\n" + sentence).Numbers);
    }
}
