namespace NewsLsp.LanguageServer.Documents;

/// <summary>Conversions between <c>file:</c> URIs (the document keys) and local paths.</summary>
public static class DocumentUris
{
    public static string FromPath(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    /// <summary>The local path of a <c>file:</c> URI, or null for any other scheme (untitled:, etc.).</summary>
    public static string? ToPath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? Path.GetFullPath(parsed.LocalPath) : null;

    /// <summary>Normalises a client URI so the same file always maps to the same key (clients differ in escaping, e.g. "%3A").</summary>
    public static string Normalize(string uri) => ToPath(uri) is { } path ? FromPath(path) : uri;

    /// <summary>Whether <paramref name="path"/> lies inside <paramref name="folder"/> (both full paths).</summary>
    public static bool IsInside(string path, string folder)
    {
        var root = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(root, StringComparison.Ordinal);
    }
}
