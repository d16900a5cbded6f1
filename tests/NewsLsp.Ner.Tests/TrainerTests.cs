namespace NewsLsp.Ner.Tests;

public class TrainerTests
{
    // A tiny synthetic corpus: people after "signor", places after "a", organisations after "la società".
    private static readonly string[] People = ["Rossi", "Bianchi", "Verdi", "Neri", "Gallo", "Conti"];
    private static readonly string[] Places = ["Ancona", "Pavia", "Lecce", "Trento", "Udine", "Siena"];
    private static readonly string[] Companies = ["Alfatech", "Betamec", "Gammasoft", "Deltanet", "Epsilab", "Zetacom"];

    private static IReadOnlyList<IReadOnlyList<ConllSentence>> Corpus()
    {
        var documents = new List<IReadOnlyList<ConllSentence>>();
        for (var d = 0; d < People.Length; d++)
        {
            var person = People[d];
            var place = Places[(d + 1) % Places.Length];
            var company = Companies[(d + 2) % Companies.Length];
            documents.Add(
            [
                new(["il", "signor", person, "vive", "a", place, "."], ["O", "O", "B-PER", "O", "O", "B-LOC", "O"]),
                new(["la", "società", company, "apre", "a", place, "."], ["O", "O", "B-ORG", "O", "O", "B-LOC", "O"]),
                new(["il", "signor", person, "lavora", "per", "la", "società", company, "."], ["O", "O", "B-PER", "O", "O", "O", "O", "B-ORG", "O"]),
            ]);
        }
        return documents;
    }

    private static NerTrainingOptions Options => new() { Epochs = 10, BucketBits = 16, MemoryFolds = 3 };

    [Fact]
    public void Training_on_a_tiny_corpus_learns_it()
    {
        var model = NerTrainer.Train(Corpus(), Gazetteer.Empty, Options);
        var evaluation = new NerEvaluation();
        foreach (var sentence in Corpus().SelectMany(d => d)) evaluation.Add(sentence.Tags, model.Tag(sentence.Tokens));
        Assert.Equal(1.0, evaluation.SpanMicro.F1, 6);
    }

    [Fact]
    public void Training_generalises_from_context_to_unseen_names()
    {
        var model = NerTrainer.Train(Corpus(), Gazetteer.Empty, Options);
        var tags = model.Tag(["il", "signor", "Zanardi", "vive", "a", "Bormio", "."]);
        Assert.Equal("B-PER", tags[2]);
        Assert.Equal("B-LOC", tags[5]);
    }

    [Fact]
    public void Training_is_reproducible_byte_for_byte()
    {
        static byte[] Bytes(NerModel model)
        {
            using var stream = new MemoryStream();
            model.Save(stream);
            return stream.ToArray();
        }
        Assert.Equal(Bytes(NerTrainer.Train(Corpus(), Gazetteer.Empty, Options)), Bytes(NerTrainer.Train(Corpus(), Gazetteer.Empty, Options)));
    }

    [Fact]
    public void Gazetteer_matches_longest_entry_per_category()
    {
        var gazetteer = Gazetteer.Build(
        [
            (GazetteerCategory.Organisation, ["Banca", "d'", "Italia"]),
            (GazetteerCategory.Country, ["Italia"]),
        ]);
        string[] tokens = ["la", "Banca", "d’", "Italia", "e", "l'", "Italia"];
        var hashes = tokens.Select(t => FeatureHashOf(t)).ToArray();
        var labels = new byte[tokens.Length * Gazetteer.CategoryCount];
        gazetteer.Match(hashes, labels);
        byte Label(int token, GazetteerCategory category) => labels[token * Gazetteer.CategoryCount + (int)category];
        Assert.Equal(Gazetteer.Begin, Label(1, GazetteerCategory.Organisation));
        Assert.Equal(Gazetteer.Inside, Label(2, GazetteerCategory.Organisation));
        Assert.Equal(Gazetteer.Last, Label(3, GazetteerCategory.Organisation));
        Assert.Equal(Gazetteer.Unit, Label(3, GazetteerCategory.Country));
        Assert.Equal(Gazetteer.Unit, Label(6, GazetteerCategory.Country));
        Assert.Equal(Gazetteer.None, Label(0, GazetteerCategory.Organisation));
    }

    private static ulong FeatureHashOf(string token) => Gazetteer.TokenKey(token);
}
