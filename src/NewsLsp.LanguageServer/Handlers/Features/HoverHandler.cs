using Microsoft.Extensions.Logging;
using NewsLsp.Ide.Hover;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Features;

/// <summary>
/// <c>textDocument/hover</c>: the sections of every registered <see cref="IHoverProvider"/> (entity cards, and any
/// provider added with <c>services.AddHoverProvider&lt;T&gt;()</c>), composed by <see cref="HoverComposer"/>.
/// Markdown, or the same text as plain text for clients that do not list markdown in <c>hover.contentFormat</c>.
/// </summary>
public sealed class HoverHandler(IEnumerable<IHoverProvider> providers) : LspRequestHandler<TextDocumentPositionParams, Hover>, ICapabilityContributor
{
    private readonly IReadOnlyList<IHoverProvider> providers = providers.ToList();

    public override string Method => "textDocument/hover";

    public override Task<Hover?> HandleAsync(TextDocumentPositionParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        if (FeatureContext.Locate(context, @params.TextDocument.Uri, @params.Position) is not var (key, _, position)) return Task.FromResult<Hover?>(null);
        if (HoverRequest.Create(context.Snapshot, key, position, context.Workspace.ClientUri) is not { } request) return Task.FromResult<Hover?>(null);
        var composer = new HoverComposer(providers);
        composer.ProviderFailed += (provider, ex) => context.Logger.LogError(ex, "Hover provider {Provider} failed", provider.GetType().Name);
        if (composer.Compose(request, cancellationToken) is not { } result) return Task.FromResult<Hover?>(null);

        var formats = context.State.ClientCapabilities.TextDocument?.Hover?.ContentFormat;
        var kind = formats is { Count: > 0 } && !formats.Contains(MarkupKind.Markdown) ? MarkupKind.PlainText : MarkupKind.Markdown;
        return Task.FromResult<Hover?>(new Hover(new MarkupContent(kind, result.Markdown))
        {
            Range = result.Range is { } range ? FeatureContext.ToRange(context, key, range) : null,
        });
    }

    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities with { HoverProvider = true };
}
