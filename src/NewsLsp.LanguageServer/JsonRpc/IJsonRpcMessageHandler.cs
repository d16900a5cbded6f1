namespace NewsLsp.LanguageServer.JsonRpc;

/// <summary>
/// Receives well-formed client requests and notifications, one at a time in arrival order, on the reader loop.
/// Implementations must only route (queue) the message and return: long work here would stall reading.
/// <c>$/cancelRequest</c> and responses to server requests are handled by the connection and never arrive here.
/// </summary>
public interface IJsonRpcMessageHandler
{
    void OnRequest(IncomingRequest request);
    void OnNotification(IncomingNotification notification);
}
