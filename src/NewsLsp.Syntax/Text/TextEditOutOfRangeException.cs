namespace NewsLsp.Text;

/// <summary>An edit named a line that the document does not have. The document is left unchanged.</summary>
public sealed class TextEditOutOfRangeException(string message) : Exception(message);
