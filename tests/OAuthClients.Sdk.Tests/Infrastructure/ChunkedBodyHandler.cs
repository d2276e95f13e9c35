using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Tests.Infrastructure;

/// <summary>
/// A server in process that answers every request <paramref name="status"/> (200 unless told) with <paramref name="body"/>,
/// handed out at most <paramref name="chunkSize"/> bytes per read, with a <c>Content-Length</c> only when
/// <paramref name="contentLength"/> says so. Everything completes synchronously, so a call through it runs on the
/// caller's thread and each read ends exactly where the test says (a socket promises neither). With
/// <paramref name="failAfter"/>, a read past that many bytes fails as a connection reset would.
/// </summary>
public sealed class ChunkedBodyHandler(byte[] body, int chunkSize, HttpStatusCode status = HttpStatusCode.OK, bool contentLength = false, int? failAfter = null) : HttpMessageHandler
{
    private int _count;
    private int _disposed;

    /// <summary>Gets how many requests arrived.</summary>
    public int Attempts => Volatile.Read(ref _count);

    /// <summary>Gets how many of the bodies handed out were disposed.</summary>
    public int BodiesDisposed => Volatile.Read(ref _disposed);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        var content = new StreamContent(new ChunkedStream(this, body, chunkSize, failAfter));
        content.Headers.ContentLength = contentLength ? body.Length : null;
        return Task.FromResult(new HttpResponseMessage(status) { Content = content, RequestMessage = request });
    }

    private sealed class ChunkedStream(ChunkedBodyHandler handler, byte[] body, int chunkSize, int? failAfter) : Stream
    {
        private int _position;
        private bool _wasDisposed;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= failAfter)
            {
                throw new IOException("The connection was reset by the test.");
            }

            var length = Math.Min(Math.Min(buffer.Length, chunkSize), body.Length - _position);
            body.AsSpan(_position, length).CopyTo(buffer);
            _position += length;
            return length;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(Read(buffer.Span));

        public override void Flush()
        {
        }

        protected override void Dispose(bool disposing)
        {
            if (!_wasDisposed)
            {
                _wasDisposed = true;
                Interlocked.Increment(ref handler._disposed);
            }

            base.Dispose(disposing);
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
