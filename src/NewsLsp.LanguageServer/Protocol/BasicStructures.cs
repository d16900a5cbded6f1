using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsLsp.LanguageServer.Protocol;

// Basic structures of the LSP meta-model (names and shapes as in lsp/metaModel.json).

/// <summary>Zero-based line and character; character counts code units of the negotiated position encoding.</summary>
public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

public sealed record OptionalVersionedTextDocumentIdentifier(
    string Uri,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Version);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record TextEdit(Range Range, string NewText);

public sealed record TextDocumentEdit(OptionalVersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextEdit> Edits);

/// <summary>Only <c>changes</c> and <c>documentChanges</c> (text edits) are used: the server never creates or deletes files.</summary>
public sealed record WorkspaceEdit
{
    public Dictionary<string, IReadOnlyList<TextEdit>>? Changes { get; init; }
    public IReadOnlyList<TextDocumentEdit>? DocumentChanges { get; init; }
}

/// <summary>C# forbids a member named like its type, so the wire name "command" is mapped explicitly.</summary>
public sealed record Command(string Title, [property: JsonPropertyName("command")] string CommandIdentifier)
{
    public string? Tooltip { get; init; }
    public IReadOnlyList<JsonElement>? Arguments { get; init; }
}

public sealed record MarkupContent(string Kind, string Value);

public static class MarkupKind
{
    public const string PlainText = "plaintext";
    public const string Markdown = "markdown";
}

public sealed record WorkspaceFolder(string Uri, string Name);

/// <summary>LSP <c>integer | string</c> (Diagnostic.code, ProgressToken).</summary>
[JsonConverter(typeof(IntegerOrStringConverter))]
public readonly record struct IntegerOrString
{
    public IntegerOrString(int value) { Integer = value; String = null; }
    public IntegerOrString(string value) { Integer = null; String = value; }

    public int? Integer { get; }
    public string? String { get; }

    public override string ToString() => String ?? Integer?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static implicit operator IntegerOrString(string value) => new(value);
    public static implicit operator IntegerOrString(int value) => new(value);
}

public sealed class IntegerOrStringConverter : JsonConverter<IntegerOrString>
{
    public override IntegerOrString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => new IntegerOrString(reader.GetString()!),
        JsonTokenType.Number => new IntegerOrString(reader.GetInt32()),
        _ => throw new JsonException("Expected an integer or a string."),
    };

    public override void Write(Utf8JsonWriter writer, IntegerOrString value, JsonSerializerOptions options)
    {
        if (value.String is not null) writer.WriteStringValue(value.String);
        else writer.WriteNumberValue(value.Integer ?? 0);
    }
}
