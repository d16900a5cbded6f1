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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<EntityWordsInArticle.Entry> WordsOf(WorkspaceSnapshot snapshot, LinkedEntities linked, DocumentKey document) =>
        new(EntityWordsInArticle.Of(snapshot.GetRequiredArticle(document), linked)[0]);
}
