namespace NewsLsp.Ner.Tests;

public class WordClustersTests
{
    private static WordClusters Sample() => WordClusters.Parse(new StringReader(
        "# comment\n" +
        "roma\t3\t1\n" +
        "milano\t3\t1\n" +
        "dell'\t5\t0\n" +
        "rossi\t7\t1\n"));

    [Fact]
    public void Classes_are_found_by_lowercase_word_at_every_level()
    {
        var clusters = Sample();
        Assert.Equal(2, clusters.Levels);
        Assert.Equal(4, clusters.WordCount);
        Assert.Equal(3, clusters.Find(Gazetteer.TokenKey("Roma"), 0));
        Assert.Equal(1, clusters.Find(Gazetteer.TokenKey("ROMA"), 1));
        Assert.Equal(1, clusters.Find(Gazetteer.TokenKey("Rossi"), 1));
        Assert.Equal(5, clusters.Find(Gazetteer.TokenKey("Dell’"), 0));
        Assert.Equal(-1, clusters.Find(Gazetteer.TokenKey("Torino"), 0));
        Assert.Equal(-1, WordClusters.Empty.Find(Gazetteer.TokenKey("roma"), 0));
    }

    [Fact]
    public void All_levels_at_once_are_the_levels_found_one_by_one_repeating_the_coarsest()
    {
        foreach (var clusters in new[] { Sample(), WordClusters.Empty })
        {
            foreach (var word in new[] { "Roma", "rossi", "dell'", "Torino" })
            {
                var key = Gazetteer.TokenKey(word);
                var levels = new int[4];
                clusters.FindLevels(key, levels);
                for (var level = 0; level < levels.Length; level++)
                {
                    var expected = clusters.Levels == 0 ? -1 : clusters.Find(key, Math.Min(level, clusters.Levels - 1));
                    Assert.Equal(expected, levels[level]);
                }
            }
        }
    }

    [Fact]
    public void Normalised_words_are_lowercase_with_ascii_apostrophes() =>
        Assert.Equal("dell'", WordClusters.NormaliseWord("DELL’"));

    [Fact]
    public void A_model_carries_its_classes_through_save_and_load()
    {
        var documents = new List<IReadOnlyList<ConllSentence>>
        {
            new List<ConllSentence> { new(["a", "Roma", "e", "Milano", "."], ["O", "B-LOC", "O", "B-LOC", "O"]) },
            new List<ConllSentence> { new(["il", "signor", "Rossi", "."], ["O", "O", "B-PER", "O"]) },
        };
        var model = NerTrainer.Train(documents, Gazetteer.Empty, Sample(), new NerTrainingOptions { Epochs = 3, BucketBits = 14, UseDocumentMemory = false, SeedRuns = 1 });
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var reloaded = NerModel.Load(stream);
        Assert.Equal(2, reloaded.Clusters.Levels);
        Assert.Equal(3, reloaded.Clusters.Find(Gazetteer.TokenKey("milano"), 0));
        string[] tokens = ["da", "Milano", "a", "Roma", "con", "Rossi"];
        Assert.Equal(model.Tag(tokens), reloaded.Tag(tokens));
    }
}
