using NewsLsp.LanguageServer.Diagnostics;
using NewsLsp.LanguageServer.Documents;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Diagnostics;

/// <summary>
/// <c>textDocument/diagnostic</c> (pull). Answers from the newest snapshot, not the one current at arrival:
/// diagnostics are always worth having fresh, so a concurrent edit never makes this request stale.
/// </summary>
public sealed class DocumentDiagnosticHandler(LanguageServerWorkspace workspace, DiagnosticConverter converter)
    : LspRequestHandler<DocumentDiagnosticParams, DocumentDiagnosticReport>, ICapabilityContributor
{
    public override string Method => "textDocument/diagnostic";
    public override bool CancelOnDocumentChange => false;

    public override Task<DocumentDiagnosticReport?> HandleAsync(DocumentDiagnosticParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        var items = converter.Convert(workspace.Current, LanguageServerWorkspace.KeyOf(@params.TextDocument.Uri));
        var resultId = DiagnosticConverter.ResultId(items);
        return Task.FromResult<DocumentDiagnosticReport?>(@params.PreviousResultId == resultId
            ? new DocumentDiagnosticReport(DocumentDiagnosticReportKind.Unchanged) { ResultId = resultId }
            : new DocumentDiagnosticReport(DocumentDiagnosticReportKind.Full) { ResultId = resultId, Items = items });
    }

    /// <summary>Advertised only to clients that pull; others get pushed diagnostics.</summary>
    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientCapabilities client) =>
        client.TextDocument?.Diagnostic is null
            ? capabilities
            : capabilities with { DiagnosticProvider = new DiagnosticOptions(InterFileDependencies: true, WorkspaceDiagnostics: true) };
}
