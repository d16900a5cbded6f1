using System.Buffers;
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
            if (!info.Exists) throw new ArticleFileException(path, Directory.Exists(path) ? "is a directory, not an article" : "no such file");
            // FileInfo.Length of a link is the link's own size; the limit applies to what it points at.
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
            if (target is null || !target.Exists) throw new ArticleFileException(path, $"broken symbolic link (to {info.LinkTarget})");
            if (target.Length > maxBytes)
                throw new ArticleFileException(path, $"file is {target.Length:N0} bytes, over the limit of {maxBytes:N0} bytes");
            bytes = ReadBounded(path, maxBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArticleFileException(path, "cannot read: " + ex.Message);
        }
        return Decode(path, bytes);
    }

    /// <summary>
    /// Reads at most <paramref name="maxBytes"/>. Refuses anything that is not a regular file (a named pipe would
    /// block forever, <c>/dev/zero</c> never ends): the file is opened without blocking and must be seekable.
    /// The size is checked again while reading, so a file that grows (or a device that lies about its size) is
    /// still bounded.
    /// </summary>
    private static byte[] ReadBounded(string path, long maxBytes)
    {
        using var stream = OpenForReading(path);
        if (!stream.CanSeek) throw new ArticleFileException(path, "not a regular file (a pipe, socket or device); not an article");
        // Sized for the file as it is now (it may still grow, and the buffer with it): no doubling copies.
        using var buffer = new MemoryStream((int)Math.Min(stream.Length, Math.Min(maxBytes, int.MaxValue)));
        // Rented: a corpus is read file after file, and a fresh 64 KB chunk for each was 64 MB of garbage per 1,000 files.
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                    throw new ArticleFileException(path, $"file is over the limit of {maxBytes:N0} bytes");
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    private static FileStream OpenForReading(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        // O_NONBLOCK: opening a FIFO without a writer returns at once instead of hanging the reader.
        var flags = OperatingSystem.IsLinux() ? 0x800 | 0x80000 : 0x4 | 0x1000000;   // O_NONBLOCK | O_CLOEXEC (Linux; BSD/macOS)
        var fd = NativeMethods.Open(path, flags);
        if (fd < 0)
        {
            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            var message = errno switch { 13 or 1 => "permission denied", 2 => "no such file", 40 or 62 => "too many levels of symbolic links", _ => $"error {errno}" };
            throw new IOException(message);
        }
        var handle = new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
        return new FileStream(handle, FileAccess.Read, 1);
    }

    private static class NativeMethods
    {
        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, int flags);
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
