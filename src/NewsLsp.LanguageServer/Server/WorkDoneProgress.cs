using Microsoft.Extensions.Logging;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Server;

/// <summary>
/// Server-initiated work-done progress (<c>window/workDoneProgress/create</c>, then <c>$/progress</c> begin,
/// report…, end). A silent no-op when the client does not support it or refuses the token.
/// </summary>
public sealed class WorkDoneProgress
{
    private static int counter;
    private readonly LspClient client;
    private readonly IntegerOrString? token;

    private WorkDoneProgress(LspClient client, IntegerOrString? token)
    {
        this.client = client;
        this.token = token;
    }

    public static async Task<WorkDoneProgress> BeginAsync(LspClient client, ServerState state, string title, ILogger logger, CancellationToken cancellationToken)
    {
        if (!state.ClientSupportsWorkDoneProgress) return new WorkDoneProgress(client, null);
        IntegerOrString token = $"newslsp/{title.ToLowerInvariant().Replace(' ', '-')}/{Interlocked.Increment(ref counter)}";
        try
        {
            await client.RequestAsync<WorkDoneProgressCreateParams, System.Text.Json.JsonElement>("window/workDoneProgress/create", new WorkDoneProgressCreateParams(token), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug("The client refused a progress token: {Message}", ex.Message);
            return new WorkDoneProgress(client, null);
        }
        client.Notify("$/progress", new ProgressParams<WorkDoneProgressBegin>(token, new WorkDoneProgressBegin(title) { Percentage = 0, Cancellable = false }));
        return new WorkDoneProgress(client, token);
    }

    public void Report(string message, int percentage)
    {
        if (token is { } value)
            client.Notify("$/progress", new ProgressParams<WorkDoneProgressReport>(value, new WorkDoneProgressReport { Message = message, Percentage = Math.Clamp(percentage, 0, 100) }));
    }

    public void End(string message)
    {
        if (token is { } value)
            client.Notify("$/progress", new ProgressParams<WorkDoneProgressEnd>(value, new WorkDoneProgressEnd { Message = message }));
    }
}
