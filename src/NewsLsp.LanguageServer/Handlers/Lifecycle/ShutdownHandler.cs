using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Lifecycle;

/// <summary>
/// <c>shutdown</c>: answered with <c>"result": null</c> once every earlier mutation has been applied
/// (it is itself a mutation, so it waits its turn). Later requests are refused by the dispatcher.
/// </summary>
public sealed class ShutdownHandler : LspRequestHandler<NoParams, NoParams>
{
    public override string Method => "shutdown";
    public override bool MutatesState => true;

    public override Task<NoParams?> HandleAsync(NoParams @params, RequestContext context, CancellationToken cancellationToken) =>
        Task.FromResult<NoParams?>(null);
}
