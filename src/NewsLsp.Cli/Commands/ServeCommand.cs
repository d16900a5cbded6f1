using System.CommandLine;
using Microsoft.Extensions.Logging;
using NewsLsp.LanguageServer;
using NewsLsp.LanguageServer.Server;

namespace NewsLsp.Cli;

/// <summary><c>newslsp serve</c>: the language server over stdio (LSP 3.17). Logs go to stderr and to the editor.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the language server over stdin/stdout (LSP 3.17)");
        // Editors commonly pass --stdio to every server; it is the only transport, so it is accepted and implied.
        var stdio = new Option<bool>("--stdio") { Description = "Use stdin/stdout (the default and only transport)" };
        var logLevel = new Option<string>("--log-level") { Description = "trace, debug, information, warning, error or none", DefaultValueFactory = _ => "information" };
        var debounce = new Option<int>("--debounce-ms") { Description = "Quiet time before pushed diagnostics are published", DefaultValueFactory = _ => 50 };
        var maxMessage = new Option<int>("--max-message-bytes") { Description = "Largest accepted JSON-RPC message", DefaultValueFactory = _ => 32 * 1024 * 1024 };
        var maxDocument = new Option<int>("--max-document-chars") { Description = "Largest accepted document, in UTF-16 characters (larger files on disk are skipped)", DefaultValueFactory = _ => 4 * 1024 * 1024 };
        command.Options.Add(stdio);
        command.Options.Add(logLevel);
        command.Options.Add(debounce);
        command.Options.Add(maxMessage);
        command.Options.Add(maxDocument);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!Enum.TryParse<LogLevel>(result.GetValue(logLevel), ignoreCase: true, out var level))
                return CliErrors.Fail($"--log-level: unknown level '{result.GetValue(logLevel)}'");
            if (result.GetValue(debounce) < 0) return CliErrors.Fail("--debounce-ms must not be negative");
            if (result.GetValue(maxMessage) <= 0) return CliErrors.Fail("--max-message-bytes must be positive");
            if (result.GetValue(maxDocument) <= 0) return CliErrors.Fail("--max-document-chars must be positive");
            var options = new ServerOptions
            {
                LogLevel = level,
                DiagnosticsDebounce = TimeSpan.FromMilliseconds(result.GetValue(debounce)),
                MaxMessageBytes = result.GetValue(maxMessage),
                MaxDocumentChars = result.GetValue(maxDocument),
            };
            await using var input = Console.OpenStandardInput();
            // Written synchronously by the server's single writer (see SynchronousWriteStream).
            await using var output = new NewsLsp.LanguageServer.JsonRpc.SynchronousWriteStream(Console.OpenStandardOutput());
            return await LanguageServerHost.RunAsync(input, output, options, cancellationToken);
        });
        return command;
    }
}
