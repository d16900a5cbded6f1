using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.ProjectSystem;

/// <summary>
/// Reads an article file defensively: strict UTF-8 (a BOM is accepted and dropped), no NUL bytes (a binary
/// file), a size limit. Every refusal is an <see cref="ArticleFileException"/> whose message names the file and
/// the problem; nothing is ever written.
/// </summary>
public static class ArticleFileReader
{
    /// <summary>Files larger than this are refused (configurable by the callers' options).</summary>
    public const long DefaultMaxBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SourceText Read(string path, long maxBytes = DefaultMaxBytes)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new ArticleFileException(path, "no such file");
            if (info.Length > maxBytes)
                throw new ArticleFileException(path, $"file is {info.Length:N0} bytes, over the limit of {maxBytes:N0} bytes");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArticleFileException(path, "cannot read: " + ex.Message);
        }
        return Decode(path, bytes);
    }

    public static SourceText Decode(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[3..];
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0) throw new ArticleFileException(path, $"looks binary (NUL byte at offset {nul}); not an article");
        try
        {
            return SourceText.From(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException ex)
        {
            throw new ArticleFileException(path, $"not valid UTF-8 (invalid byte at offset {FirstInvalidByte(bytes, ex)})");
        }
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes, DecoderFallbackException ex)
    {
        if (ex.Index >= 0 && ex.Index < bytes.Length) return ex.Index;
        return System.Text.Unicode.Utf8.IsValid(bytes) ? -1 : FindInvalid(bytes);
    }

    private static int FindInvalid(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? -1 : read;
    }
}

/// <summary>A file that cannot be analysed, with the reason.</summary>
public sealed class ArticleFileException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;
    public string Problem { get; } = problem;
}
