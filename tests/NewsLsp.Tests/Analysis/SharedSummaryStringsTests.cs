using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using NewsLsp.Analysis.Entities;
using Xunit;

namespace NewsLsp.Tests.Analysis;

/// <summary>
/// What the workspace keeps for every article shares its recurring strings: names, figures, quotes and diagnostic
/// messages are the same instance in every article that has them (each copy used to be kept apart).
/// </summary>
public class SharedSummaryStringsTests
{
    private static (ArticleState A, ArticleState B, WorkspaceSnapshot Snapshot) TwoArticles()
    {
        // Two sources of one event: no sentence is the same (a sentence seen before is not analysed again), but the
        // name, the quote, the figure and the unbalanced quotation mark are.
        var snapshot = WorkspaceSnapshot.Create()
            .WithDocumentText(new DocumentKey("a.txt"), SourceText.From(
                "Vertice a Kiev\nIl presidente ucraino Volodymyr Zelensky ha detto: «Non cederemo mai un metro di terra». " +
                "Nella notte sono stati lanciati più di 330 missili. Il ministro ha detto «basta."))
            .WithDocumentText(new DocumentKey("b.txt"), SourceText.From(
                "Zelensky parla a Kiev\nIeri Volodymyr Zelensky ha dichiarato: «Non cederemo mai un metro di terra». " +
                "Secondo l'esercito sono stati lanciati più di 330 missili. Un portavoce ha detto «mai."));
        return (snapshot.GetRequiredArticle(new DocumentKey("a.txt")), snapshot.GetRequiredArticle(new DocumentKey("b.txt")), snapshot);
    }

    [Fact]
    public void Entity_mentions_share_their_text()
    {
        var (a, b, _) = TwoArticles();
        var name = a.Get(ArticleEntityMentions.Query).Mentions.Single(m => m.Text == "Volodymyr Zelensky");
        Assert.Same(name.Text, b.Get(ArticleEntityMentions.Query).Mentions.Single(m => m.Text == "Volodymyr Zelensky").Text);
    }

    [Fact]
    public void Numbers_and_quotes_share_their_strings()
    {
        var (a, b, _) = TwoArticles();
        var (numberA, numberB) = (a.Get(NumberExtractor.Query).Numbers.Single(n => n.Value == 330), b.Get(NumberExtractor.Query).Numbers.Single(n => n.Value == 330));
        Assert.Same(numberA.Text, numberB.Text);
        Assert.Same(numberA.Claim, numberB.Claim);
        Assert.Same(numberA.Head, numberB.Head);
        Assert.Same(a.Get(QuoteExtractor.Query).Quotes[0].Text, b.Get(QuoteExtractor.Query).Quotes[0].Text);
        Assert.Same(a.Get(QuoteExtractor.Query).Quotes[0].Speaker, b.Get(QuoteExtractor.Query).Quotes[0].Speaker);
    }

    [Fact]
    public void Diagnostic_messages_are_shared()
    {
        var (a, b, snapshot) = TwoArticles();
        var unbalanced = snapshot.GetDiagnostics(a.Key).First(d => d.Id == "NEWS001");
        Assert.Same(unbalanced.Message, snapshot.GetDiagnostics(b.Key).First(d => d.Id == "NEWS001").Message);
    }
}
