namespace NewsLsp.LanguageServer.JsonRpc;

/// <summary>Thrown by a handler to answer its request with a specific JSON-RPC error instead of InternalError.</summary>
public sealed class JsonRpcException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
