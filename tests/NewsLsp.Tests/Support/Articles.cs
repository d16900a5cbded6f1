using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;

namespace NewsLsp.Tests;

/// <summary>Small helpers to build workspaces from strings.</summary>
public static class Articles
{
    public static WorkspaceSnapshot Workspace(params (string Key, string Text)[] articles)
    {
        var snapshot = WorkspaceSnapshot.Create();
        foreach (var (key, text) in articles) snapshot = snapshot.WithDocumentText(new DocumentKey(key), SourceText.From(text));
        return snapshot;
    }

    public static IReadOnlyList<ArticleDiagnostic> Diagnostics(string text, string? rule = null)
    {
        var snapshot = Workspace(("a.txt", text));
        return snapshot.GetDiagnostics(new DocumentKey("a.txt")).Where(d => rule is null || d.Id == rule).ToList();
    }

    public static WorkspaceSnapshot Seeds()
    {
        var snapshot = WorkspaceSnapshot.Create();
        foreach (var file in Repo.SeedFiles)
            snapshot = snapshot.WithDocumentText(new DocumentKey(Path.GetFileName(file)), SourceText.From(File.ReadAllText(file)));
        return snapshot;
    }
}
