using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace NewsLsp.LanguageServer.JsonRpc;

/// <summary>
/// The single writer to the output pipe: every response, notification and server→client request is
/// queued here and framed by one loop, so concurrent handlers never interleave bytes.
/// </summary>
public sealed class MessageWriter
{
    private readonly Channel<OutgoingMessage> queue = Channel.CreateUnbounded<OutgoingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly PipeWriter output;
    private readonly ILogger logger;
    private readonly Task loop;

    public MessageWriter(PipeWriter output, ILogger logger)
    {
        this.output = output;
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Queues a complete JSON body; false once the writer has been completed or the output failed.</summary>
    public bool Post(OutgoingMessage body) => queue.Writer.TryWrite(body);

    /// <summary>Writes what is queued, then completes the output pipe.</summary>
    public async Task CompleteAsync()
    {
        queue.Writer.TryComplete();
        await loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var body in queue.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n"));
                output.Write(header.AsSpan());
                body.WriteTo(output);
                var flush = await output.FlushAsync().ConfigureAwait(false);
                if (flush.IsCompleted) break;
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away; nothing more can be said to it.
            logger.LogDebug(ex, "Output closed");
        }
        finally
        {
            queue.Writer.TryComplete();
            await output.CompleteAsync().ConfigureAwait(false);
        }
    }
}
