using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsLsp.LanguageServer.Handlers;
using NewsLsp.LanguageServer.JsonRpc;

namespace NewsLsp.LanguageServer.Server;

/// <summary>Dependency-injection wiring of the server. Adding an LSP method = one handler class + one <see cref="AddLspHandler{T}"/> line in <see cref="AddHandlers"/>.</summary>
public static class LanguageServerServices
{
    public static IServiceCollection AddNewsLspLanguageServer(this IServiceCollection services, ServerOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<ServerState>();
        services.AddSingleton<LifecycleState>();
        services.AddSingleton<LspClient>();
        services.AddSingleton<StaleRequestTracker>();
        services.AddSingleton<HandlerRegistry>();
        services.AddSingleton(sp => new RequestExecutionQueue(sp.GetRequiredService<ILoggerFactory>().CreateLogger("NewsLsp.LanguageServer.Queue")));
        services.AddSingleton<LspServer>();
        services.AddSingleton<Documents.LanguageServerWorkspace>();
        services.AddSingleton<Diagnostics.DiagnosticConverter>();
        services.AddSingleton<Diagnostics.DiagnosticsPublisher>();
        services.AddSingleton<IServerSessionListener>(sp => sp.GetRequiredService<Diagnostics.DiagnosticsPublisher>());
        services.AddSingleton<Documents.EditPreparer>();
        services.AddSingleton<IServerSessionListener>(sp => sp.GetRequiredService<Documents.EditPreparer>());
        services.AddSingleton<IdleCollector>();
        services.AddSingleton<IServerSessionListener>(sp => sp.GetRequiredService<IdleCollector>());
        services.AddSingleton<Corpus.ConfigurationService>();
        services.AddSingleton<Corpus.CorpusLoader>();
        services.AddSingleton<Handlers.Lifecycle.IInitializedListener>(sp => sp.GetRequiredService<Corpus.CorpusLoader>());
        services.AddSingleton<IServerSessionListener>(sp => sp.GetRequiredService<Corpus.CorpusLoader>());
        AddHandlers(services);
        return services;
    }

    public static IServiceCollection AddLspHandler<T>(this IServiceCollection services) where T : class, ILspHandler
    {
        services.AddSingleton<T>();
        services.AddSingleton<ILspHandler>(sp => sp.GetRequiredService<T>());
        return services;
    }

    /// <summary>Adds a contributor to <c>textDocument/hover</c>; sections of all providers are composed by <see cref="Ide.Hover.HoverComposer"/>.</summary>
    public static IServiceCollection AddHoverProvider<T>(this IServiceCollection services) where T : class, Ide.Hover.IHoverProvider
    {
        services.AddSingleton<Ide.Hover.IHoverProvider, T>();
        return services;
    }

    private static void AddHandlers(IServiceCollection services)
    {
        // Lifecycle
        services.AddLspHandler<Handlers.Lifecycle.InitializeHandler>();
        services.AddLspHandler<Handlers.Lifecycle.InitializedHandler>();
        services.AddLspHandler<Handlers.Lifecycle.ShutdownHandler>();
        services.AddLspHandler<Handlers.Lifecycle.SetTraceHandler>();

        // Text synchronisation
        services.AddLspHandler<Handlers.TextSync.DidOpenHandler>();
        services.AddLspHandler<Handlers.TextSync.DidChangeHandler>();
        services.AddLspHandler<Handlers.TextSync.DidCloseHandler>();
        services.AddLspHandler<Handlers.TextSync.DidSaveHandler>();

        // Workspace
        services.AddLspHandler<Handlers.Workspace.DidChangeWatchedFilesHandler>();
        services.AddLspHandler<Handlers.Workspace.DidChangeConfigurationHandler>();
        services.AddLspHandler<Handlers.Workspace.DidChangeWorkspaceFoldersHandler>();

        // Diagnostics (pull; push is done by DiagnosticsPublisher)
        services.AddLspHandler<Handlers.Diagnostics.DocumentDiagnosticHandler>();
        services.AddLspHandler<Handlers.Diagnostics.WorkspaceDiagnosticHandler>();

        // Language features (plain data from NewsLsp.Ide, converted here)
        services.AddLspHandler<Handlers.Features.HoverHandler>();
        services.AddHoverProvider<Ide.Hover.EntityHoverProvider>();
        services.AddHoverProvider<Ide.AgreementHoverProvider>();
        services.AddLspHandler<Handlers.Features.DefinitionHandler>();
        services.AddLspHandler<Handlers.Features.ReferencesHandler>();
        services.AddLspHandler<Handlers.Features.DocumentHighlightHandler>();
        services.AddLspHandler<Handlers.Features.PrepareRenameHandler>();
        services.AddLspHandler<Handlers.Features.RenameHandler>();
        services.AddLspHandler<Handlers.Features.DocumentSymbolHandler>();
        services.AddLspHandler<Handlers.Features.WorkspaceSymbolHandler>();
        services.AddLspHandler<Handlers.Features.SemanticTokensFullHandler>();
        services.AddLspHandler<Handlers.Features.SemanticTokensRangeHandler>();
        services.AddLspHandler<Handlers.Features.CompletionHandler>();
        services.AddLspHandler<Handlers.Features.CodeActionHandler>();
        services.AddLspHandler<Handlers.Features.CodeLensHandler>();
        services.AddLspHandler<Handlers.Features.InlayHintHandler>();
    }
}
