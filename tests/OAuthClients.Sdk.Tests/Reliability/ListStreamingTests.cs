using System;
using System.Linq;
using System.Net.Http;
using System.Text;
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

    [Theory]
    [InlineData(3, 2, 3)]
    [InlineData(3, 1, 4)]
    [InlineData(4, 2, 3)]
    [InlineData(int.MaxValue, 1, null)]
    [InlineData(3, 0, null)]
    public async Task ListAsync_TotalAndPageSizeWithoutAPageCount_StopOnePageBeyondThePagesTheyMake(int total, int limit, int? pages)
    {
        // Every page is new and says another follows; without totalPages, the bound is the total over the page size, plus one.
        ServeLumoAuthPages(8, page => $$"""{ "data": [ { "id": "p{{page}}", "name": "page {{page}}" } ], "meta": { "page": {{page}}, "total": {{total}}, "limit": {{limit}}, "hasNextPage": true } }""");

        var (listed, ex) = await ListAtMost(Client(server.BaseAddress, OAuthDialect.LumoAuth), 6);

        if (pages is { } bound)
        {
            Assert.Contains($"asks for page {bound + 1} after reporting {bound} page(s)", Assert.IsType<OAuthClientsApiException>(ex).Message, StringComparison.Ordinal);
            Assert.Equal(bound, listed);
        }
        else
        {
            // No bound (a total of int.MaxValue makes more pages than an int counts; a page size of 0 makes none): the listing goes on.
            Assert.Null(ex);
            Assert.Equal(6, listed);
        }
    }

    [Fact]
    public async Task ListAsync_LaterPagesReportMorePages_TheFirstPagesCountHolds()
    {
        // The page count wins over the pages its total makes (11 at one client a page).
        ServeLumoAuthPages(6, page => $$"""{ "data": [ { "id": "p{{page}}", "name": "page {{page}}" } ], "meta": { "page": {{page}}, "totalPages": {{page + 1}}, "total": 10, "limit": 1, "hasNextPage": true } }""");

        var (listed, ex) = await ListAtMost(Client(server.BaseAddress, OAuthDialect.LumoAuth), 6);

        Assert.Contains("asks for page 3 after reporting 2 page(s)", Assert.IsType<OAuthClientsApiException>(ex).Message, StringComparison.Ordinal);
        Assert.Equal(2, listed);
    }

    [Theory]
    [InlineData(new[] { "a,b", "" }, "a,b")]
    [InlineData(new[] { "a", "b", "a" }, "a,b,a")]
    [InlineData(new[] { "a,b", "b,c", "c,d" }, "a,b,b,c,c,d")]
    public async Task ListAsync_PagesThatDifferFromTheOneBefore_AreAllListed(string[] pages, string expected)
    {
        // A page is compared with the one before it only; an empty page (the list ended meanwhile) repeats nothing.
        ServeLumoAuthPages(pages.Length, page => $$"""{ "data": [{{string.Join(",", pages[page - 1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => $$"""{ "id": "{{id}}", "name": "{{id}}" }"""))}}], "meta": { "page": {{page}}, "hasNextPage": {{(page < pages.Length ? "true" : "false")}} } }""");

        var listed = await Client(server.BaseAddress, OAuthDialect.LumoAuth).ListAsync().ToListAsync();

        Assert.Equal(expected, string.Join(",", listed.Select(c => c.Id)));
    }

    [Theory]
    [InlineData(1000, true)]
    [InlineData(999, false)]
    public async Task ListAsync_PageRepeatingOnlyTheFirst1000IdsOfTheOneBefore_IsARepeat(int sameIds, bool repeats)
    {
        // Only the first 1,000 ids of a page are remembered: a page that differs only after them is taken for the same page.
        static string Page(int page, System.Collections.Generic.IEnumerable<string> ids) =>
            $$"""{ "data": [{{string.Join(",", ids.Select(id => $$"""{ "id": "{{id}}", "name": "{{id}}" }"""))}}], "meta": { "page": {{page}}, "hasNextPage": {{(page == 1 ? "true" : "false")}} } }""";
        var first = Enumerable.Range(0, 1001).Select(i => $"c{i}").ToList();
        var second = first.Take(sameIds).Append("other").Concat(first.Skip(sameIds + 1)).ToList();
        ServeLumoAuthPages(2, page => Page(page, page == 1 ? first : second));

        var (listed, ex) = await ListAtMost(Client(server.BaseAddress, OAuthDialect.LumoAuth), 5000);

        Assert.Equal(2002, listed);
        if (repeats)
        {
            Assert.Contains("page 2 repeats page 1", Assert.IsType<OAuthClientsApiException>(ex).Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(ex);
        }
    }

    [Theory]
    [InlineData(OAuthDialect.LumoAuth, """{ "data": [ { "id": "a", "name": "a" }, { "id": "b", "name": "b" } ], "meta": { "page": 1, "total": 2, "hasNextPage": false } }""")]
    [InlineData(OAuthDialect.Cerberus, """{ "data": [ { "id": "a", "name": "a" }, { "id": "b", "name": "b" } ], "total": 2 }""")]
    public async Task ListAsync_RequireCompleteAndEveryReportedClientListed_Succeeds(OAuthDialect dialect, string body)
    {
        using var raw = new RawLoopbackServer(RawLoopbackServer.Respond(200, body));

        var listed = await Client(raw.BaseAddress, dialect).ListAsync(new Sdk.Models.OAuthClientListOptions { RequireComplete = true }).ToListAsync();

        Assert.Equal(["a", "b"], listed.Select(c => c.Id));
    }

    [Fact]
    public async Task ListAsync_CerberusFirstPageShortOfItsTotal_FailsWhenACompleteListIsRequired()
    {
        // The first request asks for no page; its answer is the first page even so.
        using var raw = new RawLoopbackServer(RawLoopbackServer.Respond(200, """{ "data": [ { "id": "a", "name": "a" } ], "page": 1, "limit": 1, "pages": 1, "total": 2 }"""));

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(raw.BaseAddress, OAuthDialect.Cerberus).ListAsync(new Sdk.Models.OAuthClientListOptions { RequireComplete = true }).ToListAsync().AsTask());

        Assert.Contains("reported 2 clients but listed 1", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Answers LumoAuth's list with <paramref name="body"/> of each page 1 to <paramref name="pages"/> (page 1 also without a page parameter).</summary>
    private void ServeLumoAuthPages(int pages, Func<int, string> body)
    {
        server.Server.Reset();
        for (var page = 1; page <= pages; page++)
        {
            var request = Request.Create().WithPath(LumoCollection).UsingGet();
            request = page == 1 ? request : request.WithParam("page", $"{page}");
            server.Server.Given(request).AtPriority(page == 1 ? 20 : 1).RespondWith(Response.Create().WithStatusCode(200).WithBody(body(page)));
        }
    }

    [Theory]
    [InlineData(OAuthDialect.Cerberus, """{ "pad": "PAD", "pagination": { "total": 3, "limit": 3, "offset": 0 }, "clients": null, "Data": [ ITEMS ], "clients": [ { "id": "z", "name": "z" } ], "total": 3 }""")]
    [InlineData(OAuthDialect.Cerberus, """PAD{ "data": [ ITEMS ], "total": 3 }""")]
    [InlineData(OAuthDialect.LumoAuth, """[ { "id": "pad", "name": "PAD" }, ITEMS ]""")]
    public async Task ListAsync_BodyArrivingByteByByteAfterItsHead_ReadsEveryClientAndTheEnvelope(OAuthDialect dialect, string shape)
    {
        // The first 16 KiB (the pad) are read within the attempt; every later byte then arrives alone, so each unit
        // (a token, an envelope member, an item) is cut at every one of its bytes.
        const string Items = """{ "id": "a", "name": "A", "redirectUris": [ "https://a.example.com/cb" ] },null,{"id":"b","name":"B"} , { "id": "c", "name": "C", "isActive": true, "createdAt": "2026-01-02T03:04:05Z" }""";
        var pad = dialect == OAuthDialect.LumoAuth || shape.Contains("\"pad\"", StringComparison.Ordinal) ? new string('x', 17_000) : new string(' ', 17_000);
        var body = shape.Replace("PAD", pad, StringComparison.Ordinal).Replace("ITEMS", Items, StringComparison.Ordinal);
        using var handler = new ChunkedBodyHandler(Encoding.UTF8.GetBytes(body), chunkSize: 1);

        var listed = await InProcess(handler, dialect).ListAsync(new Sdk.Models.OAuthClientListOptions { RequireComplete = true }).ToListAsync();

        var expected = dialect == OAuthDialect.LumoAuth ? ["pad", "a", "b", "c"] : new[] { "a", "b", "c" };
        Assert.Equal(expected, listed.Select(c => c.Id));
        Assert.Equal(["https://a.example.com/cb"], listed.Single(c => c.Id == "a").RedirectUris);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, "MaxResponseSize (20000 bytes)")]
    public async Task ListAsync_ItemArrivingByteByByteAtTheSizeLimit_IsReadAndOneByteMoreIsTooLarge(int beyond, string? message)
    {
        // The second item, with the comma before it, is the unit kept while it arrives: exactly the limit, or one more.
        const int Limit = 20_000;
        const string Before = """{"id":"b","name":""";
        var second = $$"""{{Before}}"{{new string('x', Limit + beyond - Before.Length - 3)}}"}""";
        var body = $$"""[{"id":"a","name":"a"},{{second}}]""";
        using var handler = new ChunkedBodyHandler(Encoding.UTF8.GetBytes(body), chunkSize: 1);
        var listed = new System.Collections.Generic.List<string>();

        var ex = await Record.ExceptionAsync(async () =>
        {
            await foreach (var client in InProcess(handler, OAuthDialect.LumoAuth, o => o.MaxResponseSize = Limit).ListAsync())
            {
                listed.Add(client.Id);
            }
        });

        Assert.Equal(Limit + beyond, second.Length);
        if (message is null)
        {
            Assert.Null(ex);
            Assert.Equal(["a", "b"], listed);
        }
        else
        {
            Assert.Contains(message, Assert.IsType<OAuthClientsApiException>(ex).Message, StringComparison.Ordinal);
            Assert.Equal(["a"], listed);
        }
    }

    [Theory]
    [InlineData(515, true)]
    [InlineData(516, false)]
    public async Task ListAsync_EnvelopeWithoutItsItemsAtTheSizeLimit_IsReadAndOneByteMoreIsTooLarge(int secondLength, bool read)
    {
        // The envelope kept beside the items is held to MaxResponseSize too: what is kept so far ({"p":"x…", 507 bytes)
        // and the next value ("y…", 517 bytes) make 1024 bytes.
        var body = $$"""{ "p": "{{new string('x', 500)}}", "data": [ { "id": "a", "name": "a" } ], "q": "{{new string('y', secondLength)}}" }""";
        using var handler = new ChunkedBodyHandler(Encoding.UTF8.GetBytes(body), chunkSize: body.Length);

        var ex = await Record.ExceptionAsync(() => InProcess(handler, OAuthDialect.Cerberus, o => o.MaxResponseSize = 1024).ListAsync().ToListAsync().AsTask());

        if (read)
        {
            Assert.Null(ex);
        }
        else
        {
            Assert.Contains("MaxResponseSize (1024 bytes)", Assert.IsType<OAuthClientsApiException>(ex).Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("42", "neither a JSON array nor an object", 0)]
    [InlineData("null", "neither a JSON array nor an object", 0)]
    [InlineData(" \r\n ", "does not contain any JSON tokens", 0)]
    [InlineData("""{ "data": [ { "id": "a", "name": "a" }, { "id": "b" """, "open JSON object or array", 1)]
    [InlineData("""[ { "id": "a", "name": "a" } """, "open JSON object or array", 1)]
    [InlineData("""{ "\uD800": 1, "data": [] }""", "UTF-16", 0)]
    public async Task ListAsync_BodyThatIsNotAWholeList_IsAnUnreadableBodyAfterTheClientsBeforeTheFault(string body, string reason, int before)
    {
        using var handler = new ChunkedBodyHandler(Encoding.UTF8.GetBytes(body), chunkSize: body.Length);
        var listed = 0;

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(async () =>
        {
            await foreach (var unused in InProcess(handler, OAuthDialect.Cerberus).ListAsync())
            {
                listed++;
            }
        });

        Assert.Contains("the body is not the expected JSON", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, listed);
    }

    [Fact]
    public async Task ListAsync_BuffersOfALongBody_AreClearedBeforeTheyGoBackToThePool()
    {
        // Items longer than the first buffer (it grows) and a body in uneven reads (the unread rest moves to the front).
        const string Marker = "POOLMARK7Q";
        var items = string.Join(",", Enumerable.Range(0, 40).Select(i => $$"""{ "id": "c{{i}}", "name": "{{Marker}} {{new string('m', i % 3 == 0 ? 20_000 : 3_000)}}" }"""));
        using var handler = new ChunkedBodyHandler(Encoding.UTF8.GetBytes($$"""{ "data": [{{items}}], "total": 40 }"""), chunkSize: 5_000);

        PooledBytes.Prime();

        var listed = await InProcess(handler, OAuthDialect.Cerberus).ListAsync().ToListAsync();

        Assert.Equal(40, listed.Count);
        Assert.False(PooledBytes.Contain(Marker), "a list buffer went back to the pool holding the body");
    }

    [Fact]
    public async Task ListAsync_BuffersAnItemGrewThrough_GoBackToThePool()
    {
        // An item of 40 KB grows the 16 KiB buffer to 32 KiB, then 64 KiB. An array of each size waits in this thread's
        // slot of the pool (a call through an in-process handler runs on this thread): both must come back.
        var body = $$"""[{ "id": "a", "name": "{{new string('x', 40_000)}}" }]""";
        using var handler = new ChunkedBodyHandler(Encoding.UTF8.GetBytes(body), chunkSize: 4_096);
        int[] sizes = [32 * 1024, 64 * 1024];
        var waiting = sizes.Select(size => System.Buffers.ArrayPool<byte>.Shared.Rent(size)).ToArray();
        foreach (var array in waiting)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(array);
        }

        var listed = await InProcess(handler, OAuthDialect.LumoAuth).ListAsync().ToListAsync();

        var back = sizes.Select(size => System.Buffers.ArrayPool<byte>.Shared.Rent(size)).ToArray();
        Assert.Equal("a", Assert.Single(listed).Id);
        Assert.True(ReferenceEquals(waiting[0], back[0]), "the 32 KiB buffer did not come back when the buffer grew again");
        Assert.True(ReferenceEquals(waiting[1], back[1]), "the 64 KiB buffer did not come back when the list was done");
        foreach (var array in back)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(array);
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

    private static OAuthClientsClient InProcess(ChunkedBodyHandler handler, OAuthDialect dialect, Action<OAuthClientsOptions>? configure = null)
    {
        var options = new OAuthClientsOptions { Dialect = dialect, BaseAddress = new Uri("http://127.0.0.1:1/"), Tenant = "acme", ApiKey = "sk_test_list", MaxRetries = 0 };
        configure?.Invoke(options);
        return new OAuthClientsClient(new HttpClient(handler), options);
    }

    private static OAuthClientsClient Client(Uri baseAddress, OAuthDialect dialect, Action<OAuthClientsOptions>? configure = null)
    {
        var options = new OAuthClientsOptions { Dialect = dialect, BaseAddress = baseAddress, Tenant = "acme", ApiKey = "sk_test_list", MaxRetries = 0 };
        configure?.Invoke(options);
        return new OAuthClientsClient(new HttpClient(), options);
    }
}
