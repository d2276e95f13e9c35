using System;
using System.IO;

namespace OAuthClients.Sdk.Benchmarks.Fakes;

/// <summary>
/// Cerberus' documented unpaged list, <c>{ "data": [...], "total": n }</c>, of any size, made as it is read: one client
/// at a time, so the fake holds one client's bytes however large the body is (what a server streaming its answer does).
/// <see cref="Allocated"/> counts what making it allocated on the reading thread, which a measurement subtracts.
/// </summary>
public sealed class UnpagedListStream(int total) : Stream
{
    private byte[] _chunk = "{\"data\":["u8.ToArray();
    private int _offset;
    private int _next;
    private bool _ended;

    public long Allocated { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_offset == _chunk.Length)
        {
            if (_ended)
            {
                return 0;
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            _chunk = NextChunk();
            Allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            _offset = 0;
        }

        var length = Math.Min(buffer.Length, _chunk.Length - _offset);
        _chunk.AsSpan(_offset, length).CopyTo(buffer);
        _offset += length;
        return length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private byte[] NextChunk()
    {
        if (_next == total)
        {
            _ended = true;
            return System.Text.Encoding.UTF8.GetBytes($"],\"total\":{total}}}");
        }

        var client = Payloads.CerberusClient(_next);
        if (_next++ == 0)
        {
            return client;
        }

        var chunk = new byte[client.Length + 1];
        chunk[0] = (byte)',';
        client.CopyTo(chunk, 1);
        return chunk;
    }
}
