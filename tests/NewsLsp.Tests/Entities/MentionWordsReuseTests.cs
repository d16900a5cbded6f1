using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;
using NewsLsp.Syntax;
using Xunit;

namespace NewsLsp.Tests.Entities;

/// <summary>
/// An edited article's mentions read the words of lines seen before from a memo (<see cref="LineMemo{T}"/>): after any
/// series of edits they must equal the mentions found by reading every sentence afresh, including where a
/// document-level step (a name's type elsewhere in the article) changes a sentence that was not edited.
/// </summary>
public class MentionWordsReuseTests
{
    // What typing can change a sentence's words and names with: capitals, hyphens, apostrophes, spaces, sentence ends.
    private static readonly string[] Insertions = ["e", "A", "Kiev ", "Zelensky ", "-", "'", " ", ".", ". Il presidente Mario Rossi ha detto", "\n", "la rivista "];

    [Fact]
    public void Mentions_after_random_edits_equal_a_fresh_reading()
    {
        var random = new Random(20261122);
        var memo = new LineMemo<ImmutableArray<ImmutableArray<string>>>(slotBits: 3); // small: lines replace each other during the test
        foreach (var path in Repo.SeedFiles.Take(3))
        {
            var text = SourceText.From(File.ReadAllText(path));
            var syntax = ArticleParser.Parse(text);
            AssertSameAsFresh(syntax, memo);
            for (var edit = 0; edit < 40; edit++)
            {
                text = text.WithChanges(RandomEdit(random, text));
                syntax = ArticleParser.Parse(text, syntax);
                AssertSameAsFresh(syntax, memo);
            }
        }
    }

    [Fact]
    public void A_sentence_moved_to_other_lines_gives_its_mentions_at_the_new_place()
    {
        const string sentence = "Il presidente ucraino Volodymyr Zelensky ha incontrato a Kiev il cancelliere tedesco Friedrich Merz.";
        var memo = new LineMemo<ImmutableArray<ImmutableArray<string>>>(slotBits: 6);
        var first = ArticleParser.Parse(SourceText.From("Vertice\n" + sentence + " Poi ha parlato."));
        var moved = ArticleParser.Parse(SourceText.From("Vertice a Berlino\nPoi ha parlato. " + sentence + "\nAncora: " + sentence));
        AssertSameAsFresh(first, memo);
        var mentions = AssertSameAsFresh(moved, memo);
        Assert.Contains(mentions, m => m.Text == "Volodymyr Zelensky" && moved.Text.ToString(m.Span) == m.Text && m.Span.Start > moved.Text.ToString().LastIndexOf("Ancora", StringComparison.Ordinal));
        foreach (var mention in mentions) Assert.Equal(mention.Text, moved.Text.ToString(mention.Span));
    }

    [Fact]
    public void A_cue_removed_in_one_sentence_changes_the_mentions_of_another_as_a_fresh_reading_does()
    {
        // "i sistemi Patriot" in the second sentence types the bare "Patriot" of the first one (a name the article
        // cues elsewhere); removing the cue must change the first sentence's mention, which was not edited.
        var memo = new LineMemo<ImmutableArray<ImmutableArray<string>>>(slotBits: 6);
        var text = SourceText.From("Difesa aerea\nKiev vuole altri Patriot entro l'estate. Gli Stati Uniti hanno inviato i sistemi Patriot a Varsavia.");
        var syntax = ArticleParser.Parse(text);
        var before = AssertSameAsFresh(syntax, memo);
        var cue = text.ToString().IndexOf("sistemi ", StringComparison.Ordinal);
        var edited = ArticleParser.Parse(text.WithChanges(new TextChange(new TextSpan(cue, "sistemi ".Length), "")), syntax);
        var after = AssertSameAsFresh(edited, memo);
        var firstSentenceEnd = text.ToString().IndexOf('.', StringComparison.Ordinal);
        Assert.Equal(EntityType.Misc, Assert.Single(before, m => m.Text == "Patriot" && m.Span.End <= firstSentenceEnd).Type);
        Assert.DoesNotContain(after, m => m.Text == "Patriot" && m.Span.End <= firstSentenceEnd && m.Type == EntityType.Misc);
    }

    [Fact]
    public void An_edited_article_reads_its_sentences_through_the_memo_and_finds_the_fresh_mentions()
    {
        var snapshot = WorkspaceSnapshot.Create();
        var key = new DocumentKey(Repo.SeedFiles[1]);
        snapshot = snapshot.WithDocumentText(key, SourceText.From(File.ReadAllText(Repo.SeedFiles[1])));
        snapshot.GetRequiredArticle(key).Get(ArticleEntityMentions.Query);
        Assert.Equal(0, snapshot.Counters.SentenceMemoReads); // a cold load scans

        for (var edit = 0; edit < 6; edit++)
        {
            var text = snapshot.GetRequiredArticle(key).Text;
            var line = text.Lines[1 + edit % (text.Lines.Count - 1)];
            snapshot = snapshot.WithDocumentText(key, text.WithChanges(new TextChange(new TextSpan(line.Start + line.Span.Length / 2, 0), edit % 2 == 0 ? "e" : "Roma ")), version: edit + 1);
            var article = snapshot.GetRequiredArticle(key);
            var mentions = article.Get(ArticleEntityMentions.Query).Mentions;
            Assert.Equal(ArticleEntityMentions.Find(article.Syntax, memo: null).Mentions.ToArray(), mentions.ToArray());
        }
        Assert.Equal(6, snapshot.Counters.SentenceMemoReads);
    }

    [Fact]
    public void A_line_with_the_same_tokens_over_other_characters_gets_the_words_of_its_characters()
    {
        // The memo finds a line by its tokens' identity, and the parser reuses tokens only for unchanged text; a line
        // that broke that rule must still be read afresh.
        var memo = new LineMemo<ImmutableArray<string>>(slotBits: 6);
        var computed = 0;
        ImmutableArray<string> Words(BlockContent line) => memo.GetOrCompute(line, l =>
        {
            computed++;
            return [.. l.Tokens.Select(l.TokenText)];
        });
        const string text = "Il presidente Mario Rossi ha parlato.";
        var line = ArticleParser.Analyse(text);
        var moved = new BlockContent("Titolo\n" + text, "Titolo\n".Length, text.Length, line.Tokens, line.Sentences, image: null);
        const string sameLength = "Il presidente Marco Rossa ha parlato.";
        var other = new BlockContent(sameLength, 0, sameLength.Length, line.Tokens, line.Sentences, image: null);

        Assert.Contains("Mario", Words(line));
        Assert.Contains("Mario", Words(moved)); // the same tokens over equal characters elsewhere: found
        Assert.Equal(1, computed);
        Assert.Contains("Marco", Words(other));
        Assert.Equal(2, computed);
    }

    private static ImmutableArray<EntityMention> AssertSameAsFresh(ArticleSyntax syntax, LineMemo<ImmutableArray<ImmutableArray<string>>> memo)
    {
        var fresh = ArticleEntityMentions.Find(syntax, memo: null).Mentions;
        Assert.Equal(fresh.ToArray(), ArticleEntityMentions.Find(syntax, memo).Mentions.ToArray());
        return fresh;
    }

    private static TextChange RandomEdit(Random random, SourceText text)
    {
        var at = random.Next(text.Length);
        if (random.Next(4) == 0 && at < text.Length - 1) return new TextChange(new TextSpan(at, 1 + random.Next(Math.Min(8, text.Length - at - 1))), "");
        if (random.Next(4) == 0)
        {
            // Same length, other content: a capital for a lower-case letter, so sentences keyed on lengths would collide.
            for (var tries = 0; tries < 50 && !char.IsLetter(text[at]); tries++) at = random.Next(text.Length);
            var other = char.IsUpper(text[at]) ? char.ToLowerInvariant(text[at]) : char.ToUpperInvariant(text[at]);
            return new TextChange(new TextSpan(at, 1), other.ToString());
        }
        return new TextChange(new TextSpan(at, 0), Insertions[random.Next(Insertions.Length)]);
    }
}
