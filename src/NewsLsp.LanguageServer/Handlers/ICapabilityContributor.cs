using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers;

/// <summary>
/// Implemented by a handler that advertises a server capability: the capability is announced exactly
/// when the handler is registered, so nothing is advertised that is not implemented.
/// </summary>
public interface ICapabilityContributor
{
    ServerCapabilities Contribute(ServerCapabilities capabilities, ClientCapabilities client);
}
