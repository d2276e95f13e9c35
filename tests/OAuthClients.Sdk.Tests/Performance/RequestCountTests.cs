using System;
using System.Linq;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Testing;
using OAuthClients.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace OAuthClients.Sdk.Tests.Performance;

/// <summary>
/// No wasted requests: every list asks for the largest page its provider documents from the first request on, a
/// listing of full clients over summaries fetches each summary's details exactly once, and nothing is fetched twice.
/// The requests a listing makes are counted on the server, per dialect and API.
/// </summary>
public sealed class RequestCountTests
{
    private const int Clients = 250;

    [Fact]
    public async Task ListAsync_LumoAuthClientsApi_AsksForPagesOf100FromTheFirstRequest()
    {
        using var server = FakeOAuthClientsServer.Start(LumoAuthApi.Clients);
        var sut = new OAuthClientsClient(server.CreateOptions());
        await CreateAsync(sut, Clients);

        var requests = await CountListRequestsAsync(server, sut, new OAuthClientListOptions());

        // 250 clients in pages of 100 (the fake's default is 25, as the server's: 10 requests without a limit).
        Assert.Equal(["GET page=1&limit=100", "GET page=2&limit=100", "GET page=3&limit=100"], requests);
    }

    [Fact]
    public async Task ListAsync_LumoAuthClientsApiFullClients_FetchesEachSummaryOnce()
    {
        using var server = FakeOAuthClientsServer.Start(LumoAuthApi.Clients);
        var sut = new OAuthClientsClient(server.CreateOptions());
        var created = await CreateAsync(sut, Clients);
        var before = server.Requests.Count;

        var listed = await sut.ListAsync(new OAuthClientListOptions { FullClients = true, MaxConcurrency = 8 }).ToListAsync();

        var requests = server.Requests.Skip(before).ToList();
        var lists = requests.Where(r => r.Path.Contains('?', StringComparison.Ordinal)).ToList();
        var details = requests.Except(lists).Select(r => r.Path[(r.Path.LastIndexOf('/') + 1)..]).ToList();
        Assert.Equal(created.OrderBy(id => id, StringComparer.Ordinal), listed.Select(c => c.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(listed, c => Assert.False(c.IsSummary));
        Assert.Equal(3, lists.Count);
        Assert.All(lists, r => Assert.Contains("limit=100", r.Path, StringComparison.Ordinal));
        Assert.Equal(Clients, details.Count);
        Assert.Equal(Clients, details.Distinct(StringComparer.Ordinal).Count());
        Assert.All(requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task ListAsync_LumoAuthSeedApiFullClients_FetchesNothingMore()
    {
        using var server = FakeOAuthClientsServer.Start(LumoAuthApi.OAuthClients);
        var sut = new OAuthClientsClient(server.CreateOptions());
        await CreateAsync(sut, Clients);

        var requests = await CountListRequestsAsync(server, sut, new OAuthClientListOptions { FullClients = true });

        // The seed API's list returns complete clients: nothing to fetch, one request for the bare array.
        Assert.Equal(["GET page=1&limit=100"], requests);
    }

    [Fact]
    public async Task ListAsync_Cerberus_OneRequestForTheUnpagedList()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var sut = new OAuthClientsClient(server.CreateOptions());
        await CreateAsync(sut, Clients);

        var requests = await CountListRequestsAsync(server, sut, new OAuthClientListOptions { FullClients = true });

        Assert.Equal(["GET "], requests);
    }

    [Fact]
    public async Task ListAsync_LumoAuthSeedApiPaged_AsksForPagesOf100FromTheFirstRequest()
    {
        using var server = new LoopbackServer();
        for (var page = 1; page <= 3; page++)
        {
            var items = string.Join(",", Enumerable.Range(((page - 1) * 100) + 1, page < 3 ? 100 : 50).Select(i => $$"""{ "id": "c{{i}}", "name": "n{{i}}", "redirectUris": [], "allowedScopes": [], "grantTypes": [] }"""));
            server.Server
                .Given(Request.Create().WithPath("/t/acme/api/v1/admin/oauth-clients").WithParam("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)).UsingGet())
                .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(
                    $$"""{ "data": [{{items}}], "meta": { "page": {{page}}, "limit": 100, "totalPages": 3, "hasNextPage": {{(page < 3 ? "true" : "false")}} } }"""));
        }

        var sut = new OAuthClientsClient(new OAuthClientsOptions { BaseAddress = server.BaseAddress, Tenant = "acme", ApiKey = "lmk_test_key", MaxRetries = 0 });

        var listed = await sut.ListAsync().ToListAsync();

        Assert.Equal(250, listed.Count);
        Assert.Equal(250, listed.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(["page=1&limit=100", "page=2&limit=100", "page=3&limit=100"], server.Requests.Select(r => r.RawQuery?.TrimStart('?')));
    }

    private static async Task<string[]> CreateAsync(OAuthClientsClient sut, int count)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = (await sut.CreateAsync(new CreateOAuthClientRequest
            {
                Name = $"Client {i}",
                RedirectUris = [$"https://app{i}.example.com/cb"],
                AllowedScopes = ["openid"],
            })).Client.Id;
        }

        return ids;
    }

    /// <summary>The list's requests as "METHOD query" (the server's requests made during the listing).</summary>
    private static async Task<string[]> CountListRequestsAsync(FakeOAuthClientsServer server, OAuthClientsClient sut, OAuthClientListOptions options)
    {
        var before = server.Requests.Count;
        var listed = await sut.ListAsync(options).ToListAsync();
        Assert.Equal(Clients, listed.Count);
        Assert.Equal(Clients, listed.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        return server.Requests.Skip(before).Select(r => $"{r.Method} {(r.Path.Contains('?', StringComparison.Ordinal) ? r.Path[(r.Path.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty)}").ToArray();
    }
}
