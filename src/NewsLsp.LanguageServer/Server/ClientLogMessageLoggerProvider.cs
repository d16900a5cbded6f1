using Microsoft.Extensions.Logging;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Server;

/// <summary>Forwards the server's own log lines to the client as <c>window/logMessage</c>, so they show in the editor's output pane.</summary>
public sealed class ClientLogMessageLoggerProvider(LspClient client, LogLevel minimumLevel) : ILoggerProvider
{
    // Sending a log line can itself log (e.g. output closed); never recurse into the client from there.
    [ThreadStatic] private static bool sending;

    public ILogger CreateLogger(string categoryName) => new Logger(client, minimumLevel);

    public void Dispose()
    {
    }

    private sealed class Logger(LspClient client, LogLevel minimumLevel) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimumLevel && logLevel != LogLevel.None && client.IsConnected;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || sending) return;
            sending = true;
            try
            {
                var message = formatter(state, exception);
                if (exception is not null) message += Environment.NewLine + exception;
                var type = logLevel switch
                {
                    LogLevel.Critical or LogLevel.Error => MessageType.Error,
                    LogLevel.Warning => MessageType.Warning,
                    LogLevel.Information => MessageType.Info,
                    LogLevel.Debug => MessageType.Debug,
                    _ => MessageType.Log,
                };
                client.LogMessage(type, message);
            }
            finally
            {
                sending = false;
            }
        }
    }
}
