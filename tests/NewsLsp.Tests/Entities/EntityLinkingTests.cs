using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;
using NewsLsp.ProjectSystem;
using NewsLsp.Text;
using Xunit;

namespace NewsLsp.Tests.Entities;

public class EntityLinkingTests
{
    private static readonly Lazy<EntityIndex> SeedIndex = new(() => EntityIndex.For(Articles.Seeds()));

    private static LinkedEntity SeedEntity(string text, EntityType type) =>
        SeedIndex.Value.Entities.Find(text, type) ?? throw new Xunit.Sdk.XunitException($"no entity for {text} ({type})");

    [Theory]
    [InlineData("Volodymyr Zelensky", "Zelenskyy", EntityType.Person)]
    [InlineData("Volodymyr Zelenskyy", "Zelensky", EntityType.Person)]
    [InlineData("Kiev", "Kyiv", EntityType.Location)]
    [InlineData("NATO", "Nato", EntityType.Organisation)]
    [InlineData("CIA", "Cia", EntityType.Organisation)]
    [InlineData("Mike Waltz", "Michael Waltz", EntityType.Person)]
    [InlineData("Vladimir Putin", "Putin", EntityType.Person)]
    public void Variants_of_one_name_are_one_entity_across_articles(string a, string b, EntityType type) =>
        Assert.Same(SeedEntity(a, type), SeedEntity(b, type));

    [Theory]
    [InlineData("Russia", EntityType.Location, "Mosca", EntityType.Location)]
    [InlineData("Russia", EntityType.Location, "Cremlino", EntityType.Organisation)]
    [InlineData("Mosca", EntityType.Location, "Cremlino", EntityType.Organisation)]
    [InlineData("Stati Uniti", EntityType.Location, "Washington", EntityType.Location)]
    [InlineData("Ucraina", EntityType.Location, "Kiev", EntityType.Location)]
    public void Distinct_entities_stay_distinct(string a, EntityType typeA, string b, EntityType typeB) =>
        Assert.NotEqual(SeedEntity(a, typeA).Id, SeedEntity(b, typeB).Id);

    [Fact]
    public void Roles_come_from_titles_in_front_of_names()
    {
        Assert.Contains("cancelliere tedesco", SeedEntity("Friedrich Merz", EntityType.Person).Roles);
        Assert.Contains("presidente russo", SeedEntity("Vladimir Putin", EntityType.Person).Roles);
        Assert.Contains("ministro della Difesa tedesco", SeedEntity("Boris Pistorius", EntityType.Person).Roles);
    }

    [Fact]
    public void A_role_is_not_taken_from_a_verb_phrase_or_a_preposition()
    {
        var mentions = Mentions("Titolo\nIl governo ha parlato con il presidente russo Vladimir Putin. Una chiamata con Marco Rossi è durata un'ora.");
        Assert.Equal("presidente russo", mentions.Single(m => m.Text == "Vladimir Putin").Role);
        Assert.Null(mentions.Single(m => m.Text == "Marco Rossi").Role);
    }

    [Fact]
    public void Surnames_link_only_to_a_unique_full_name()
    {
        var snapshot = Articles.Workspace(
            ("a.txt", "Titolo\nIl ministro Mario Rossi ha incontrato Giulia Rossi a Milano. Rossi ha detto che tutto va bene."),
            ("b.txt", "Titolo\nMario Rossi è arrivato a Milano."));
        var entities = EntityIndex.For(snapshot).Entities;
        var mario = entities.Find("Mario Rossi", EntityType.Person);
        var giulia = entities.Find("Giulia Rossi", EntityType.Person);
        Assert.NotNull(mario);
        Assert.NotNull(giulia);
        Assert.NotEqual(mario!.Id, giulia!.Id);
    }

    [Fact]
    public void Image_lines_are_not_searched_for_names()
    {
        var mentions = Mentions("Titolo\n![Donald Trump a Roma](https://example.org/trump.jpg)\nIl testo parla di Roma.");
        Assert.DoesNotContain(mentions, m => m.Text.Contains("Trump"));
    }

    [Fact]
    public void Mention_spans_are_exact_utf16_offsets()
    {
        var text = "Titolo 😀\nIl cancelliere tedesco Friedrich Merz è arrivato a Berlino.";
        foreach (var mention in Mentions(text)) Assert.Equal(mention.Text, text.Substring(mention.Span.Start, mention.Span.Length));
        Assert.Contains(Mentions(text), m => m.Text == "Friedrich Merz" && m.Type == EntityType.Person);
    }

    [Fact]
    public void The_knowledge_file_adds_aliases_and_splits_names()
    {
        var knowledge = KnowledgeFile.Parse("""
            { "entities": [ { "canonical": "Stati Uniti", "type": "LOC", "aliases": ["America"] } ],
              "split": [ ["Zelensky", "Zelenskyy"] ] }
            """, "test");
        var index = EntityIndex.For(Articles.Seeds().WithKnowledge(knowledge));
        Assert.Same(index.Entities.Find("America", EntityType.Location), index.Entities.Find("Stati Uniti", EntityType.Location));
        Assert.Equal("Stati Uniti", index.Entities.Find("America", EntityType.Location)!.Canonical);
        Assert.NotSame(index.Entities.Find("Zelensky", EntityType.Person), index.Entities.Find("Zelenskyy", EntityType.Person));
    }

    [Fact]
    public void A_malformed_knowledge_file_names_the_key()
    {
        var error = Assert.Throws<ConfigurationException>(() => KnowledgeFile.Parse("""{ "entities": [ { "canonical": "X", "type": "PLANET" } ] }""", "k.json"));
        Assert.Contains("entities[0].type", error.Message);
    }

    [Fact]
    public void An_edit_that_changes_no_name_reuses_the_corpus_linking()
    {
        var snapshot = Articles.Seeds();
        var before = EntityIndex.For(snapshot).Entities;
        var counters = snapshot.Counters.Read();
        var key = new DocumentKey("000_741cba54a8a3ee60.txt");
        var edited = snapshot.WithDocumentEdits(key, [new TextEdit(new LinePositionSpan(new(1, 0), new(1, 0)), "Ieri ")], version: 2);
        var after = EntityIndex.For(edited).Entities;

        Assert.Same(before, after);
        Assert.Equal(0, (edited.Counters.Read() - counters).CorpusComputations);
        // The mentions themselves moved with the text.
        Assert.NotEqual(EntityIndex.For(snapshot).MentionsIn(key)[^1].Span, EntityIndex.For(edited).MentionsIn(key)[^1].Span);
    }

    [Fact]
    public void An_edit_that_adds_a_name_recomputes_the_linking_once()
    {
        var snapshot = Articles.Seeds();
        _ = EntityIndex.For(snapshot).Entities;
        var counters = snapshot.Counters.Read();
        var key = new DocumentKey("003_5d5f1c6bd4a7931f.txt");
        var edited = snapshot.WithDocumentEdits(key, [new TextEdit(new LinePositionSpan(new(1, 0), new(1, 0)), "Il ministro Giorgio Bianchini ha parlato. ")], version: 2);
        var after = EntityIndex.For(edited).Entities;

        Assert.Equal(1, (edited.Counters.Read() - counters).CorpusComputations);
        Assert.NotNull(after.Find("Giorgio Bianchini", EntityType.Person));
    }

    private static IReadOnlyList<EntityMention> Mentions(string text) =>
        ArticleEntityMentions.Find(NewsLsp.Syntax.ArticleParser.Parse(SourceText.From(text))).Mentions;
}
