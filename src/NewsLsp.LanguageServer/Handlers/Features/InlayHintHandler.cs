using NewsLsp.Text;
using NewsLsp.Ide;
using NewsLsp.LanguageServer.Documents;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Features;

/// <summary>
/// <c>textDocument/inlayHint</c>: the agreement count right after each quote and number in the requested range
/// that other sources also give, for editors that show inlay hints rather than code lenses.
/// </summary>
public sealed class InlayHintHandler : LspRequestHandler<InlayHintParams, InlayHint[]>, ICapabilityContributor
{
    public override string Method => "textDocument/inlayHint";

    public override Task<InlayHint[]?> HandleAsync(InlayHintParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        var key = LanguageServerWorkspace.KeyOf(@params.TextDocument.Uri);
        var article = context.Snapshot.GetArticle(key);
        if (article is null) return Task.FromResult<InlayHint[]?>([]);
        var text = article.Text;
        var range = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(Offset(context, text, @params.Range.Start), Offset(context, text, @params.Range.End));
        var hints = AgreementLenses.For(context.Snapshot, key)
            .Where(l => l.Span.End >= range.Start && l.Span.End <= range.End)
            // After the closing quotation mark of a quote; right after a number.
            .Select(l => new InlayHint(context.Positions.ToPosition(text, LineMap.Of(text).GetLinePosition(Math.Min(text.Length, l.Span.End + (l.Kind == "quote" ? 1 : 0)))), l.Label)
            {
                PaddingLeft = true,
            }).ToArray();
        return Task.FromResult<InlayHint[]?>(hints);
    }

    // Clients often ask for "the whole document" with an end on the line after the last one: that means the end.
    private static int Offset(RequestContext context, Microsoft.CodeAnalysis.Text.SourceText text, Position position) =>
        position.Line >= LineMap.Of(text).Count ? text.Length : LineMap.Of(text).GetOffset(context.Positions.ToLinePosition(text, position));

    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities with { InlayHintProvider = true };
}
