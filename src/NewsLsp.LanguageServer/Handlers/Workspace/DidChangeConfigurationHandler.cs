using NewsLsp.LanguageServer.Corpus;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Workspace;

/// <summary><c>workspace/didChangeConfiguration</c>: re-reads the editor's <c>newslsp</c> settings and applies them live.</summary>
public sealed class DidChangeConfigurationHandler(ConfigurationService configuration) : LspNotificationHandler<DidChangeConfigurationParams>
{
    public override string Method => "workspace/didChangeConfiguration";

    public override Task HandleAsync(DidChangeConfigurationParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        // Pulling the settings waits for the client, so it runs off the queue and queues its result.
        _ = configuration.SettingsChangedAsync(@params.Settings?.Clone(), CancellationToken.None);
        return Task.CompletedTask;
    }
}
