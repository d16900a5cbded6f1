using NewsLsp.Ide.CodeActions;
using NewsLsp.LanguageServer.Diagnostics;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Features;

/// <summary>
/// <c>textDocument/codeAction</c>: the engine's quick fixes (<see cref="NewsLsp.Analysis.CodeFix"/>) for the
/// diagnostics touching the range, recomputed from the snapshot. Each action is kind <c>quickfix</c>, carries the
/// diagnostic it fixes (the client's own copy when one in <c>context.diagnostics</c> has the same code and range,
/// else ours), <c>isPreferred</c> from the fix, and a <see cref="WorkspaceEdit"/>: nothing is written by the server.
/// </summary>
public sealed class CodeActionHandler(DiagnosticConverter converter) : LspRequestHandler<CodeActionParams, CodeAction[]>, ICapabilityContributor
{
    public override string Method => "textDocument/codeAction";

    public override Task<CodeAction[]?> HandleAsync(CodeActionParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        var key = Documents.LanguageServerWorkspace.KeyOf(@params.TextDocument.Uri);
        if (context.Snapshot.GetArticle(key) is not { } article) return Task.FromResult<CodeAction[]?>(null);
        if (@params.Context.Only is { } only && !only.Any(kind => kind == CodeActionKind.QuickFix || CodeActionKind.QuickFix.StartsWith(kind + ".", StringComparison.Ordinal)))
            return Task.FromResult<CodeAction[]?>([]);

        var range = context.Positions.ToLinePositionSpan(article.Text, @params.Range);
        var actions = new List<CodeAction>();
        foreach (var fix in QuickFixes.For(context.Snapshot, key, range))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ours = converter.Convert(context.Snapshot, article, fix.Diagnostic);
            var theirs = @params.Context.Diagnostics.FirstOrDefault(d => d.Code?.ToString() == fix.Diagnostic.Id && d.Range == ours.Range);
            actions.Add(new CodeAction(fix.Fix.Title)
            {
                Kind = CodeActionKind.QuickFix,
                Diagnostics = [theirs ?? ours],
                IsPreferred = fix.Fix.IsPreferred ? true : null,
                Edit = WorkspaceEditFactory.Create(context, fix.Fix.Edits),
            });
        }
        return Task.FromResult<CodeAction[]?>([.. actions]);
    }

    /// <summary>Advertised to clients that accept CodeAction literals (<c>codeActionLiteralSupport</c>): the others could only run Commands.</summary>
    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientCapabilities client) =>
        client.TextDocument?.CodeAction?.CodeActionLiteralSupport is null
            ? capabilities
            : capabilities with { CodeActionProvider = new CodeActionOptions { CodeActionKinds = [CodeActionKind.QuickFix] } };
}
