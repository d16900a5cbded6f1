using NewsLsp.Analysis;

namespace NewsLsp.Cli;

/// <summary>Everything a lint run found, in path then position order, ready for any output format.</summary>
internal sealed record LintReport(IReadOnlyList<ArticleDiagnostic> Diagnostics, AnalyzerCatalog Catalog)
{
    public static LintReport Create(WorkspaceSnapshot snapshot, IReadOnlyList<string> paths)
    {
        var perFile = new IReadOnlyList<ArticleDiagnostic>[paths.Count];
        snapshot.ComputeCorpusFacts();
        // Articles are independent once the corpus facts are computed; the snapshot is safe to read in parallel.
        Parallel.For(0, paths.Count, i => perFile[i] = snapshot.GetDiagnostics(new DocumentKey(paths[i])));
        return new LintReport(perFile.SelectMany(d => d).ToList(), snapshot.Catalog);
    }

    public bool HasAtOrAbove(Severity threshold) =>
        threshold != Severity.None && Diagnostics.Any(d => d.Severity >= threshold);
}
