using Microsoft.Extensions.DependencyInjection;
using NewsLsp.LanguageServer.Handlers;
using NewsLsp.LanguageServer.Protocol;
using NewsLsp.LanguageServer.Server;

namespace NewsLsp.LanguageServer.Tests.Infrastructure;

/// <summary>Handlers that exist only in tests, to drive cancellation, failures and ordering at the boundary.</summary>
public static class TestHandlers
{
    public static void Add(IServiceCollection services)
    {
        services.AddLspHandler<SlowReadHandler>();
        services.AddLspHandler<ThrowingHandler>();
        services.AddLspHandler<EchoPositionHandler>();
        services.AddLspHandler<DocumentTextHandler>();
        services.AddLspHandler<BlockingReadHandler>();
    }

    /// <summary>
    /// Blocks its thread for 20 ms, as a pull does while another pull computes a shared snapshot memo, and
    /// counts how many run at once (hover contents: the most seen so far).
    /// </summary>
    public sealed class BlockingReadHandler : LspRequestHandler<TextDocumentPositionParams, Hover>
    {
        private static int running, mostRunning;

        public override string Method => "test/blocking";

        public static int MostRunning => Volatile.Read(ref mostRunning);

        public override Task<Hover?> HandleAsync(TextDocumentPositionParams @params, RequestContext context, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref running);
            for (var most = Volatile.Read(ref mostRunning); now > most; most = Volatile.Read(ref mostRunning))
                Interlocked.CompareExchange(ref mostRunning, now, most);
            Thread.Sleep(20);
            Interlocked.Decrement(ref running);
            return Task.FromResult<Hover?>(new Hover(new MarkupContent(MarkupKind.PlainText, MostRunning.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
    }

    /// <summary>Returns the document's text and version as the server holds it (hover contents "version|text"), or null if unknown.</summary>
    public sealed class DocumentTextHandler : LspRequestHandler<TextDocumentPositionParams, Hover>
    {
        public override string Method => "test/text";

        public override Task<Hover?> HandleAsync(TextDocumentPositionParams @params, RequestContext context, CancellationToken cancellationToken)
        {
            var article = context.Snapshot.GetArticle(NewsLsp.LanguageServer.Documents.LanguageServerWorkspace.KeyOf(@params.TextDocument.Uri));
            return Task.FromResult(article is null ? null : new Hover(new MarkupContent(MarkupKind.PlainText, $"{article.Version}|{article.Text}")));
        }
    }

    /// <summary>Waits until cancelled (by $/cancelRequest or ContentModified).</summary>
    public sealed class SlowReadHandler : LspRequestHandler<TextDocumentPositionParams, Hover>
    {
        public override string Method => "test/slow";

        public override async Task<Hover?> HandleAsync(TextDocumentPositionParams @params, RequestContext context, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }
    }

    public sealed class ThrowingHandler : LspRequestHandler<NoParams, NoParams>
    {
        public override string Method => "test/throw";

        public override Task<NoParams?> HandleAsync(NoParams @params, RequestContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }

    /// <summary>Returns the position it was given, as a hover, so tests can inspect param binding.</summary>
    public sealed class EchoPositionHandler : LspRequestHandler<TextDocumentPositionParams, Hover>
    {
        public override string Method => "test/echo";

        public override Task<Hover?> HandleAsync(TextDocumentPositionParams @params, RequestContext context, CancellationToken cancellationToken) =>
            Task.FromResult<Hover?>(new Hover(new MarkupContent(MarkupKind.PlainText, $"{@params.Position.Line}:{@params.Position.Character}")));
    }
}
