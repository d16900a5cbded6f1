using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NewsLsp.LanguageServer.JsonRpc;

/// <summary>Builds JSON-RPC envelopes. Results are always written, so a null result is an explicit <c>"result": null</c>.</summary>
public static class JsonRpcMessages
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, SkipValidation = false };

    public static OutgoingMessage Response<T>(RequestId id, T? result, JsonTypeInfo<T> type) => Build(w =>
    {
        w.WritePropertyName("id");
        id.WriteTo(w);
        w.WritePropertyName("result");
        if (result is null) w.WriteNullValue();
        else JsonSerializer.Serialize(w, result, type);
    });

    public static OutgoingMessage NullResponse(RequestId id) => Build(w =>
    {
        w.WritePropertyName("id");
        id.WriteTo(w);
        w.WriteNull("result");
    });

    /// <summary>An error response; <paramref name="id"/> null when the request's id could not be read (ParseError, InvalidRequest).</summary>
    public static OutgoingMessage Error(RequestId? id, int code, string message) => Build(w =>
    {
        w.WritePropertyName("id");
        if (id is { } value) value.WriteTo(w);
        else w.WriteNullValue();
        w.WriteStartObject("error");
        w.WriteNumber("code", code);
        w.WriteString("message", message);
        w.WriteEndObject();
    });

    public static OutgoingMessage Notification<T>(string method, T @params, JsonTypeInfo<T> type) => Build(w =>
    {
        w.WriteString("method", method);
        w.WritePropertyName("params");
        JsonSerializer.Serialize(w, @params, type);
    });

    public static OutgoingMessage Request<T>(RequestId id, string method, T @params, JsonTypeInfo<T> type) => Build(w =>
    {
        w.WritePropertyName("id");
        id.WriteTo(w);
        w.WriteString("method", method);
        if (@params is not null)
        {
            w.WritePropertyName("params");
            JsonSerializer.Serialize(w, @params, type);
        }
    });

    /// <summary>The <c>$/cancelRequest</c> we send when one of our own requests is abandoned.</summary>
    public static OutgoingMessage CancelRequest(RequestId id) => Build(w =>
    {
        w.WriteString("method", "$/cancelRequest");
        w.WriteStartObject("params");
        w.WritePropertyName("id");
        id.WriteTo(w);
        w.WriteEndObject();
    });

    private static OutgoingMessage Build(Action<Utf8JsonWriter> body)
    {
        var message = new OutgoingMessage();
        using (var writer = new Utf8JsonWriter(message, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            body(writer);
            writer.WriteEndObject();
        }
        return message;
    }
}
