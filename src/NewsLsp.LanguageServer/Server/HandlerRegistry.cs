using NewsLsp.LanguageServer.Handlers;

namespace NewsLsp.LanguageServer.Server;

/// <summary>Every registered handler by method name; a method registered twice is a programming error caught at start-up.</summary>
public sealed class HandlerRegistry
{
    private readonly Dictionary<string, ILspHandler> handlers = new(StringComparer.Ordinal);

    public HandlerRegistry(IEnumerable<ILspHandler> all)
    {
        foreach (var handler in all)
        {
            if (handler is not (ILspRequestHandlerInvoker or ILspNotificationHandlerInvoker))
                throw new InvalidOperationException($"{handler.GetType().Name} must derive from LspRequestHandler or LspNotificationHandler.");
            if (!handlers.TryAdd(handler.Method, handler))
                throw new InvalidOperationException($"Two handlers for '{handler.Method}': {handlers[handler.Method].GetType().Name} and {handler.GetType().Name}.");
        }
    }

    public IEnumerable<ILspHandler> All => handlers.Values;

    internal ILspRequestHandlerInvoker? FindRequest(string method) =>
        handlers.TryGetValue(method, out var handler) ? handler as ILspRequestHandlerInvoker : null;

    internal ILspNotificationHandlerInvoker? FindNotification(string method) =>
        handlers.TryGetValue(method, out var handler) ? handler as ILspNotificationHandlerInvoker : null;
}
