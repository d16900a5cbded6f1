using Microsoft.Extensions.DependencyInjection;
using NewsLsp.LanguageServer.Protocol;
using NewsLsp.LanguageServer.Server;

namespace NewsLsp.LanguageServer.Handlers.Lifecycle;

/// <summary><c>initialize</c>: records the client's capabilities, negotiates the position encoding, and advertises what the registered handlers implement.</summary>
public sealed class InitializeHandler(IServiceProvider services, ServerState state) : LspRequestHandler<InitializeParams, InitializeResult>
{
    public override string Method => "initialize";
    public override bool MutatesState => true;

    public override Task<InitializeResult?> HandleAsync(InitializeParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        var encoding = NegotiateEncoding(@params.Capabilities);
        state.Initialize(@params, encoding, WorkspaceFolderResolver.Resolve(@params));

        // Resolved here, not injected: the registry contains this handler.
        var registry = services.GetRequiredService<HandlerRegistry>();
        var capabilities = new ServerCapabilities
        {
            PositionEncoding = encoding == PositionEncoding.Utf8 ? PositionEncodingKind.Utf8 : PositionEncodingKind.Utf16,
        };
        foreach (var contributor in registry.All.OfType<ICapabilityContributor>())
            capabilities = contributor.Contribute(capabilities, @params.Capabilities);

        // The entry assembly is the newslsp tool, whose version is the product's.
        var version = (System.Reflection.Assembly.GetEntryAssembly() ?? typeof(InitializeHandler).Assembly).GetName().Version?.ToString(3);
        return Task.FromResult<InitializeResult?>(new InitializeResult(capabilities) { ServerInfo = new ServerInfo("newslsp") { Version = version } });
    }

    /// <summary>UTF-8 when the client offers it (it is what the bytes on disk and on the wire are); UTF-16, the mandatory default, otherwise.</summary>
    internal static PositionEncoding NegotiateEncoding(ClientCapabilities capabilities) =>
        capabilities.General?.PositionEncodings?.Contains(PositionEncodingKind.Utf8) == true ? PositionEncoding.Utf8 : PositionEncoding.Utf16;
}
