using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Lifecycle;

/// <summary><c>$/setTrace</c>: switches <c>$/logTrace</c> output of received messages off, on, or verbose (with params).</summary>
public sealed class SetTraceHandler : LspNotificationHandler<SetTraceParams>
{
    public override string Method => "$/setTrace";

    public override Task HandleAsync(SetTraceParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        context.State.Trace = @params.Value is TraceValue.Off or TraceValue.Messages or TraceValue.Verbose
            ? @params.Value
            : throw new JsonRpc.JsonRpcException(JsonRpc.JsonRpcErrorCodes.InvalidParams, $"Unknown trace value '{@params.Value}'.");
        return Task.CompletedTask;
    }
}
