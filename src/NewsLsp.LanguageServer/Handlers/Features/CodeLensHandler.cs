using NewsLsp.Text;
using NewsLsp.Ide;
using NewsLsp.LanguageServer.Documents;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Features;

/// <summary>
/// <c>textDocument/codeLens</c>: an agreement count above each quote and number that other sources also give
/// ("3 sources · 1 differs"). Display-only lenses: the command has a title and no command id to run.
/// </summary>
public sealed class CodeLensHandler : LspRequestHandler<CodeLensParams, CodeLens[]>, ICapabilityContributor
{
    public override string Method => "textDocument/codeLens";

    public override Task<CodeLens[]?> HandleAsync(CodeLensParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        var key = LanguageServerWorkspace.KeyOf(@params.TextDocument.Uri);
        var article = context.Snapshot.GetArticle(key);
        if (article is null) return Task.FromResult<CodeLens[]?>([]);
        var lenses = AgreementLenses.For(context.Snapshot, key)
            .Select(l => new CodeLens(context.Positions.ToRange(article.Text, LineMap.Of(article.Text).GetLinePositionSpan(l.Span)))
            {
                Command = new Command(l.Label, ""),
            }).ToArray();
        return Task.FromResult<CodeLens[]?>(lenses);
    }

    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { CodeLensProvider = new CodeLensOptions { ResolveProvider = false } };
}
