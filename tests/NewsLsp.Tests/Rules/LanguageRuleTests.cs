using NewsLsp.Analysis;
using Xunit;

namespace NewsLsp.Tests.Rules;

/// <summary>NEWS006 (relative dates with no absolute date) and NEWS007 (article form before the next word).</summary>
public class LanguageRuleTests
{
    [Fact]
    public void NEWS006_reports_each_relative_date_in_the_articles_own_voice()
    {
        var text = "Vertice a Kiev\nI ministri si sono visti venerdì. Ieri sera è arrivato l'accordo, dopo lo scorso fine settimana.";
        var found = Articles.Diagnostics(text, "NEWS006").Select(d => text.Substring(d.Span.Start, d.Span.Length));
        Assert.Equal(["venerdì", "Ieri sera", "lo scorso fine settimana"], found);
    }

    [Theory]
    [InlineData("Vertice\nIl 21 novembre i ministri si sono visti; venerdì è arrivato l'accordo.")]
    [InlineData("Vertice (Kiev, 21/11/2025)\nOggi è arrivato l'accordo.")]
    [InlineData("Vertice\nLa conferma il 1° maggio: oggi nulla di nuovo.")]
    public void NEWS006_stays_silent_when_the_article_gives_a_date(string text)
    {
        Assert.Empty(Articles.Diagnostics(text, "NEWS006"));
    }

    [Theory]
    [InlineData("Vertice\nHa detto: «Oggi abbiamo firmato».")]
    [InlineData("Vertice\nI giovani pensano al domani.")]
    [InlineData("Vertice\nIl mercato apre la domenica.")]
    [InlineData("Vertice\nLa sindaca Domenica Rossi ha parlato.")]
    [InlineData("Vertice\nI costumi d'oggi sono diversi.")]
    public void NEWS006_leaves_quotations_the_future_habits_and_names_alone(string text)
    {
        Assert.Empty(Articles.Diagnostics(text, "NEWS006"));
    }

    [Theory]
    [InlineData("di fronte agli crescenti colpi", "agli crescenti", "ai", "di fronte ai crescenti colpi")]
    [InlineData("le linee verso al Ucraina occupata", "al Ucraina", "all'", "le linee verso all'Ucraina occupata")]
    [InlineData("borse di studio ai studenti", "ai studenti", "agli", "borse di studio agli studenti")]
    [InlineData("è arrivato il zio", "il zio", "lo", "è arrivato lo zio")]
    [InlineData("causato dal tsunami", "dal tsunami", "dallo", "causato dallo tsunami")]
    [InlineData("dentro nello ufficio", "nello ufficio", "nell'", "dentro nell'ufficio")]
    [InlineData("è stato un sciopero", "un sciopero", "uno", "è stato uno sciopero")]
    public void NEWS007_reports_the_wrong_form_and_fixes_it(string sentence, string span, string form, string fixedSentence)
    {
        var text = "Titolo\n" + sentence + ".";
        var diagnostic = Assert.Single(Articles.Diagnostics(text, "NEWS007"));
        Assert.Equal(span, text.Substring(diagnostic.Span.Start, diagnostic.Span.Length));
        var edit = Assert.Single(Assert.Single(diagnostic.Fixes).Edits);
        Assert.Equal(form, edit.NewText);
        Assert.Equal("Titolo\n" + fixedSentence + ".", text[..edit.Span.Start] + edit.NewText + text[edit.Span.End..]);
    }

    [Theory]
    [InlineData("gli ho detto che degli studenti e agli zii dell'Ucraina importa")]
    [InlineData("è morto nello Utah; al Arabiya lo ha detto; nello Sichuan piove")]
    [InlineData("il team del PSG nel XXI secolo ha mandato un sms")]
    [InlineData("gli dei e degli dei; il il problema; nel in mezzo")]
    [InlineData("un pneumatico e il whisky e lo yogurt e gli psicologi e l'Iran")]
    [InlineData("i ragazzi, gli studenti, i Beatles e il Sudafrica")]
    public void NEWS007_stays_silent_on_correct_forms_names_acronyms_and_missing_words(string sentence)
    {
        Assert.Empty(Articles.Diagnostics("Titolo\n" + sentence + ".", "NEWS007"));
    }
}
