using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NewsLsp.LanguageServer.JsonRpc;

/// <summary>
/// A request from the client. Exactly one answer is sent, whichever of the Respond methods is called
/// first; its token is cancelled by <c>$/cancelRequest</c> (or by the server when an edit makes it stale).
/// </summary>
public sealed class IncomingRequest
{
    private readonly JsonRpcConnection connection;
    private readonly CancellationTokenSource cancellation;
    private int answered;

    internal IncomingRequest(JsonRpcConnection connection, RequestId id, string method, JsonElement @params, CancellationTokenSource cancellation)
    {
        this.connection = connection;
        this.cancellation = cancellation;
        Id = id;
        Method = method;
        Params = @params;
    }

    public RequestId Id { get; }
    public string Method { get; }
    /// <summary>The params, or an element of kind Undefined when the message had none.</summary>
    public JsonElement Params { get; }
    public CancellationToken CancellationToken => cancellation.Token;
    public bool IsAnswered => Volatile.Read(ref answered) != 0;

    /// <summary>Why the token was cancelled: a client <c>$/cancelRequest</c> or a server-side reason such as ContentModified.</summary>
    public int CancellationCode { get; private set; } = JsonRpcErrorCodes.RequestCancelled;

    /// <summary>Cancels this request with an error code other than RequestCancelled (e.g. ContentModified).</summary>
    public void Cancel(int code)
    {
        CancellationCode = code;
        try { cancellation.Cancel(); } catch (ObjectDisposedException) { }
    }

    public void Respond<T>(T? result, JsonTypeInfo<T> type)
    {
        if (TryClaim()) connection.Post(JsonRpcMessages.Response(Id, result, type));
    }

    public void RespondNull()
    {
        if (TryClaim()) connection.Post(JsonRpcMessages.NullResponse(Id));
    }

    public void RespondError(int code, string message)
    {
        if (TryClaim()) connection.Post(JsonRpcMessages.Error(Id, code, message));
    }

    private bool TryClaim()
    {
        if (Interlocked.Exchange(ref answered, 1) != 0) return false;
        connection.Forget(this);
        cancellation.Dispose();
        return true;
    }
}
