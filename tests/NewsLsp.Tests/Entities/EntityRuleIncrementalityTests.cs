using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;
using Xunit;

namespace NewsLsp.Tests.Entities;

/// <summary>
/// The entity rules (NEWS010–012) read linking article by article, so an edit that relinks some names re-diagnoses
/// only the articles using those names, and a server learns which documents to refresh without diagnosing them all.
/// </summary>
public class EntityRuleIncrementalityTests
{
    private static readonly AnalyzerCatalog EntityRules = new([],
        [new EntitySpellingInArticleAnalyzer(), new EntitySpellingInCorpusAnalyzer(), new SurnameOnlyFirstMentionAnalyzer()]);

    private static (string Key, string Text)[] Texts() =>
    [
        .. Enumerable.Range(0, 4).Select(i => ($"kiev{i}.txt",
            $"Vertice a Kiev\nIl presidente ucraino Volodymyr Zelensky ha incontrato ieri a Kiev il cancelliere tedesco Friedrich Merz. Zelensky ha chiesto nuovi aiuti {i}.")),
        ("kiev4.txt", "Vertice a Kyiv\nIl presidente ucraino Volodymyr Zelenskyy ha incontrato a Kyiv il cancelliere Friedrich Merz. Zelenskyy ha ringraziato."),
        .. Enumerable.Range(0, 5).Select(i => ($"roma{i}.txt",
            $"Consiglio a Roma\nLa presidente del Consiglio Giorgia Meloni ha ricevuto a Palazzo Chigi il presidente francese Emmanuel Macron. Meloni ha parlato di migranti {i}.")),
    ];

    private static WorkspaceSnapshot Workspace(IEnumerable<(string Key, string Text)> texts)
    {
        var snapshot = WorkspaceSnapshot.Create(EntityRules);
        foreach (var (key, text) in texts) snapshot = snapshot.WithDocumentText(new DocumentKey(key), SourceText.From(text));
        return snapshot;
    }

    [Fact]
    public void Relinking_one_name_rediagnoses_only_the_articles_using_it()
    {
        var snapshot = Workspace(Texts());
        foreach (var key in snapshot.Documents) snapshot.GetDiagnostics(key);
        var linking = snapshot.Get(EntityLinkingQuery.For(snapshot.Knowledge));
        Assert.Contains(snapshot.GetDiagnostics(new DocumentKey("kiev4.txt")), d => d.Id == "NEWS011"); // the rules do fire here

        // Respell Zelensky in one article: its summary changes, linking is updated, the Zelensky entity changes.
        var document = new DocumentKey("kiev0.txt");
        var text = snapshot.GetRequiredArticle(document).Text.ToString();
        var at = text.LastIndexOf("Zelensky", StringComparison.Ordinal);
        var edited = snapshot.WithDocumentText(document, SourceText.From(text[..at] + "Zelenskyy" + text[(at + "Zelensky".Length)..]), 2);
        var before = edited.Counters.Read();
        var changed = edited.DocumentsChangedSince(snapshot);
        foreach (var key in edited.Documents) edited.GetDiagnostics(key);
        var cost = edited.Counters.Read() - before;

        Assert.NotSame(linking, edited.Get(EntityLinkingQuery.For(edited.Knowledge)));
        Assert.NotNull(changed);
        Assert.Equal(["kiev0.txt", "kiev1.txt", "kiev2.txt", "kiev3.txt", "kiev4.txt"], changed.Select(d => d.Value).Order(StringComparer.Ordinal));
        Assert.Equal(5, cost.ArticlesCrossDiagnosed); // the five Kiev articles; the Rome ones kept their findings

        // And the findings are those of a workspace built from scratch with the same texts.
        var fresh = Workspace(edited.Documents.Select(d => (d.Value, edited.GetRequiredArticle(d).Text.ToString())));
        foreach (var key in edited.Documents)
            Assert.Equal(Describe(fresh.GetDiagnostics(key)), Describe(edited.GetDiagnostics(key)));
    }

    private static string Describe(IEnumerable<ArticleDiagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"{d.Id} {d.Range} {d.Message}"));
}
