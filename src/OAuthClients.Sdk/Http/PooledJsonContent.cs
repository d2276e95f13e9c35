using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Http;

/// <summary>
/// A JSON request body serialized for one attempt into a buffer rented from <see cref="ArrayPool{T}"/> and sent with
/// its <c>Content-Length</c>; the buffer is cleared and returned when the attempt's message is disposed, and a retry
/// serializes again. It replaces a <c>byte[]</c> per request plus its copy.
/// </summary>
internal sealed class PooledJsonContent : HttpContent, IBufferWriter<byte>
{
    // One writer per thread, reset onto each content: serialization is synchronous, so it is never shared.
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private byte[]? _buffer;
    private int _length;

    private PooledJsonContent(MediaTypeHeaderValue contentType)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(512);
        Headers.ContentType = contentType;
    }

    /// <summary>Serializes <paramref name="value"/> with <paramref name="typeInfo"/> (source-generated) into a new content.</summary>
    public static PooledJsonContent Serialize(object value, JsonTypeInfo typeInfo, MediaTypeHeaderValue contentType)
    {
        var content = new PooledJsonContent(contentType);
        try
        {
            var writer = t_writer;
            if (writer is null)
            {
                var options = typeInfo.Options;
                t_writer = writer = new Utf8JsonWriter(content, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented, SkipValidation = true });
            }
            else
            {
                writer.Reset(content);
            }

            JsonSerializer.Serialize(writer, value, typeInfo);
            writer.Flush();
            return content;
        }
        catch
        {
            // Unreachable through the SDK's own request types, whose serialization cannot throw; kept so that a future
            // type cannot leak a pooled buffer.
            // Stryker disable once Statement : not reachable through the public API (see above).
            content.Dispose();

            // Stryker disable once Statement : not reachable through the public API (see above).
            throw;
        }
    }

    void IBufferWriter<byte>.Advance(int count) => _length += count;

    Memory<byte> IBufferWriter<byte>.GetMemory(int sizeHint) => Grow(sizeHint).AsMemory(_length);

    Span<byte> IBufferWriter<byte>.GetSpan(int sizeHint) => Grow(sizeHint).AsSpan(_length);

    // HttpContent refuses to serialize once disposed, so the buffer is there.
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(_buffer!, 0, _length);

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    // HttpContent has no finalizer, so this runs from Dispose() alone; a second call finds no buffer.
    protected override void Dispose(bool disposing)
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            buffer.AsSpan(0, _length).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }

    // Called by the writer during Serialize only, before the content can be disposed.
    private byte[] Grow(int sizeHint)
    {
        var buffer = _buffer!;
        if (buffer.Length - _length >= Math.Max(sizeHint, 1))
        {
            return buffer;
        }

        // Stryker disable once Arithmetic : equivalent: the writer asks for at least 4,096 bytes more, so length + sizeHint decides the size either way.
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, _length + sizeHint));
        buffer.AsSpan(0, _length).CopyTo(larger);
        buffer.AsSpan(0, _length).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
        return _buffer = larger;
    }
}
