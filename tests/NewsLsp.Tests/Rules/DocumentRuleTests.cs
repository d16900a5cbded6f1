using NewsLsp.Analysis;
using Xunit;

namespace NewsLsp.Tests.Rules;

public class DocumentRuleTests
{
    [Theory]
    [InlineData("Titolo\nHa detto: “Non ci sarà alcun accordo.", "never closed")]
    [InlineData("Titolo\nHa detto: Non ci sarà alcun accordo”.", "no opening mark")]
    [InlineData("Titolo\nHa detto: “Non ci sarà alcun accordo».", "expected '”'")]
    [InlineData("Titolo\nHa detto: \"Non ci sarà alcun accordo.", "never closed")]
    public void NEWS001_reports_unbalanced_marks(string text, string message)
    {
        var diagnostic = Assert.Single(Articles.Diagnostics(text, "NEWS001"));
        Assert.Contains(message, diagnostic.Message);
    }

    [Theory]
    [InlineData("Titolo\nHa detto: “Non ci sarà «alcun» accordo”.")]
    [InlineData("Titolo\nL’Ucraina e l'Europa, un po' di pace: ‘sì’.")]
    [InlineData("Titolo\n«Prima parte del discorso,\n«e seconda parte».")]
    [InlineData("Titolo\nNessuna citazione qui.")]
    public void NEWS001_stays_silent_on_balanced_text_apostrophes_and_continued_quotations(string text)
    {
        Assert.Empty(Articles.Diagnostics(text, "NEWS001"));
    }

    [Fact]
    public void NEWS002_reports_the_minority_style_with_a_fix_to_the_dominant_one()
    {
        var text = "Titolo “breve”\nHa detto \"uno\" e \"due\" e poi \"tre\".";
        var diagnostic = Assert.Single(Articles.Diagnostics(text, "NEWS002"));
        Assert.Equal("“breve”", text.Substring(diagnostic.Span.Start, diagnostic.Span.Length));
        var fix = Assert.Single(diagnostic.Fixes);
        Assert.Equal(["\"", "\""], fix.Edits.Select(e => e.NewText));
    }

    [Fact]
    public void NEWS002_stays_silent_with_one_style()
    {
        Assert.Empty(Articles.Diagnostics("Titolo “a”\nHa detto “b” e «c»… no: “d”.".Replace("«c»", "“c”"), "NEWS002"));
    }

    [Theory]
    [InlineData("Iscriviti alla nostra newsletter gratuita")]
    [InlineData("Leggi anche: il vertice di Bruxelles")]
    [InlineData("© Riproduzione riservata")]
    [InlineData("Seguici su Telegram")]
    [InlineData("Unlock the Editor's Digest for free")]
    public void NEWS003_reports_promotional_lines(string line)
    {
        var text = $"Titolo\nPrimo paragrafo.\n{line}\nUltimo paragrafo.";
        var expected = line.Contains("Editor's Digest") ? 0 : 1; // no newsletter word: not enough to call it boilerplate
        Assert.Equal(expected, Articles.Diagnostics(text, "NEWS003").Count);
    }

    [Fact]
    public void NEWS003_leaves_long_paragraphs_that_mention_a_newsletter_alone()
    {
        var text = "Titolo\nIl giornale ha annunciato che la newsletter gratuita sul clima, lanciata l'anno scorso da una redazione di " +
                   "dodici giornalisti, ha raggiunto centomila iscritti e sarà tradotta in inglese e in spagnolo entro la fine dell'anno prossimo.";
        Assert.Empty(Articles.Diagnostics(text, "NEWS003"));
    }

    [Theory]
    [InlineData("![](a.jpg)", true)]
    [InlineData("![Immagine](a.jpg)", true)]
    [InlineData("![foto](a.jpg)", true)]
    [InlineData("![putin-trump-1200x675.jpg](a.jpg)", true)]
    [InlineData("![IMG_2041](a.jpg)", true)]
    [InlineData("![Vladimir Putin e Donald Trump a Helsinki](a.jpg)", false)]
    public void NEWS004_checks_alt_text(string image, bool reported)
    {
        Assert.Equal(reported ? 1 : 0, Articles.Diagnostics($"Titolo\n{image}\nTesto.", "NEWS004").Count);
    }

    [Theory]
    [InlineData("Titolo\nIl portavoce ha aggiunto che la decisione sarà presa entro", true)]
    [InlineData("Titolo\nHa detto:", true)]
    [InlineData("Titolo\nFine.", false)]
    [InlineData("Titolo\n«È finita.»", false)]
    [InlineData("Titolo\nHa detto: \"È finita\".", false)]
    [InlineData("Titolo\nPerché?", false)]
    [InlineData("Solo un titolo", false)]
    public void NEWS005_reports_an_article_that_stops_mid_sentence(string text, bool reported)
    {
        Assert.Equal(reported ? 1 : 0, Articles.Diagnostics(text, "NEWS005").Count);
    }

    [Theory]
    [InlineData("👩‍👩‍👧")]
    [InlineData("😀")]
    [InlineData("𝔸")]
    public void NEWS005_never_cuts_a_character_or_an_emoji_sequence_out_of_its_excerpt(string astral)
    {
        // Found by the soak: the 30-character excerpt started inside the family emoji, between its surrogates, so the
        // message held a lone surrogate that the server could only send as U+FFFD. The excerpt's start is moved
        // across every character of the sequence by lengthening what follows it.
        for (var after = 0; after < 30; after++)
        {
            var text = "Titolo\nUn paragrafo completo.\n\nHa detto " + new string('x', 40) + " " + astral + " " + new string('y', after);
            var message = Assert.Single(Articles.Diagnostics(text, "NEWS005")).Message;
            for (var i = 0; i < message.Length; i++)
            {
                Assert.False(char.IsLowSurrogate(message[i]) && (i == 0 || !char.IsHighSurrogate(message[i - 1])), $"lone low surrogate in: {message}");
                Assert.False(char.IsHighSurrogate(message[i]) && (i + 1 == message.Length || !char.IsLowSurrogate(message[i + 1])), $"lone high surrogate in: {message}");
            }
            Assert.DoesNotContain("'\u200D", message);   // never starts on the joiner in the middle of a sequence
        }
    }

    [Theory]
    [InlineData("👩‍👩‍👧")]
    [InlineData("😀")]
    public void NEWS023_shortens_a_long_quote_without_cutting_a_character(string astral)
    {
        // Found by the soak: the 57-unit prefix ended between an emoji's surrogates (message "…K👩‍\uD83D…").
        var reported = 0;
        for (var before = 40; before < 60; before++)
        {
            var quote = new string('x', before) + astral + " e poi ancora altre parole fino alla fine";
            var text = "Titolo\nOggi in aula. “" + quote + ".”\n";
            foreach (var diagnostic in Articles.Diagnostics(text, "NEWS023"))
            {
                reported++;
                AssertNoLoneSurrogate(diagnostic.Message);
                Assert.Contains("…", diagnostic.Message);
            }
        }
        Assert.Equal(20, reported);
    }

    [Theory]
    [InlineData("abcdef", 10, "abcdef")]
    [InlineData("abcdefghij", 5, "abcd…")]
    [InlineData("ab😀cdef", 4, "ab…")]        // the emoji does not fit whole: left out, not halved
    [InlineData("ab😀cdef", 5, "ab😀…")]
    [InlineData("a👩‍👩‍👧bcdefghijk", 6, "a…")] // a ZWJ sequence is one grapheme
    public void Excerpts_are_cut_on_grapheme_boundaries(string text, int max, string expected)
    {
        Assert.Equal(expected, NewsLsp.Text.Excerpts.Shorten(text, max));
    }

    private static void AssertNoLoneSurrogate(string message)
    {
        for (var i = 0; i < message.Length; i++)
        {
            Assert.False(char.IsLowSurrogate(message[i]) && (i == 0 || !char.IsHighSurrogate(message[i - 1])), $"lone low surrogate in: {message}");
            Assert.False(char.IsHighSurrogate(message[i]) && (i + 1 == message.Length || !char.IsLowSurrogate(message[i + 1])), $"lone high surrogate in: {message}");
        }
    }
}
