using NewsLsp.Ide;
using NewsLsp.LanguageServer.Documents;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Language;

/// <summary>
/// <c>textDocument/hover</c>: the Markdown of every registered hover provider (<see cref="HoverService"/>: agreement,
/// and entity cards when registered) for the position, on the snapshot current when the request arrived.
/// </summary>
public sealed class HoverHandler(HoverService hovers) : LspRequestHandler<TextDocumentPositionParams, Hover>, ICapabilityContributor
{
    public override string Method => "textDocument/hover";

    public override Task<Hover?> HandleAsync(TextDocumentPositionParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        var key = LanguageServerWorkspace.KeyOf(@params.TextDocument.Uri);
        var article = context.Snapshot.GetArticle(key);
        if (article is null) return Task.FromResult<Hover?>(null);
        var position = context.Positions.ToLinePosition(article.Text, @params.Position);
        var offset = article.Text.Lines.GetPosition(position);
        var content = hovers.Hover(context.Snapshot, key, offset);
        if (content is null) return Task.FromResult<Hover?>(null);
        var range = context.Positions.ToRange(article.Text, article.Text.Lines.GetLinePositionSpan(content.Span));
        return Task.FromResult<Hover?>(new Hover(new MarkupContent("markdown", content.Markdown)) { Range = range });
    }

    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities with { HoverProvider = true };
}
