using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace OAuthClients.Sdk.Tests.Reliability;

/// <summary>
/// Lists are streamed item by item with a per-item limit, and enumeration ends whatever the server says about pages
/// (issue 19, classes 1 and 2).
/// </summary>
public sealed class ListStreamingTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private const string LumoCollection = "/t/acme/api/v1/admin/oauth-clients";

    [Theory]
    [InlineData(OAuthDialect.LumoAuth, "[{0}]")]
    [InlineData(OAuthDialect.Cerberus, """{{ "data": [{0}], "total": 1000 }}""")]
    [InlineData(OAuthDialect.Cerberus, """{{ "pagination": {{ "total": 1000, "limit": 1000, "offset": 0 }}, "clients": [{0}] }}""")]
    public async Task ListAsync_ListFarLongerThanMaxResponseSizeWithSmallItems_ReadsEveryClient(OAuthDialect dialect, string shape)
    {
        var items = string.Join(",", Enumerable.Range(0, 1000).Select(i => $$"""{ "id": "c{{i}}", "name": "Client {{i}}", "redirectUris": ["https://app{{i}}.example.com/cb"] }"""));
        using var raw = new RawLoopbackServer(RawLoopbackServer.Chunked(string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, items), chunkSize: 700));

        var listed = await Client(raw.BaseAddress, dialect, o => o.MaxResponseSize = 4096).ListAsync().ToListAsync();

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"c{i}"), listed.Select(c => c.Id));
    }

    [Fact]
    public async Task ListAsync_OneItemLargerThanMaxResponseSize_FailsWithApiExceptionAfterTheEarlierClients()
    {
        var body = $$"""{ "data": [ { "id": "c1", "name": "small" }, { "id": "c2", "name": "{{new string('x', 100_000)}}" } ], "total": 2 }""";
        using var raw = new RawLoopbackServer(RawLoopbackServer.Chunked(body, chunkSize: 4096));
        var sut = Client(raw.BaseAddress, OAuthDialect.Cerberus, o => o.MaxResponseSize = 16 * 1024);
        var listed = new System.Collections.Generic.List<string>();

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(async () =>
        {
            await foreach (var client in sut.ListAsync())
            {
                listed.Add(client.Id);
            }
        });

        Assert.Equal(["c1"], listed);
        Assert.Contains("MaxResponseSize (16384 bytes)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_BodyCutShortWithinItsHead_IsRetriedAsALostResponse()
    {
        // The cut comes within the head read during the attempt, before any client was handed out.
        const string List = """[{ "id": "c1", "name": "one" }, { "id": "c2", "name": "two" }]""";
        using var raw = new RawLoopbackServer(RawLoopbackServer.Truncated(List[..40]), RawLoopbackServer.Respond(200, List));

        var listed = await Client(raw.BaseAddress, OAuthDialect.LumoAuth, o => o.MaxRetries = 1).ListAsync().ToListAsync();

        Assert.Equal(["c1", "c2"], listed.Select(c => c.Id));
        Assert.Equal(2, raw.Requests);
    }

    [Fact]
    public async Task ListAsync_BodyCutShortPastItsHead_FailsWithHttpRequestExceptionAfterTheEarlierClients()
    {
        // About 30 KB, more than the head read within the attempt, so the cut comes while the list is streamed: not retried.
        var items = string.Join(",", Enumerable.Range(0, 1000).Select(i => $$"""{ "id": "c{{i}}", "name": "Client {{i}}" }"""));
        using var raw = new RawLoopbackServer(RawLoopbackServer.Truncated($"[{items}"));
        var listed = new System.Collections.Generic.List<string>();

        var ex = await Assert.ThrowsAsync<HttpRequestException>(async () =>
        {
            await foreach (var client in Client(raw.BaseAddress, OAuthDialect.LumoAuth, o => o.MaxRetries = 3).ListAsync())
            {
                listed.Add(client.Id);
            }
        });

        Assert.Contains("failed while its body was read", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, listed.Count).Select(i => $"c{i}"), listed);
        Assert.InRange(listed.Count, 500, 1000);
        Assert.Equal(1, raw.Requests);
    }

    [Fact]
    public async Task ListAsync_EnvelopeWithoutItsArray_IsAnUnreadableBody()
    {
        using var raw = new RawLoopbackServer(RawLoopbackServer.Respond(200, """{ "total": 3, "items": [] }"""));

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(raw.BaseAddress, OAuthDialect.Cerberus).ListAsync().ToListAsync().AsTask());

        Assert.Contains("no 'data' or 'clients' array", ex.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task ListAsync_ServerStallsMidList_TimesOutPerReadInsteadOfHanging()
    {
        // More than the 16 KiB read within the attempt, then nothing: the rest is read under the per-attempt Timeout per read.
        var items = string.Join(",", Enumerable.Range(0, 300).Select(i => $$"""{ "id": "c{{i}}", "name": "Client number {{i}} of a list that stalls" }"""));
        using var raw = new RawLoopbackServer(RawLoopbackServer.Stall($$"""{ "data": [{{items}},"""));
        using var host = new TestHost(o =>
        {
            o.Dialect = OAuthDialect.Cerberus;
            o.BaseAddress = raw.BaseAddress;
            o.ApiKey = "sk_test_stall";
            o.MaxRetries = 0;
        });
        var firstClient = new TaskCompletionSource();
        var listed = 0;

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => host.Time.Drive(Enumerate(), () => firstClient.Task));

        Assert.Contains("timed out while its body was read", ex.Message, StringComparison.Ordinal);
        Assert.InRange(listed, 1, 300);

        async Task Enumerate()
        {
            await foreach (var unused in host.Client.ListAsync())
            {
                listed++;
                firstClient.TrySetResult();
            }
        }
    }

    [Fact]
    public async Task ListAsync_ServerRepeatsTheSamePageWithoutPageNumbers_StopsWithApiException()
    {
        server.Server.Reset();
        server.Server.Json("GET", LumoCollection, 200, """{ "data": [ { "id": "1", "name": "one" }, { "id": "2", "name": "two" } ], "meta": { "hasNextPage": true, "limit": 2 } }""");

        var (listed, ex) = await ListAtMost(Client(server.BaseAddress, OAuthDialect.LumoAuth), 100);

        Assert.NotNull(ex);
        Assert.Contains("page 2 repeats page 1", ex.Message, StringComparison.Ordinal);
        Assert.Equal(4, listed);
        Assert.Equal(2, server.Requests.Length);
    }

    [Fact]
    public async Task ListAsync_ServerClaimsMorePagesThanItReported_StopsAtTheReportedCount()
    {
        server.Server.Reset();
        for (var page = 1; page <= 6; page++)
        {
            var request = Request.Create().WithPath(LumoCollection).UsingGet();
            request = page == 1 ? request : request.WithParam("page", $"{page}");
            server.Server.Given(request).AtPriority(page == 1 ? 20 : 1).RespondWith(Response.Create().WithStatusCode(200).WithBody(
                $$"""{ "data": [ { "id": "p{{page}}", "name": "page {{page}}" } ], "meta": { "page": {{page}}, "totalPages": 3, "hasNextPage": true } }"""));
        }

        var (listed, ex) = await ListAtMost(Client(server.BaseAddress, OAuthDialect.LumoAuth), 100);

        Assert.NotNull(ex);
        Assert.Contains("asks for page 4 after reporting 3 page(s)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, listed);
        Assert.Equal(3, server.Requests.Length);
    }

    [Fact]
    public async Task ListAsync_CerberusPagesBeyondReportedPages_StopAtTheReportedCount()
    {
        server.Server.Reset();
        server.Server.Json("GET", "/v1/admin/clients", 200, """{ "data": [ { "id": "a", "name": "a" } ], "page": 1, "limit": 1, "pages": 2, "total": 2 }""");
        server.Server.Given(Request.Create().WithPath("/v1/admin/clients").WithParam("page", "2").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{ "data": [ { "id": "b", "name": "b" } ], "page": 2, "limit": 1, "pages": 2, "total": 2 }"""));

        var listed = await Client(server.BaseAddress, OAuthDialect.Cerberus).ListAsync().ToListAsync();

        Assert.Equal(["a", "b"], listed.Select(c => c.Id));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ListAsync_PagesEndShortOfTheReportedTotal_FailOnlyWhenACompleteListIsRequired(bool requireComplete)
    {
        server.Server.Reset();
        server.Server.Given(Request.Create().WithPath(LumoCollection).UsingGet()).AtPriority(20).RespondWith(Response.Create().WithStatusCode(200).WithBody(
            """{ "data": [ { "id": "a", "name": "a" }, { "id": "b", "name": "b" } ], "meta": { "page": 1, "totalPages": 2, "total": 5, "hasNextPage": true } }"""));
        server.Server.Given(Request.Create().WithPath(LumoCollection).WithParam("page", "2").UsingGet()).AtPriority(1).RespondWith(Response.Create().WithStatusCode(200).WithBody(
            """{ "data": [ { "id": "c", "name": "c" } ], "meta": { "page": 2, "totalPages": 2, "total": 5, "hasNextPage": false } }"""));
        var listed = new System.Collections.Generic.List<string>();

        var ex = await Record.ExceptionAsync(async () =>
        {
            await foreach (var client in Client(server.BaseAddress, OAuthDialect.LumoAuth).ListAsync(new Sdk.Models.OAuthClientListOptions { RequireComplete = requireComplete }))
            {
                listed.Add(client.Id);
            }
        });

        Assert.Equal(["a", "b", "c"], listed);
        if (requireComplete)
        {
            Assert.Contains("reported 5 clients but listed 3", Assert.IsType<OAuthClientsApiException>(ex).Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(ex);
        }
    }

    private static async Task<(int Listed, Exception? Error)> ListAtMost(OAuthClientsClient sut, int limit)
    {
        var listed = 0;
        try
        {
            await foreach (var unused in sut.ListAsync())
            {
                if (++listed >= limit)
                {
                    return (listed, null);
                }
            }
        }
        catch (OAuthClientsApiException ex)
        {
            return (listed, ex);
        }

        return (listed, null);
    }

    private static OAuthClientsClient Client(Uri baseAddress, OAuthDialect dialect, Action<OAuthClientsOptions>? configure = null)
    {
        var options = new OAuthClientsOptions { Dialect = dialect, BaseAddress = baseAddress, Tenant = "acme", ApiKey = "sk_test_list", MaxRetries = 0 };
        configure?.Invoke(options);
        return new OAuthClientsClient(new HttpClient(), options);
    }
}
