using NewsLsp.Ide.Classification;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Features;

/// <summary><c>textDocument/semanticTokens/full</c>: every entity mention, typed person / place / organisation / entity (see <see cref="SemanticTokenEncoder"/>).</summary>
public sealed class SemanticTokensFullHandler : LspRequestHandler<SemanticTokensParams, SemanticTokens>, ICapabilityContributor
{
    public override string Method => "textDocument/semanticTokens/full";

    public override Task<SemanticTokens?> HandleAsync(SemanticTokensParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        var key = Documents.LanguageServerWorkspace.KeyOf(@params.TextDocument.Uri);
        if (context.Snapshot.GetArticle(key) is not { } article) return Task.FromResult<SemanticTokens?>(null);
        var tokens = EntityClassifier.Classify(context.Snapshot, key);
        return Task.FromResult<SemanticTokens?>(new SemanticTokens(SemanticTokenEncoder.Encode(article.Text, tokens, context.Positions)));
    }

    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientCapabilities client) =>
        SemanticTokenEncoder.Merge(capabilities, o => o with { Full = true });
}
