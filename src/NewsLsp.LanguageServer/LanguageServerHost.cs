using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using NewsLsp.LanguageServer.Server;

namespace NewsLsp.LanguageServer;

/// <summary>Entry point of <c>newslsp serve</c>: hosts one LSP session over the given streams.</summary>
public static class LanguageServerHost
{
    /// <summary>
    /// Runs the server until the client sends <c>exit</c> or the input ends, and returns the process exit
    /// code: 0 after a proper <c>shutdown</c>, 1 otherwise. Logs go to stderr and to <c>window/logMessage</c>,
    /// never to <paramref name="output"/> except as LSP messages.
    /// </summary>
    public static Task<int> RunAsync(Stream input, Stream output, ServerOptions options, CancellationToken cancellationToken) =>
        RunAsync(input, output, options, configureServices: null, cancellationToken);

    /// <summary>As the public overload, with a hook for tests to add handlers or replace services.</summary>
    internal static async Task<int> RunAsync(Stream input, Stream output, ServerOptions options, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Environment variables such as NEWSLSP_Logging__LogLevel__Default tune logging without a rebuild.
        builder.Configuration.AddEnvironmentVariables("NEWSLSP_");
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.SetMinimumLevel(options.LogLevel);
        // The host's own start/stop chatter is noise in an editor's log.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        if (options.LogToStandardError)
        {
            // stdout carries the protocol: every console log line must go to stderr.
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.ColorBehavior = LoggerColorBehavior.Disabled; });
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }
        builder.Services.AddNewsLspLanguageServer(options);
        builder.Services.AddSingleton<ILoggerProvider>(sp => new ClientLogMessageLoggerProvider(sp.GetRequiredService<LspClient>(), options.LogLevel));
        configureServices?.Invoke(builder.Services);

        using var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await host.Services.GetRequiredService<LspServer>().RunAsync(input, output, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
