using System.Text.Json;
using NewsLsp.LanguageServer.Handlers;
using NewsLsp.LanguageServer.JsonRpc;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Server;

/// <summary>The server's way to talk to the client: typed notifications and server→client requests.</summary>
public sealed class LspClient
{
    private JsonRpcConnection? connection;

    internal void Attach(JsonRpcConnection value) => connection = value;

    public bool IsConnected => connection is not null;

    public void Notify<T>(string method, T @params)
    {
        connection?.SendNotification(method, @params, LspParams.TypeInfo<T>());
    }

    /// <exception cref="JsonRpcException">The client answered with an error.</exception>
    /// <exception cref="TimeoutException">The client did not answer in time.</exception>
    public Task<TResult?> RequestAsync<TParams, TResult>(string method, TParams @params, CancellationToken cancellationToken)
    {
        var current = connection ?? throw new InvalidOperationException("The server is not connected to a client.");
        return current.SendRequestAsync(method, @params, LspParams.TypeInfo<TParams>(), LspParams.TypeInfo<TResult>(), cancellationToken);
    }

    public void LogMessage(MessageType type, string message) => Notify("window/logMessage", new LogMessageParams(type, message));

    public void ShowMessage(MessageType type, string message) => Notify("window/showMessage", new ShowMessageParams(type, message));

    public void PublishDiagnostics(PublishDiagnosticsParams @params) => Notify("textDocument/publishDiagnostics", @params);

    public Task<JsonElement[]?> GetConfigurationAsync(ConfigurationParams @params, CancellationToken cancellationToken) =>
        RequestAsync<ConfigurationParams, JsonElement[]>("workspace/configuration", @params, cancellationToken);

    public Task RegisterCapabilityAsync(RegistrationParams @params, CancellationToken cancellationToken) =>
        RequestAsync<RegistrationParams, JsonElement>("client/registerCapability", @params, cancellationToken);

    public Task RefreshDiagnosticsAsync(CancellationToken cancellationToken) =>
        RequestAsync<NoParams?, JsonElement>("workspace/diagnostic/refresh", null, cancellationToken);
}
