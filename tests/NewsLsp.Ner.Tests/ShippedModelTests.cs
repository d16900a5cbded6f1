namespace NewsLsp.Ner.Tests;

public class ShippedModelTests
{
    private static string[] Tokens(string sentence) => sentence.Split(' ');

    private static string TagOf(IReadOnlyList<string> tokens, IReadOnlyList<string> tags, string token) => tags[tokens.ToList().IndexOf(token)];

    [Fact]
    public void Default_model_loads_and_is_cached()
    {
        var model = NerModel.LoadDefault();
        Assert.Same(model, NerModel.LoadDefault());
        Assert.True(model.Gazetteer.TableSize > 1000);
    }

    [Fact]
    public void Person_after_a_title_word_is_tagged_PER()
    {
        var tokens = Tokens("Ieri il presidente Giovanni Bertolazzi ha incontrato i sindacati a Palazzo Chigi .");
        var tags = NerModel.LoadDefault().Tag(tokens);
        Assert.Equal("B-PER", TagOf(tokens, tags, "Giovanni"));
        Assert.Equal("I-PER", TagOf(tokens, tags, "Bertolazzi"));
    }

    [Fact]
    public void Cities_and_countries_are_tagged_LOC()
    {
        var tokens = Tokens("La delegazione è partita da Torino ed è arrivata in Argentina dopo dodici ore di volo .");
        var tags = NerModel.LoadDefault().Tag(tokens);
        Assert.Equal("B-LOC", TagOf(tokens, tags, "Torino"));
        Assert.Equal("B-LOC", TagOf(tokens, tags, "Argentina"));
        Assert.Equal("O", TagOf(tokens, tags, "delegazione"));
    }

    [Fact]
    public void Organisations_are_tagged_ORG()
    {
        var tokens = Tokens("Secondo i dati diffusi dall' Istat , la disoccupazione è scesa ; la Banca d' Italia conferma .");
        var tags = NerModel.LoadDefault().Tag(tokens);
        Assert.Equal("B-ORG", TagOf(tokens, tags, "Istat"));
        Assert.Equal("B-ORG", TagOf(tokens, tags, "Banca"));
        Assert.Equal("I-ORG", TagOf(tokens, tags, "Italia"));
    }

    [Fact]
    public void Typographic_apostrophes_tag_like_ascii_ones()
    {
        var model = NerModel.LoadDefault();
        var ascii = model.Tag(Tokens("Il rapporto dell' Onu sulla Siria è stato pubblicato ieri ."));
        var typographic = model.Tag(Tokens("Il rapporto dell’ Onu sulla Siria è stato pubblicato ieri ."));
        Assert.Equal(ascii, typographic);
    }

    [Fact]
    public void Output_is_always_well_formed_BIO()
    {
        var model = NerModel.LoadDefault();
        string[][] sentences =
        [
            [],
            ["Roma"],
            ["di", "della", "del", "I", "II", "e"],
            Tokens("Il Comitato Olimpico Nazionale Italiano e la Federazione Italiana Giuoco Calcio di Roma"),
            Tokens("« Marco » , disse la signora Lucia Fontana-Rossi della FIAT di Torino , « vieni ! »"),
            Enumerable.Repeat("Milano", 300).ToArray(),
        ];
        foreach (var tokens in sentences)
        {
            var tags = model.Tag(tokens);
            Assert.Equal(tokens.Length, tags.Count);
            for (var i = 0; i < tags.Count; i++)
            {
                Assert.Contains(tags[i], NerTags.All);
                if (tags[i].StartsWith("I-", StringComparison.Ordinal))
                {
                    Assert.True(i > 0 && tags[i - 1].EndsWith(tags[i][2..], StringComparison.Ordinal), $"{tags[i]} at {i} does not continue an entity");
                }
            }
        }
    }

    [Fact]
    public void Document_tagging_matches_sentence_count_and_lengths()
    {
        var model = NerModel.LoadDefault();
        IReadOnlyList<IReadOnlyList<string>> document =
        [
            Tokens("Vertice tra Merkel e Macron a Berlino"),
            Tokens("La cancelliera Angela Merkel ha ricevuto il presidente francese Emmanuel Macron ."),
            Tokens("Merkel e Macron hanno parlato dell' Unione europea ."),
        ];
        var tags = model.Tag(document);
        Assert.Equal(3, tags.Count);
        for (var s = 0; s < 3; s++) Assert.Equal(document[s].Count, tags[s].Count);
        Assert.Equal("B-PER", tags[2][0]);
    }

    [Fact]
    public async Task Concurrent_tagging_gives_the_same_answers()
    {
        var model = NerModel.LoadDefault();
        var tokens = Tokens("Il sindaco di Napoli Carlo Esposito ha scritto al ministero dell' Interno .");
        var expected = model.Tag(tokens);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 200).Select(_ => model.Tag(tokens)).ToList())));
        Assert.All(results.SelectMany(r => r), tags => Assert.Equal(expected, tags));
    }

    [Fact]
    public void Save_and_load_round_trip_gives_identical_tags()
    {
        var model = NerModel.LoadDefault();
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var reloaded = NerModel.Load(stream);
        var tokens = Tokens("La Juventus ha battuto il Milan a Torino davanti al presidente Sergio Mattarella .");
        Assert.Equal(model.Tag(tokens), reloaded.Tag(tokens));
        Assert.Equal(model.UsesDocumentMemory, reloaded.UsesDocumentMemory);
    }

    [Fact]
    public void Dev_split_token_F1_stays_above_floor()
    {
        var articles = ArticleSplitter.Split(ConllReader.ReadFile(RepositoryFiles.PathOf("data/kind/WN_dev.tsv")));
        var model = NerModel.LoadDefault();
        var evaluation = new NerEvaluation();
        foreach (var article in articles)
        {
            var predicted = model.Tag(article.Select(s => s.Tokens).ToList());
            for (var s = 0; s < article.Count; s++) evaluation.Add(article[s].Tags, predicted[s]);
        }
        Assert.Equal(59220, evaluation.Tokens);
        Assert.True(evaluation.TokenMicro.F1 > DevFloor.TokenF1, $"dev token F1 {evaluation.TokenMicro.F1:F4} fell below {DevFloor.TokenF1}");
        Assert.True(evaluation.SpanMicro.F1 > DevFloor.SpanF1, $"dev span F1 {evaluation.SpanMicro.F1:F4} fell below {DevFloor.SpanF1}");
    }
}
