using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;
using Xunit;

namespace NewsLsp.Tests.Entities;

/// <summary>
/// The entity rules share one article's words by entity (<see cref="EntityWordsInArticle"/>): remembered for the rules
/// that read them next, but not for every article of the workspace.
/// </summary>
public class EntityWordsInArticleTests
{
    private static WorkspaceSnapshot Workspace(int articles)
    {
        var snapshot = WorkspaceSnapshot.Create();
        for (var i = 0; i < articles; i++)
        {
            snapshot = snapshot.WithDocumentText(new DocumentKey($"a{i:D4}.txt"),
                SourceText.From($"Vertice numero {i}\nIl presidente ucraino Volodymyr Zelensky ha incontrato a Kiev il cancelliere Friedrich Merz. Zelensky ha parlato."));
        }
        return snapshot;
    }

    [Fact]
    public void An_article_read_again_gets_the_words_it_got_before()
    {
        var snapshot = Workspace(3);
        var linked = snapshot.Get(EntityLinkingQuery.For(snapshot.Knowledge));
        var article = snapshot.GetRequiredArticle(new DocumentKey("a0001.txt"));
        var first = EntityWordsInArticle.Of(article, linked);
        Assert.NotEmpty(first);
        Assert.True(first == EntityWordsInArticle.Of(article, linked)); // the same array: not computed again
    }

    [Fact]
    public void The_words_of_articles_read_long_ago_are_not_kept_alive_by_the_workspace()
    {
        // Far more articles than remembered ones: the first one's slot is taken by another (randomised hashes; the
        // chance that none of 999 lands on it is (63/64)^999, about 10^-7).
        var snapshot = Workspace(1000);
        var linked = snapshot.Get(EntityLinkingQuery.For(snapshot.Knowledge));
        var firstWords = WordsOf(snapshot, linked, snapshot.Documents[0]);
        foreach (var document in snapshot.Documents.Skip(1)) EntityWordsInArticle.Of(snapshot.GetRequiredArticle(document), linked);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(firstWords.TryGetTarget(out _));
        GC.KeepAlive(snapshot);
        GC.KeepAlive(linked);
    }

    // A keystroke that changes no name reuses the words of the article's last version, moved to its new mentions: after
    // typing before names, inserting or removing text, moving a sentence and respelling a name, the words, their
    // offsets and occurrences and the folded forms must be those of a fresh computation.
    [Fact]
    public void Words_after_edits_equal_a_fresh_computation()
    {
        var snapshot = Articles.Seeds();
        var document = snapshot.Documents[1];
        AssertSameAsFresh(snapshot, document);
        var version = 0;
        string Text() => snapshot.GetRequiredArticle(document).Text.ToString();
        var nameKeepingEdits = new Func<string, string>[]
        {
            text => text.Insert(text.IndexOf('\n') + 1, "e"), // typing before every name of the body
            text => text.Insert(text.IndexOf('\n') + 1, "Oggi piove forte. "), // a sentence without names
            text => text.Remove(text.IndexOf('\n') + 1, "Oggi piove forte. ".Length + 1),
            text => text.Insert(text.Length / 2, " \n"), // a paragraph split where no name is
        };
        foreach (var edit in nameKeepingEdits)
        {
            var linked = snapshot.Get(EntityLinkingQuery.For(snapshot.Knowledge));
            snapshot = snapshot.WithDocumentText(document, SourceText.From(edit(Text())), ++version);
            Assert.Same(linked, snapshot.Get(EntityLinkingQuery.For(snapshot.Knowledge))); // the same names: linking reused
            AssertSameAsFresh(snapshot, document);
        }

        // A sentence with names moved to the end (the names in another order), then a name respelled (another linking).
        var lines = Text().Split('\n');
        var body = lines[1];
        var firstSentence = body[..(body.IndexOf(". ", StringComparison.Ordinal) + 2)];
        lines[1] = body[firstSentence.Length..];
        snapshot = snapshot.WithDocumentText(document, SourceText.From(string.Join('\n', lines) + "\n" + firstSentence.TrimEnd()), ++version);
        AssertSameAsFresh(snapshot, document);
        var text = Text();
        var trump = text.LastIndexOf("Trump", StringComparison.Ordinal);
        snapshot = snapshot.WithDocumentText(document, SourceText.From(text[..trump] + "Trumpp" + text[(trump + "Trump".Length)..]), ++version);
        AssertSameAsFresh(snapshot, document);
        snapshot = snapshot.WithDocumentText(document, SourceText.From(Text().Insert(0, "x")), ++version);
        AssertSameAsFresh(snapshot, document);
    }

    private static void AssertSameAsFresh(WorkspaceSnapshot snapshot, DocumentKey document)
    {
        var linked = snapshot.Get(EntityLinkingQuery.For(snapshot.Knowledge));
        var article = snapshot.GetRequiredArticle(document);
        var words = EntityWordsInArticle.Of(article, linked);
        var occurrences = EntityWordsInArticle.OccurrencesOf(article, linked);
        Assert.NotEmpty(words);
        Assert.Equal(Describe(EntityWordsInArticle.Compute(article, linked)), Describe(words));
        Assert.Equal(EntityOccurrences.InArticle(article, linked).ToArray(), occurrences.ToArray());
        var text = article.Text.ToString();
        foreach (var word in words.SelectMany(e => e.Words))
        {
            Assert.Equal(word.Word, text.Substring(word.Offset, word.Word.Length));
            Assert.Contains(occurrences, o => ReferenceEquals(o, word.Occurrence)); // the occurrences of this version
        }
    }

    private static string[] Describe(IEnumerable<EntityWordsInArticle.Entry> entries) =>
    [
        .. entries.Select(e => $"{e.Entity.Id}: " + string.Join(", ", e.Words.Select((w, i) =>
            $"{w.Word}@{w.Offset} in {w.Occurrence.Mention.Text}{w.Occurrence.Span}/{w.Occurrence.Mention.Type}/{w.Occurrence.Entity.Id} = {e.Folded[i]}"))),
    ];

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<EntityWordsInArticle.Entry> WordsOf(WorkspaceSnapshot snapshot, LinkedEntities linked, DocumentKey document) =>
        new(EntityWordsInArticle.Of(snapshot.GetRequiredArticle(document), linked)[0]);
}
