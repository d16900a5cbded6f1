namespace NewsLsp.Ner.Tests;

/// <summary>
/// Tagging with a <see cref="SentenceTagCache"/> gives exactly the tags of a full tagging, after edits that change one
/// sentence and also the document-context and memory codes other sentences read (a word's capitalisation elsewhere,
/// a name added or removed).
/// </summary>
public class SentenceTagCacheTests
{
    private static readonly string[] Inserted = ["Rossi", "rossi", "Roma", "roma", "Mattarella", "il", "Il", "Juventus", "«", ":"];

    [Theory]
    [InlineData(1, 8192, 1000)]
    [InlineData(2, 8192, 1000)]
    [InlineData(3, 16, 0)] // a tiny cache that keeps turning over: still exact
    public void Cached_tags_equal_full_tagging_after_random_edits(int seed, int capacity, int minimumHits)
    {
        var random = new Random(seed);
        var model = NerModel.LoadDefault();
        var cache = model.CreateTagCache(capacity);
        var articles = ArticleSplitter.Split(ConllReader.ReadFile(RepositoryFiles.PathOf("data/kind/WN_dev.tsv")))
            .Take(40).Select(a => a.Select(s => s.Tokens.ToList()).ToList()).ToList();
        foreach (var article in articles) AssertSameTags(model, cache, article);

        for (var step = 0; step < 150; step++)
        {
            var article = articles[random.Next(articles.Count)];
            var sentence = article[random.Next(article.Count)];
            var at = random.Next(sentence.Count);
            switch (random.Next(4))
            {
                case 0: sentence.Insert(at, Inserted[random.Next(Inserted.Length)]); break;
                case 1: if (sentence.Count > 1) sentence.RemoveAt(at); break;
                case 2: // the same word with its capitalisation flipped: moves the codes of its other occurrences
                    var word = sentence[at];
                    sentence[at] = char.IsUpper(word[0]) ? word.ToLowerInvariant() : char.ToUpperInvariant(word[0]) + word[1..];
                    break;
                default: sentence[at] += "x"; break;
            }
            AssertSameTags(model, cache, article);
        }
        Assert.True(cache.Hits >= minimumHits, $"only {cache.Hits} cache hits");
        Assert.True(cache.Misses > 150, $"only {cache.Misses} cache misses");
    }

    [Fact]
    public void Arrays_the_caller_changes_after_tagging_do_not_change_what_the_cache_holds()
    {
        // The cache reads a caller's arrays in place while tagging; the keys it keeps must hold copies, or a word
        // changed in the caller's array afterwards would change a kept key and the original text would miss.
        var model = NerModel.LoadDefault();
        var cache = model.CreateTagCache(8192);
        var article = ArticleSplitter.Split(ConllReader.ReadFile(RepositoryFiles.PathOf("data/kind/WN_dev.tsv")))
            .First().Select(s => s.Tokens.ToArray()).ToList();
        var original = article.Select(s => (IReadOnlyList<string>)s.ToArray()).ToList();
        var inPlace = article.Select(s => (IReadOnlyList<string>)s).ToList();
        model.Tag(inPlace, cache);
        for (var sentence = 0; sentence < article.Count; sentence++)
        {
            article[sentence][0] += "x";
            var edited = model.Tag(inPlace, cache);
            var expected = model.Tag(article.Select(s => (IReadOnlyList<string>)s.ToArray()).ToList());
            for (var s = 0; s < expected.Count; s++) Assert.Equal(expected[s], edited[s]);

            // The original text was tagged first, into keys made from the arrays now changed: it must still be found.
            var misses = cache.Misses;
            model.Tag(original, cache);
            Assert.Equal(misses, cache.Misses);
        }
    }

    [Fact]
    public void A_cache_belongs_to_one_model()
    {
        var model = NerModel.LoadDefault();
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var other = NerModel.Load(stream);
        Assert.Throws<ArgumentException>(() => other.Tag([["Roma"]], model.CreateTagCache(10)));
    }

    private static void AssertSameTags(NerModel model, SentenceTagCache cache, List<List<string>> article)
    {
        var sentences = article.Select(s => (IReadOnlyList<string>)s.ToArray()).ToList();
        var expected = model.Tag(sentences);
        var cached = model.Tag(sentences, cache);
        Assert.Equal(expected.Count, cached.Count);
        for (var s = 0; s < expected.Count; s++) Assert.Equal(expected[s], cached[s]);
    }
}
