using NewsLsp.LanguageServer.Diagnostics;
using NewsLsp.LanguageServer.Documents;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Diagnostics;

/// <summary><c>workspace/diagnostic</c>: every article of the corpus, open or not, with unchanged reports for ids the client already has.</summary>
public sealed class WorkspaceDiagnosticHandler(LanguageServerWorkspace workspace, DiagnosticConverter converter)
    : LspRequestHandler<WorkspaceDiagnosticParams, WorkspaceDiagnosticReport>
{
    public override string Method => "workspace/diagnostic";
    public override bool CancelOnDocumentChange => false;

    public override Task<WorkspaceDiagnosticReport?> HandleAsync(WorkspaceDiagnosticParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in @params.PreviousResultIds) previous[DocumentUris.Normalize(id.Uri)] = id.Value;

        var snapshot = workspace.Current;
        var reports = new List<WorkspaceDocumentDiagnosticReport>();
        foreach (var key in snapshot.Documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var uri = workspace.ClientUri(key);
            var version = workspace.IsOpen(key.Value) ? snapshot.GetArticle(key)?.Version : null;
            var items = converter.Convert(snapshot, key);
            var resultId = DiagnosticConverter.ResultId(items);
            reports.Add(previous.TryGetValue(key.Value, out var known) && known == resultId
                ? new WorkspaceDocumentDiagnosticReport(DocumentDiagnosticReportKind.Unchanged, uri, version) { ResultId = resultId }
                : new WorkspaceDocumentDiagnosticReport(DocumentDiagnosticReportKind.Full, uri, version) { ResultId = resultId, Items = items });
        }
        return Task.FromResult<WorkspaceDiagnosticReport?>(new WorkspaceDiagnosticReport(reports));
    }
}
