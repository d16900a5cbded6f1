using NewsLsp.Ide.Classification;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Features;

/// <summary><c>textDocument/semanticTokens/range</c>: the entity mentions that intersect the range, encoded as for the full document.</summary>
public sealed class SemanticTokensRangeHandler : LspRequestHandler<SemanticTokensRangeParams, SemanticTokens>, ICapabilityContributor
{
    public override string Method => "textDocument/semanticTokens/range";

    public override Task<SemanticTokens?> HandleAsync(SemanticTokensRangeParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        var key = Documents.LanguageServerWorkspace.KeyOf(@params.TextDocument.Uri);
        if (context.Snapshot.GetArticle(key) is not { } article) return Task.FromResult<SemanticTokens?>(null);
        var range = context.Positions.ToLinePositionSpan(article.Text, @params.Range);
        var tokens = EntityClassifier.Classify(context.Snapshot, key, range);
        return Task.FromResult<SemanticTokens?>(new SemanticTokens(SemanticTokenEncoder.Encode(article.Text, tokens, context.Positions)));
    }

    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientCapabilities client) =>
        SemanticTokenEncoder.Merge(capabilities, o => o with { Range = true });
}
