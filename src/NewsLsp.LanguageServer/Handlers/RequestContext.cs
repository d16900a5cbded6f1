using Microsoft.Extensions.Logging;
using NewsLsp.LanguageServer.Server;

namespace NewsLsp.LanguageServer.Handlers;

/// <summary>
/// What a handler sees of the server for one message. Created on the execution queue, so for a read it
/// reflects every mutation that arrived before it and none after.
/// </summary>
public sealed class RequestContext
{
    internal RequestContext(ServerState state, LspClient client, StaleRequestTracker staleRequests, Documents.LanguageServerWorkspace workspace, ILogger logger)
    {
        Workspace = workspace;
        Snapshot = workspace.Current;
        State = state;
        Client = client;
        StaleRequests = staleRequests;
        Logger = logger;
        Positions = new PositionConverter(state.PositionEncoding);
    }

    public ServerState State { get; }

    /// <summary>The corpus as of this message: every earlier edit applied, no later one.</summary>
    public NewsLsp.Analysis.WorkspaceSnapshot Snapshot { get; }

    /// <summary>The live workspace (mutations use it; reads should prefer <see cref="Snapshot"/>).</summary>
    public Documents.LanguageServerWorkspace Workspace { get; }
    public LspClient Client { get; }
    public StaleRequestTracker StaleRequests { get; }
    public ILogger Logger { get; }

    /// <summary>Converts positions in the negotiated encoding.</summary>
    public PositionConverter Positions { get; }
}
