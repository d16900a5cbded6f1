namespace NewsLsp.Analysis;

/// <summary>
/// Names a document in the workspace. The server uses document URIs, the CLI the paths as given; the engine only
/// compares keys (ordinally) and never interprets them.
/// </summary>
public readonly record struct DocumentKey(string Value) : IComparable<DocumentKey>
{
    public int CompareTo(DocumentKey other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;
}
