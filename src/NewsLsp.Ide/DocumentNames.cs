using NewsLsp.Analysis;

namespace NewsLsp.Ide;

/// <summary>How a document is named to a reader: the last segment of its key (a file name for paths and file URIs).</summary>
public static class DocumentNames
{
    public static string Short(DocumentKey document)
    {
        var value = document.Value.TrimEnd('/', '\\');
        var cut = value.LastIndexOfAny(['/', '\\']);
        var name = cut >= 0 ? value[(cut + 1)..] : value;
        return Uri.UnescapeDataString(name);
    }
}
