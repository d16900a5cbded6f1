using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using NewsLsp.Bench.Corpus;
using NewsLsp.Bench.Lsp;
using NewsLsp.ProjectSystem;

namespace NewsLsp.Bench.Measure;

/// <summary>
/// A generated corpus loaded into a snapshot in this process, and the places the keystroke bench types at: what the
/// in-process measurements share, so that they replay the server benchmark's edits exactly.
/// </summary>
internal static class InProcessWorkspace
{
    /// <summary>Every article of the corpus with its facts computed, and the agreement index over them.</summary>
    public static WorkspaceSnapshot LoadWithFacts(GeneratedCorpus corpus)
    {
        var snapshot = WorkspaceSnapshot.Create();
        foreach (var path in ArticleDiscovery.Find(corpus.Folder, ProjectConfiguration.Default))
            snapshot = snapshot.WithDocumentText(new DocumentKey(path), ArticleFileReader.Read(path));
        Parallel.ForEach(snapshot.Documents, d => snapshot.GetRequiredArticle(d).Get(ArticleFacts.Query));
        snapshot.Get(AgreementQuery.Instance);
        return snapshot;
    }

    /// <summary>The keystroke bench's choice: five generated articles spread over the corpus.</summary>
    public static List<DocumentKey> EditedArticles(WorkspaceSnapshot snapshot)
    {
        var targets = snapshot.Documents.Where(d => !d.ToString().Contains("/seeds/", StringComparison.Ordinal)).ToList();
        var count = Math.Min(5, targets.Count);
        return [.. Enumerable.Range(0, count).Select(i => targets[i * targets.Count / count])];
    }

    /// <summary>The offset the keystroke bench types at in <paramref name="text"/>, or -1 when it has no such place.</summary>
    public static int Place(SourceText text, ServerLatency.EditKind kind)
    {
        var content = text.ToString();
        var lines = content.Split('\n');
        (int Line, int Character)? at = kind switch
        {
            ServerLatency.EditKind.Quote => ServerLatency.EditedDocument.QuotePosition(content),
            // As the keystroke bench: two letters into the word, when it is longer than two.
            ServerLatency.EditKind.Name => ServerLatency.EditedDocument.NamePosition(content) is var (nl, nc, word) && word.Length > 2 ? (nl, nc + 2) : null,
            _ => ServerLatency.EditedDocument.ChooseLine(content) is var line ? (line, lines[line].Length / 2) : null,
        };
        if (at is not var (l, c)) return -1;
        var offset = 0;
        for (var k = 0; k < l; k++) offset += lines[k].Length + 1;
        return offset + c;
    }

    /// <summary>The name a report gives an article: its path under the corpus folder.</summary>
    public static string Name(GeneratedCorpus corpus, DocumentKey document) => Path.GetRelativePath(corpus.Folder, document.Value);
}
