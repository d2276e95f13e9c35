using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
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

    private static OAuthClientsClient Client(RawLoopbackServer server) =>
        new(new HttpClient(), new OAuthClientsOptions { BaseAddress = server.BaseAddress, Tenant = "acme", ApiKey = "sk_test", MaxRetries = 0 });
}
