using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace NewsLsp.LanguageServer.JsonRpc;

/// <summary>
/// Reads LSP base-protocol frames (<c>Content-Length</c> header, blank line, body) from a pipe.
/// Headers may come in any order and case and may include others (Content-Type); a frame whose
/// headers lack a valid Content-Length is rejected and the reader resynchronises on the next
/// <c>Content-Length</c> header that starts a line or directly follows a JSON body's closing bracket, so one bad
/// frame never takes the stream down.
/// Bodies over the size limit are skipped without being buffered.
/// </summary>
public sealed class MessageFramer(PipeReader reader, int maxMessageBytes)
{
    /// <summary>Header blocks are tiny; anything larger is garbage, not a header.</summary>
    public const int MaxHeaderBytes = 8 * 1024;

    private static ReadOnlySpan<byte> HeaderTerminator => "\r\n\r\n"u8;
    private static ReadOnlySpan<byte> ContentLengthName => "content-length"u8;

    private bool resynchronising;
    // Whether the first unread byte begins a line; false after we dropped bytes mid-line while hunting.
    private bool bufferStartsLine;

    public int MaxMessageBytes { get; } = maxMessageBytes;

    public async ValueTask<FrameReadResult> ReadAsync(CancellationToken cancellationToken)
    {
        long skipRemaining = 0;
        string? skipError = null;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;

            if (skipRemaining > 0)
            {
                var take = Math.Min(skipRemaining, buffer.Length);
                skipRemaining -= take;
                reader.AdvanceTo(buffer.GetPosition(take));
                if (skipRemaining == 0) return FrameReadResult.Rejected(skipError!);
                if (read.IsCompleted) return FrameReadResult.EndOfStream;
                continue;
            }

            if (resynchronising)
            {
                if (TryFindHeaderStart(buffer, bufferStartsLine, out var start))
                {
                    resynchronising = false;
                    reader.AdvanceTo(start);
                    continue;
                }
                // Keep a tail long enough to hold a split "\nContent-Length" so a header straddling reads is still found.
                var keep = Math.Min(buffer.Length, ContentLengthName.Length + 1);
                if (keep < buffer.Length) bufferStartsLine = false;
                reader.AdvanceTo(buffer.GetPosition(buffer.Length - keep), buffer.End);
                if (read.IsCompleted) return FrameReadResult.EndOfStream;
                continue;
            }

            var sequenceReader = new SequenceReader<byte>(buffer);
            // A block found but longer than the limit is rejected like one not found within it, so the outcome does not
            // depend on whether the bytes after the limit had arrived yet.
            if (!sequenceReader.TryReadTo(out ReadOnlySequence<byte> headerBytes, HeaderTerminator, advancePastDelimiter: true) ||
                headerBytes.Length > MaxHeaderBytes)
            {
                if (buffer.Length > MaxHeaderBytes)
                {
                    resynchronising = true;
                    bufferStartsLine = false;
                    reader.AdvanceTo(buffer.GetPosition(1));
                    return FrameReadResult.Rejected($"No end of headers within {MaxHeaderBytes} bytes; skipping to the next Content-Length header.");
                }
                if (read.IsCompleted)
                {
                    reader.AdvanceTo(buffer.End);
                    return IsBlank(buffer) ? FrameReadResult.EndOfStream : FrameReadResult.Rejected("The input ended inside a header block.");
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            var headerEnd = sequenceReader.Position;
            var error = ParseHeaders(Encoding.ASCII.GetString(headerBytes), out var contentLength);
            if (error is not null)
            {
                // A real header can directly follow the end of a garbage body inside this block ("…}Content-Length: 2"),
                // as after a too-short Content-Length: restart there. Otherwise drop the block and hunt for the next frame.
                var headerText = Encoding.ASCII.GetString(headerBytes);
                var embedded = EmbeddedHeaderStart(headerText);
                if (embedded > 0)
                {
                    reader.AdvanceTo(buffer.GetPosition(embedded));
                    return FrameReadResult.Rejected(error + " Restarting at the Content-Length header that follows.");
                }
                resynchronising = true;
                bufferStartsLine = true;
                reader.AdvanceTo(headerEnd);
                return FrameReadResult.Rejected(error + " Skipping to the next Content-Length header.");
            }

            if (contentLength > MaxMessageBytes)
            {
                reader.AdvanceTo(headerEnd);
                skipRemaining = contentLength;
                skipError = $"Message of {contentLength} bytes exceeds the maximum message size of {MaxMessageBytes} bytes; it was skipped.";
                if (skipRemaining == 0) return FrameReadResult.Rejected(skipError);
                continue;
            }

            var afterHeaders = buffer.Slice(headerEnd);
            if (afterHeaders.Length >= contentLength)
            {
                var body = afterHeaders.Slice(0, contentLength).ToArray();
                reader.AdvanceTo(afterHeaders.GetPosition(contentLength));
                return FrameReadResult.Message(body);
            }

            if (read.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return FrameReadResult.Rejected($"The input ended after {afterHeaders.Length} of {contentLength} body bytes.");
            }
            // Not all of the body is here yet: leave everything unconsumed and wait for more.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Returns null when the headers are valid, else why not.</summary>
    internal static string? ParseHeaders(string headers, out long contentLength)
    {
        contentLength = -1;
        foreach (var line in headers.Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) continue; // Tolerated: a stray line is not worth losing the frame over when Content-Length is present.
            var name = line[..colon].Trim();
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            var value = line[(colon + 1)..].Trim();
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                return $"Invalid Content-Length header value '{Truncate(value)}'.";
            if (contentLength >= 0 && contentLength != parsed)
                return "Conflicting Content-Length headers.";
            contentLength = parsed;
        }
        return contentLength < 0 ? $"Missing Content-Length header in '{Truncate(headers)}'." : null;
    }

    private static string Truncate(string s) => s.Length <= 80 ? s : s[..80] + "…";

    private static bool IsBlank(ReadOnlySequence<byte> buffer)
    {
        foreach (var segment in buffer)
            foreach (var b in segment.Span)
                if (b is not ((byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t')) return false;
        return true;
    }

    /// <summary>Finds "Content-Length" (any case) at the start of a line, which is where the next frame begins.</summary>
    /// <summary>Offset of a Content-Length header that follows a closing bracket inside a header block, or -1.</summary>
    private static int EmbeddedHeaderStart(string headers)
    {
        for (var i = 1; i + ContentLengthName.Length <= headers.Length; i++)
        {
            if (headers[i - 1] is not ('}' or ']')) continue;
            if (string.Compare(headers, i, "Content-Length", 0, ContentLengthName.Length, StringComparison.OrdinalIgnoreCase) == 0) return i;
        }
        return -1;
    }

    private static bool TryFindHeaderStart(ReadOnlySequence<byte> buffer, bool startsLine, out SequencePosition position)
    {
        var bytes = buffer.IsSingleSegment ? buffer.FirstSpan : buffer.ToArray();
        for (var i = 0; i + ContentLengthName.Length <= bytes.Length; i++)
        {
            // A header right after a line break, or right after the end of a JSON body: clients send frames back to
            // back, so after a wrong Content-Length the next real header follows the garbage directly ("…}Content-Length").
            // Requiring a line start here left the server deaf to every later message.
            if (i == 0 ? !startsLine : bytes[i - 1] is not ((byte)'\n' or (byte)'}' or (byte)']')) continue;
            if (Ascii.EqualsIgnoreCase(bytes.Slice(i, ContentLengthName.Length), ContentLengthName))
            {
                position = buffer.GetPosition(i);
                return true;
            }
        }
        position = default;
        return false;
    }
}
