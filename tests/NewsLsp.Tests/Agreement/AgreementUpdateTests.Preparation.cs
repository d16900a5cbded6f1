using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using Xunit;

namespace NewsLsp.Tests.Agreement;

/// <summary>
/// An article prepared for editing (<see cref="EditPreparation.PrepareToEdit"/>) takes its first keystrokes' matches
/// among the other sources from the preparation instead of computing them, and every result stays the one a fresh
/// analysis gives.
/// </summary>
public partial class AgreementUpdateTests
{
    [Theory]
    [InlineData("quote")]
    [InlineData("number")]
    public void A_first_keystroke_in_a_prepared_article_reuses_the_prepared_matches_and_equals_a_fresh_compute(string place)
    {
        var snapshot = Articles.Seeds();
        foreach (var (key, text) in new AgreementIncrementalityTestsTexts().All) snapshot = snapshot.WithDocumentText(new DocumentKey(key), SourceText.From(text));
        var index = snapshot.Get(AgreementQuery.Instance);
        // Articles sharing an event with other sources that quote, or give figures, too: the keystroke re-aligns them.
        bool OthersHave(DocumentKey d) => index.EventOf(d)!.Documents.Any(o => o != d && Place(snapshot, o, place) >= 0);
        var candidates = snapshot.Documents.Where(d => index.EventOf(d) is { Documents.Length: > 1 } && Place(snapshot, d, place) >= 0 && OthersHave(d)).ToList();
        Assert.True(candidates.Count >= 2, $"two articles with a {place} in an event of several sources");
        var (prepared, other) = (candidates[0], candidates[1]);
        Assert.True(snapshot.PrepareToEdit(prepared));
        Assert.False(snapshot.PrepareToEdit(prepared)); // prepared already: nothing to do

        foreach (var (key, expectedComputations) in new[] { (prepared, 0), (other, 1) })
        {
            var text = snapshot.GetRequiredArticle(key).Text.ToString();
            snapshot = snapshot.WithDocumentText(key, SourceText.From(text.Insert(Place(snapshot, key, place), "x")), 2);
            QuoteMatches.ComputedOnThisThread = NumberMatches.ComputedOnThisThread = QuoteMatches.AnsweredOnThisThread = 0;
            var incremental = snapshot.Get(AgreementQuery.Instance);
            // The prepared article's first keystroke matches none of the others; one not prepared matches them once.
            Assert.Equal(expectedComputations, place == "quote" ? QuoteMatches.ComputedOnThisThread : NumberMatches.ComputedOnThisThread);
            // And of its segments only the one the letter changed is compared with the others' again.
            if (place == "quote" && key == prepared) Assert.Equal(1, QuoteMatches.AnsweredOnThisThread);
            var fresh = AgreementIndex.Compute([.. snapshot.Documents.Select(d => (d, snapshot.GetRequiredArticle(d).Get(ArticleFacts.Query)))]);
            Assert.Equal(Describe(fresh), Describe(incremental));
        }
    }

    [Fact]
    public void Preparing_every_article_changes_no_diagnostic_of_the_edits_that_follow()
    {
        // Preparing fills per-sentence and per-line memos with an article's text as if it were being edited: the
        // keystrokes after it must find there exactly what computing afresh gives.
        var random = new Random(17);
        var snapshot = Articles.Seeds();
        foreach (var (key, text) in new AgreementIncrementalityTestsTexts().All) snapshot = snapshot.WithDocumentText(new DocumentKey(key), SourceText.From(text));
        foreach (var document in snapshot.Documents) snapshot.PrepareToEdit(document);
        for (var step = 0; step < 12; step++)
        {
            var key = snapshot.Documents[random.Next(snapshot.Documents.Length)];
            var text = snapshot.GetRequiredArticle(key).Text.ToString();
            var at = text.IndexOf('\n') + 1 + random.Next(Math.Max(1, text.Length - text.IndexOf('\n') - 1));
            snapshot = snapshot.WithDocumentText(key, SourceText.From(text.Insert(Math.Min(at, text.Length), Words[random.Next(Words.Length)] + " ")), step + 2);
            var fresh = Articles.Seeds();
            foreach (var d in snapshot.Documents) fresh = fresh.WithDocumentText(d, SourceText.From(snapshot.GetRequiredArticle(d).Text.ToString()));
            Assert.Equal(Describe(fresh.GetDiagnostics(key)), Describe(snapshot.GetDiagnostics(key)));
        }
    }

    // Where a letter lands inside the article body's first quotation, or right before its first figure; -1 when none.
    private static int Place(WorkspaceSnapshot snapshot, DocumentKey key, string place)
    {
        var text = snapshot.GetRequiredArticle(key).Text.ToString();
        var body = text.IndexOf('\n');
        if (body < 0) return -1;
        if (place == "quote")
        {
            var open = text.IndexOfAny(['«', '“'], body);
            return open < 0 ? -1 : open + 2;
        }
        for (var i = body; i < text.Length; i++) if (char.IsAsciiDigit(text[i])) return i;
        return -1;
    }
}
