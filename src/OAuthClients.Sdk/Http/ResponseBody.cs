using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Http;

/// <summary>
/// A response body read into a buffer rented from the shared pool, so a body costs no body-sized allocation.
/// The buffer may hold a secret, so it is cleared before it goes back to the pool. The caller's limit bounds it, not
/// the server: <c>Content-Length</c> only sizes the first buffer, and never beyond <see cref="MaxHint"/>.
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    private const int DefaultSize = 16 * 1024;

    /// <summary>The largest first buffer a <c>Content-Length</c> may ask for; a longer body grows it as it arrives.</summary>
    private const int MaxHint = 64 * 1024;

    private byte[]? _buffer;
    private readonly int _start;
    private readonly int _length;

    private ResponseBody(byte[] buffer, int start, int length)
    {
        _buffer = buffer;
        _start = start;
        _length = length;
    }

    /// <summary>Gets an empty body, safe to share (disposing it does nothing).</summary>
    public static ResponseBody Empty { get; } = new([], 0, 0);

    /// <summary>Gets the body, without a UTF-8 byte order mark.</summary>
    public ReadOnlySpan<byte> Span => (_buffer ?? throw new ObjectDisposedException(nameof(ResponseBody))).AsSpan(_start, _length);

    /// <summary>Reads <paramref name="content"/> to its end.</summary>
    /// <exception cref="ResponseTooLargeException">The body is longer than <paramref name="maxSize"/>; no more than <paramref name="maxSize"/> + 1 bytes were read.</exception>
    public static async ValueTask<ResponseBody> ReadAsync(HttpContent content, int maxSize, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;

        // Stryker disable once Block : equivalent: without it an empty body is read into a rented buffer and is empty all the same (memory only).
        if (declared == 0)
        {
            return Empty;
        }

        if (declared > maxSize)
        {
            throw new ResponseTooLargeException(maxSize);
        }

        // One byte more than declared, so that the end is seen without growing the buffer; one more than the limit
        // at most, so that a longer body is seen to be too long.
        var limit = maxSize + 1;

        // Stryker disable once Linq : equivalent: the first buffer's size; reads stop at the limit whatever it is (memory only).
        var buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 ? (int)Math.Min(declared.Value + 1, MaxHint) : DefaultSize);
        var length = 0;
        try
        {
#if NET
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            while (true)
            {
                if (length == limit)
                {
                    throw new ResponseTooLargeException(maxSize);
                }

                if (length == buffer.Length)
                {
                    // Stryker disable once Linq : equivalent: how much the buffer grows; reads stop at the limit whatever it is (memory only).
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limit));
                    buffer.AsSpan(0, length).CopyTo(larger);

                    // Stryker disable once Statement : equivalent: a buffer not returned is never handed to anyone again (memory only); one returned is cleared first (pinned by the pool tests).
                    Return(buffer, length);
                    buffer = larger;
                }

#if NET
                var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit) - length), cancellationToken).ConfigureAwait(false);
#else
                var read = await stream.ReadAsync(buffer, length, Math.Min(buffer.Length, limit) - length, cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch
        {
            // Stryker disable once Statement : equivalent: a buffer not returned is never handed to anyone again (memory only); one returned is cleared first (pinned by the pool tests).
            Return(buffer, length);
            throw;
        }

        return WithoutByteOrderMark(buffer, length);
    }

    /// <summary>
    /// Reads up to <paramref name="size"/> bytes of a body that is streamed afterwards, within the attempt: a body cut
    /// short in its first bytes then fails the attempt (and is retried as any lost response), before any item of it
    /// was handed out.
    /// </summary>
    public static async ValueTask<ResponseBody> ReadHeadAsync(Stream stream, int size, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        var length = 0;
        try
        {
            while (length < size)
            {
                var read = await stream.ReadAsync(buffer, length, size - length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch
        {
            // Stryker disable once Statement : equivalent: a buffer not returned is never handed to anyone again (memory only); one returned is cleared first (pinned by the pool tests).
            Return(buffer, length);
            throw;
        }

        return WithoutByteOrderMark(buffer, length);
    }

    /// <summary>The first <paramref name="length"/> bytes of <paramref name="buffer"/>, less a UTF-8 byte order mark.</summary>
    private static ResponseBody WithoutByteOrderMark(byte[] buffer, int length)
    {
        var start = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        return new ResponseBody(buffer, start, length - start);
    }

    /// <summary>A copy of the body, for the rare paths (errors) that keep it.</summary>
    public byte[] ToArray() => Span.ToArray();

    public void Dispose()
    {
        if (_buffer is { Length: > 0 } && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            Return(buffer, _start + _length);
        }
    }

    private static void Return(byte[] buffer, int used)
    {
        buffer.AsSpan(0, used).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
