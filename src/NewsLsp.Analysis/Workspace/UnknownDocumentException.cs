namespace NewsLsp.Analysis;

/// <summary>An edit or query named a document the workspace does not hold.</summary>
public sealed class UnknownDocumentException(DocumentKey key)
    : Exception($"the workspace has no document '{key.Value}'")
{
    public DocumentKey Key { get; } = key;
}
