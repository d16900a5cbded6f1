using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NewsLsp.LanguageServer.JsonRpc;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers;

/// <summary>Turns raw params into a protocol type through the source-generated context; bad params become InvalidParams.</summary>
internal static class LspParams
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement;

    public static JsonTypeInfo<T> TypeInfo<T>() =>
        (JsonTypeInfo<T>?)LspJsonContext.Default.GetTypeInfo(typeof(T))
        ?? throw new InvalidOperationException($"{typeof(T).Name} is missing from LspJsonContext: add a [JsonSerializable] line.");

    public static T Read<T>(JsonElement element, string method)
    {
        if (typeof(T) == typeof(NoParams)) return default!;
        try
        {
            // Absent params read as {}: fine for all-optional types, an InvalidParams naming the missing member otherwise.
            if (element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) element = EmptyObject;
            return element.Deserialize(TypeInfo<T>())
                ?? throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"'{method}' requires params.");
        }
        catch (JsonException ex)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"Invalid params for '{method}': {ex.Message}");
        }
    }
}
