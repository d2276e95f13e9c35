using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Reliability;

/// <summary>Bodies are read whole however they arrive: with a byte order mark, in many chunks, larger than the first buffer.</summary>
public sealed class ResponseBodyTests
{
    [Fact]
    public async Task GetAsync_BodyWithByteOrderMark_IsRead()
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(200, "\uFEFF" + """{ "id": "c1", "name": "With BOM" }"""));

        var client = await Client(server).GetAsync("c1");

        Assert.Equal("With BOM", client.Name);
    }

    [Fact]
    public async Task ListAsync_ChunkedBodyLargerThanTheFirstBuffer_ReadsEveryClient()
    {
        // About 70 KB in 1,000-byte chunks, without a Content-Length: the buffer grows several times.
        var clients = Enumerable.Range(0, 800).Select(i => $$"""{ "id": "c{{i}}", "name": "Client number {{i}}", "redirectUris": ["https://app{{i}}.example.com/cb"] }""");
        using var server = new RawLoopbackServer(RawLoopbackServer.Chunked($"[{string.Join(",", clients)}]", chunkSize: 1000));

        var listed = await Client(server).ListAsync().ToListAsync();

        Assert.Equal(Enumerable.Range(0, 800).Select(i => $"c{i}"), listed.Select(c => c.Id));
        Assert.Equal("https://app799.example.com/cb", Assert.Single(listed[^1].RedirectUris));
    }

    [Fact]
    public async Task GetAsync_BodyOfOnlyAByteOrderMark_IsAnEmptyBody()
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(200, "\uFEFF"));

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(server).GetAsync("c1"));

        Assert.Contains("The body was empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_EmptyBodyAfterAStatusOnlyCall_IsAnEmptyBody()
    {
        // Both answers share the one empty body; disposing it after the enable must leave it readable for the get.
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(200), RawLoopbackServer.Respond(200));
        var client = Client(server);
        await client.EnableAsync("c1");

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => client.GetAsync("c1"));

        Assert.Contains("The body was empty", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\u00BF\" is not a client")]
    [InlineData("\uEEFF is not a client")]
    public async Task GetAsync_BodyStartingWithBytesOfAByteOrderMark_IsQuotedWhole(string body)
    {
        // The UTF-8 of "\u00BF has 0xBF as its third byte, and that of \uEEFF ends like a byte order mark (0xBB 0xBF).
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(200, body));

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(server).GetAsync("c1"));

        Assert.Contains("It starts with: " + body, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    [InlineData(false, 1)]
    public async Task GetAsync_BodyOfExactlyMaxResponseSize_IsReadAndOneByteMoreIsRefused(bool contentLength, int beyond)
    {
        var limit = 1024;
        var prefix = "{ \"id\": \"c1\", \"name\": \"";
        var body = prefix + new string('x', limit + beyond - prefix.Length - 3) + "\" }";
        Assert.Equal(limit + beyond, body.Length);
        using var server = new RawLoopbackServer(contentLength ? RawLoopbackServer.Respond(200, body) : RawLoopbackServer.Chunked(body, chunkSize: 100));
        var sut = Client(server, limit);

        if (beyond == 0)
        {
            Assert.Equal("c1", (await sut.GetAsync("c1")).Id);
        }
        else
        {
            var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => sut.GetAsync("c1"));
            Assert.Contains("MaxResponseSize (1024 bytes)", ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(200, true)] // fits a first buffer sized by its Content-Length
    [InlineData(200, false)] // fits the 16 KiB first buffer
    [InlineData(40_000, false)] // the buffer grows twice, returning the smaller ones it filled
    [InlineData(100_000, true)] // longer than the largest first buffer a Content-Length may ask for (64 KiB)
    public async Task GetAsync_BodyOfAnySize_LeavesNothingOfItInThePool(int size, bool contentLength)
    {
        using var handler = new ChunkedBodyHandler(BodyWithMarkers(size), chunkSize: 4096, contentLength: contentLength);

        PooledBytes.Prime();

        var client = await InProcess(handler).GetAsync("c1");

        Assert.Equal("App", client.Name);
        Assert.False(PooledBytes.Contain(Marker), "a response buffer went back to the pool holding the body");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetAsync_ErrorBody_LeavesNothingOfItInThePool(bool contentLength)
    {
        using var handler = new ChunkedBodyHandler(BodyWithMarkers(20_000), chunkSize: 4096, HttpStatusCode.BadRequest, contentLength);

        PooledBytes.Prime();

        await Assert.ThrowsAsync<OAuthClientsValidationException>(() => InProcess(handler).GetAsync("c1"));

        Assert.False(PooledBytes.Contain(Marker), "an error body's buffer went back to the pool holding the body");
    }

    [Fact]
    public async Task GetAsync_BodyTooLargeWithoutContentLength_LeavesNothingOfWhatWasReadInThePool()
    {
        // Refused once the 1,025th byte arrives: the bytes read so far are cleared before the buffer goes back.
        using var handler = new ChunkedBodyHandler(BodyWithMarkers(5_000), chunkSize: 256);

        PooledBytes.Prime();

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => InProcess(handler, maxResponseSize: 1024).GetAsync("c1"));

        Assert.Contains("MaxResponseSize (1024 bytes)", ex.Message, StringComparison.Ordinal);
        Assert.False(PooledBytes.Contain(Marker), "a refused body's buffer went back to the pool holding what was read");
    }

    [Theory]
    [InlineData(100)] // within the first read
    [InlineData(20_000)] // after the first buffer grew
    public async Task GetAsync_BodyCutOffByAReset_IsALostResponseAndLeavesNothingOfItInThePool(int failAfter)
    {
        using var handler = new ChunkedBodyHandler(BodyWithMarkers(40_000), chunkSize: 4096, failAfter: failAfter);
        PooledBytes.Prime();

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => InProcess(handler).GetAsync("c1"));

        Assert.Contains("its response was lost", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, handler.BodiesDisposed);
        Assert.False(PooledBytes.Contain(Marker), "a body cut off went back to the pool holding what was read");
    }

    [Theory]
    [InlineData(100)] // a list cut off in its first bytes, within the attempt: a lost response, before any client was handed out
    [InlineData(10_000)]
    public async Task ListAsync_BodyCutOffByAResetInItsHead_IsALostResponseAndLeavesNothingOfItInThePool(int failAfter)
    {
        var items = string.Join(",", Enumerable.Range(0, 1000).Select(i => $$"""{ "id": "c{{i}}", "name": "{{Marker}} {{i}}" }"""));
        using var handler = new ChunkedBodyHandler(Encoding.UTF8.GetBytes($"[{items}]"), chunkSize: 1000, failAfter: failAfter);
        Assert.True(items.Length > 16 * 1024, "the body is longer than the head read within the attempt");
        PooledBytes.Prime();

        var ex = await Assert.ThrowsAsync<HttpRequestException>(async () => await InProcess(handler).ListAsync().ToListAsync());

        Assert.Contains("its response was lost", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, handler.BodiesDisposed);
        Assert.False(PooledBytes.Contain(Marker), "a list head cut off went back to the pool holding what was read");
    }

    private const string Marker = "pool-marker-5c1e";

    /// <summary>A client of <paramref name="size"/> bytes (UTF-8) with <see cref="Marker"/> in its first and last bytes.</summary>
    private static byte[] BodyWithMarkers(int size)
    {
        var head = "{ \"id\": \"c1\", \"name\": \"App\", \"description\": \"" + Marker + "\", \"padding\": \"";
        var tail = "\", \"clientUri\": \"https://" + Marker + ".example.com\" }";
        var body = head + new string('x', size - head.Length - tail.Length) + tail;
        Assert.Equal(size, Encoding.UTF8.GetByteCount(body));
        return Encoding.UTF8.GetBytes(body);
    }

    private static OAuthClientsClient InProcess(HttpMessageHandler handler, int maxResponseSize = OAuthClientsOptions.DefaultMaxResponseSize) =>
        new(new HttpClient(handler), new OAuthClientsOptions { BaseAddress = new Uri("http://127.0.0.1:1/"), Tenant = "acme", ApiKey = "sk_test", MaxRetries = 0, MaxResponseSize = maxResponseSize });

    private static OAuthClientsClient Client(RawLoopbackServer server, int maxResponseSize = OAuthClientsOptions.DefaultMaxResponseSize) =>
        new(new HttpClient(), new OAuthClientsOptions { BaseAddress = server.BaseAddress, Tenant = "acme", ApiKey = "sk_test", MaxRetries = 0, MaxResponseSize = maxResponseSize });
}
