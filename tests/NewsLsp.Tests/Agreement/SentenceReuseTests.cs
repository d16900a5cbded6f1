using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using NewsLsp.Syntax;
using Xunit;

namespace NewsLsp.Tests.Agreement;

/// <summary>
/// Numbers, signatures and quotations reuse the results of sentences (quoted passages) seen before
/// (<see cref="SentenceMemo{T}"/>): after any series of edits they must equal a computation that scans every sentence afresh.
/// </summary>
public class SentenceReuseTests
{
    // What typing can change a sentence's numbers and stems with: digits, number words, separators, capitals, quotes.
    private static readonly string[] Insertions = ["1", "5", "2.000", ",", ".", " ", "tre ", "mila ", "euro", "A", "X", "«", "»", "\"", "\n", "e", "giorni ", "marzo "];

    [Fact]
    public void Numbers_signatures_and_quotations_after_random_edits_equal_a_fresh_computation()
    {
        var random = new Random(20251121);
        foreach (var path in Repo.SeedFiles.Take(8))
        {
            var text = SourceText.From(File.ReadAllText(path));
            var syntax = ArticleParser.Parse(text);
            for (var edit = 0; edit < 100; edit++)
            {
                text = text.WithChanges(RandomEdit(random, text));
                syntax = ArticleParser.Parse(text, syntax);
                AssertSameAsFresh(syntax);
            }
        }
    }

    [Fact]
    public void Undoing_an_edit_finds_every_sentence_again_and_the_results_are_those_of_the_original()
    {
        var text = SourceText.From(File.ReadAllText(Repo.SeedFiles[0]));
        var original = ArticleParser.Parse(text);
        var before = NumberExtractor.Extract(original);
        var line = text.Lines[text.Lines.Count / 2];
        var edited = ArticleParser.Parse(text.WithChanges(new TextChange(new TextSpan(line.Start, 0), "Nel 2024 morirono 12 persone. ")), original);
        AssertSameAsFresh(edited);
        var undone = ArticleParser.Parse(text, edited);
        var after = NumberExtractor.Extract(undone);
        Assert.Equal(before.Numbers, after.Numbers);
        Assert.Equal(before.Spans.ToArray(), after.Spans.ToArray());
        AssertSameAsFresh(undone);
    }

    [Fact]
    public void The_same_sentence_in_another_place_gives_its_numbers_at_the_new_place()
    {
        const string sentence = "Almeno 23 persone sono morte e 5.000 sfollati lunedì.";
        var first = ArticleParser.Parse(SourceText.From("Titolo\n" + sentence));
        var moved = ArticleParser.Parse(SourceText.From("Titolo più lungo\nUn'altra frase prima. " + sentence + "\n" + sentence));
        NumberExtractor.Extract(first);
        var numbers = NumberExtractor.Extract(moved);
        Assert.Equal(NumberExtractor.Extract(moved, memo: null).Spans.ToArray(), numbers.Spans.ToArray());
        Assert.Equal(3 * 2, numbers.Numbers.Count); // "Almeno 23 persone", "5.000 sfollati", "lunedì", in both copies
        for (var i = 0; i < numbers.Numbers.Count; i++)
        {
            Assert.Equal(numbers.Numbers[i].Text, moved.Text.ToString(numbers.Spans[i]));
        }
    }

    [Fact]
    public void Concurrent_readers_of_the_memo_get_the_fresh_results()
    {
        var texts = Repo.SeedFiles.Take(6).Select(p => SourceText.From(File.ReadAllText(p))).ToArray();
        var syntaxes = texts.Select(t => ArticleParser.Parse(t)).ToArray();
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var random = new Random(i);
            var text = texts[i % texts.Length];
            var syntax = ArticleParser.Parse(text.WithChanges(RandomEdit(random, text)), syntaxes[i % syntaxes.Length]);
            AssertSameAsFresh(syntax);
        });
    }

    [Fact]
    public void A_memo_over_its_capacity_still_answers_with_computed_results()
    {
        var memo = new SentenceMemo<ImmutableArray<(NumberMention, TextSpan)>>(capacity: 3);
        foreach (var path in Repo.SeedFiles.Take(3))
        {
            var syntax = ArticleParser.Parse(SourceText.From(File.ReadAllText(path)));
            var fresh = NumberExtractor.Extract(syntax, memo: null);
            for (var round = 0; round < 2; round++)
            {
                var memoized = NumberExtractor.Extract(syntax, memo);
                Assert.Equal(fresh.Numbers, memoized.Numbers);
                Assert.Equal(fresh.Spans.ToArray(), memoized.Spans.ToArray());
            }
        }
    }

    // A cold load scans every sentence directly (remembering each would copy it for nothing); an edited article, and
    // a version bump of it, go through the memos, and their facts are those of a fresh scan.
    [Fact]
    public void Only_edited_articles_go_through_the_sentence_memos()
    {
        var snapshot = WorkspaceSnapshot.Create();
        foreach (var path in Repo.SeedFiles.Take(4)) snapshot = snapshot.WithDocumentText(new DocumentKey(path), SourceText.From(File.ReadAllText(path)));
        foreach (var key in snapshot.Documents) snapshot.GetRequiredArticle(key).Get(ArticleFacts.Query);
        Assert.Equal(0, snapshot.Counters.SentenceMemoReads);

        var edited = snapshot.Documents[0];
        var text = snapshot.GetRequiredArticle(edited).Text;
        snapshot = snapshot.WithDocumentText(edited, text.WithChanges(new TextChange(new TextSpan(text.Length, 0), "\nAltre 12 persone sono morte lunedì.")), version: 1);
        var facts = snapshot.GetRequiredArticle(edited).Get(ArticleFacts.Query);
        Assert.Equal(3, snapshot.Counters.SentenceMemoReads); // the signature, the numbers and the quotations
        var syntax = snapshot.GetRequiredArticle(edited).Syntax;
        Assert.Equal(NumberExtractor.Extract(syntax, memo: null).Numbers, facts.Numbers);
        Assert.Equal(ArticleFacts.ComputeSignature(syntax, memo: null).ToArray(), facts.Signature.Items.ToArray());

        snapshot = snapshot.WithDocumentText(edited, snapshot.GetRequiredArticle(edited).Text.WithChanges(new TextChange(new TextSpan(0, 0), "X")), version: 2);
        snapshot.GetRequiredArticle(edited).Get(ArticleFacts.Query);
        Assert.Equal(6, snapshot.Counters.SentenceMemoReads);
    }

    [Fact]
    public void Quotations_read_through_the_memo_equal_a_fresh_reading_wherever_they_stand_and_however_they_are_spaced()
    {
        var memo = new SentenceMemo<QuoteExtractor.QuotedText>(capacity: 64);
        const string quote = "«Non ci arrenderemo mai. Mai!», ha detto Zelensky.";
        string[] texts =
        [
            "Titolo\n" + quote,
            "Titolo più lungo\nUn'altra frase prima. " + quote + "\n" + quote,
            "Titolo\n« Non ci arrenderemo mai. Mai! », ha detto Zelensky.", // spaces inside the marks
            "Titolo\n«Non ci arrenderemo mai. Mai! », ha detto Zelensky.",
            "Titolo\n«»e «", // an empty quotation and an unpaired mark
        ];
        foreach (var round in new[] { 0, 1 })
        {
            foreach (var text in texts)
            {
                var syntax = ArticleParser.Parse(SourceText.From(text));
                var pairs = QuotePairs.Compute(syntax);
                var fresh = QuoteExtractor.Extract(syntax, pairs, memo: null);
                var memoized = QuoteExtractor.Extract(syntax, pairs, memo);
                AssertSameQuotes(fresh, memoized);
                foreach (var (mention, span) in memoized.Located) Assert.Equal(syntax.Text.ToString(span), mention.Text);
            }
        }
    }

    private static void AssertSameQuotes(ArticleQuotes fresh, ArticleQuotes memoized)
    {
        Assert.Equal(fresh.Spans.ToArray(), memoized.Spans.ToArray());
        Assert.Equal(fresh.Quotes.ToArray(), memoized.Quotes.ToArray()); // text, speaker, headline, every word and offset
    }

    private static void AssertSameAsFresh(ArticleSyntax syntax)
    {
        var numbers = NumberExtractor.Extract(syntax);
        var fresh = NumberExtractor.Extract(syntax, memo: null);
        Assert.Equal(fresh.Numbers, numbers.Numbers);
        Assert.Equal(fresh.Spans.ToArray(), numbers.Spans.ToArray());
        Assert.Equal(ArticleFacts.ComputeSignature(syntax, memo: null).ToArray(), ArticleFacts.ComputeSignature(syntax).ToArray());
        var pairs = QuotePairs.Compute(syntax);
        AssertSameQuotes(QuoteExtractor.Extract(syntax, pairs, memo: null), QuoteExtractor.Extract(syntax, pairs, QuoteMemo));
    }

    // One memo across every edit of a test, as the engine keeps one across keystrokes.
    private static readonly SentenceMemo<QuoteExtractor.QuotedText> QuoteMemo = new(capacity: 256);

    private static TextChange RandomEdit(Random random, SourceText text)
    {
        var at = random.Next(text.Length);
        if (random.Next(3) == 0)
        {
            // Same length, other content: a digit for a digit, a letter for a letter; sentences keyed on lengths would collide.
            for (var tries = 0; tries < 50 && !char.IsDigit(text[at]) && !char.IsLetter(text[at]); tries++) at = random.Next(text.Length);
            var other = char.IsDigit(text[at]) ? (char)('0' + (text[at] - '0' + 1 + random.Next(9)) % 10) : text[at] == 'e' ? 'a' : 'e';
            return new TextChange(new TextSpan(at, 1), other.ToString());
        }
        if (random.Next(3) == 0 && at < text.Length - 1) return new TextChange(new TextSpan(at, 1 + random.Next(Math.Min(6, text.Length - at - 1))), "");
        return new TextChange(new TextSpan(at, 0), Insertions[random.Next(Insertions.Length)]);
    }
}
