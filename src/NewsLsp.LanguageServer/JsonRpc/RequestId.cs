using System.Globalization;
using System.Text.Json;

namespace NewsLsp.LanguageServer.JsonRpc;

/// <summary>A JSON-RPC request id: an integer or a string, echoed back exactly as received.</summary>
public readonly struct RequestId : IEquatable<RequestId>
{
    private readonly long number;
    private readonly string? text;

    public RequestId(long number) { this.number = number; text = null; }
    public RequestId(string text) { number = 0; this.text = text ?? throw new ArgumentNullException(nameof(text)); }

    public bool IsString => text is not null;

    /// <summary>Reads an id; only integers and strings are valid (null ids are rejected as InvalidRequest by the caller).</summary>
    public static bool TryRead(JsonElement element, out RequestId id)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                id = new RequestId(element.GetString()!);
                return true;
            case JsonValueKind.Number when element.TryGetInt64(out var n):
                id = new RequestId(n);
                return true;
            default:
                id = default;
                return false;
        }
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        if (text is not null) writer.WriteStringValue(text);
        else writer.WriteNumberValue(number);
    }

    public bool Equals(RequestId other) => text is null ? other.text is null && number == other.number : text == other.text;
    public override bool Equals(object? obj) => obj is RequestId other && Equals(other);
    public override int GetHashCode() => text?.GetHashCode(StringComparison.Ordinal) ?? number.GetHashCode();
    public override string ToString() => text is null ? number.ToString(CultureInfo.InvariantCulture) : "\"" + text + "\"";
    public static bool operator ==(RequestId left, RequestId right) => left.Equals(right);
    public static bool operator !=(RequestId left, RequestId right) => !left.Equals(right);
}
