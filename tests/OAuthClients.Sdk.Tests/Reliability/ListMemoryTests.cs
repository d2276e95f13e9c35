using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace OAuthClients.Sdk.Tests.Reliability;

[CollectionDefinition(nameof(ListMemoryTests), DisableParallelization = true)]
public sealed class ListMemoryCollection;

/// <summary>
/// A tenant of 100,000 clients in Cerberus' one unpaged body is read in the memory of 1,000 (issue 19, class 1).
/// Measured in bytes (live heap after a full collection, and allocated bytes per client), never in time; alone, so
/// that other tests' allocations do not blur the figures.
/// </summary>
[Collection(nameof(ListMemoryTests))]
public sealed class ListMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ListAsync_100000ClientsInOneCerberusBody_HoldsNoMoreMemoryThanFor1000()
    {
        var (smallLive, smallAllocated) = await Measure(1_000);
        var (largeLive, largeAllocated) = await Measure(100_000);
        output.WriteLine($"live heap at the last client: 1,000 clients {smallLive:N0} B, 100,000 clients {largeLive:N0} B; allocated per client: {smallAllocated / 1_000:N0} B and {largeAllocated / 100_000:N0} B");

        // The whole body alone would be about 13 MB, its clients several times that.
        Assert.InRange(largeLive - smallLive, long.MinValue, 2L * 1024 * 1024);
        Assert.InRange(largeAllocated / 100_000, 0, 2 * (smallAllocated / 1_000) + 512);
    }

    /// <summary>Lists <paramref name="count"/> clients, keeping none; the live heap at the last one, and the bytes allocated.</summary>
    private static async Task<(long Live, long Allocated)> Measure(int count)
    {
        using var httpClient = new HttpClient(new GeneratedListHandler(count));
        var sut = new OAuthClientsClient(httpClient, new OAuthClientsOptions
        {
            Dialect = OAuthDialect.Cerberus,
            BaseAddress = new Uri("http://127.0.0.1:1/"),
            ApiKey = "sk_test_memory",
            MaxRetries = 0,
        });
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var live = 0L;
        var seen = 0;
        await foreach (var client in sut.ListAsync())
        {
            if (++seen == count)
            {
                live = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(count, seen);
        return (live, allocated);
    }

    /// <summary>Answers with <c>{ "data": [...], "total": n }</c> generated as it is read: the test holds no body.</summary>
    private sealed class GeneratedListHandler(int count) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new GeneratedStream(count), 8192) });
    }

    private sealed class GeneratedStream(int count) : Stream
    {
        private byte[] _pending = Encoding.UTF8.GetBytes("""{ "data": [""");
        private int _offset;
        private int _next;
        private bool _done;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count1)
        {
            while (_offset == _pending.Length)
            {
                if (_done)
                {
                    return 0;
                }

                _offset = 0;
                if (_next < count)
                {
                    _pending = Encoding.UTF8.GetBytes($$"""{{(_next == 0 ? string.Empty : ",")}}{ "id": "cli_{{_next:D8}}", "name": "Client {{_next}}", "clientType": "public", "redirectUris": ["https://app.example.com/cb"] }""");
                    _next++;
                }
                else
                {
                    _pending = Encoding.UTF8.GetBytes($$"""], "total": {{count}} }""");
                    _done = true;
                }
            }

            var length = Math.Min(count1, _pending.Length - _offset);
            Array.Copy(_pending, _offset, buffer, offset, length);
            _offset += length;
            return length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count1) => throw new NotSupportedException();
    }
}
