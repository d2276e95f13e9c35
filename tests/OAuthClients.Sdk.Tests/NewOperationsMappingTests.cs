using System;
using System.Linq;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests;

/// <summary>
/// Enable, disable, token revocation, scopes and list search where a dialect has no native endpoint: LumoAuth's seed
/// API (<c>/admin/oauth-clients</c>) and Cerberus map them to their equivalents, or refuse them before sending.
/// (LumoAuth's <c>/admin/clients</c> native endpoints: <c>LumoAuthClientsWireTests</c>.)
/// </summary>
public sealed class NewOperationsMappingTests : IClassFixture<LoopbackServer>
{
    private const string SeedCollection = "/t/acme/api/v1/admin/oauth-clients";
    private const string CerberusCollection = "/v1/admin/clients";
    private const string SeedClient = """{ "id": "c1", "name": "App", "allowedScopes": ["openid", "orders:read"], "isActive": true }""";
    private const string CerberusClient = """{ "id": "c1", "clientId": "app", "name": "App", "clientType": "confidential", "scopes": ["openid", "orders:read"], "isActive": true }""";

    private readonly LoopbackServer _server;

    public NewOperationsMappingTests(LoopbackServer server)
    {
        _server = server;
        server.Server.Reset();
    }

    [Theory]
    [InlineData(OAuthDialect.LumoAuth, true, "PUT", SeedCollection)]
    [InlineData(OAuthDialect.LumoAuth, false, "PUT", SeedCollection)]
    [InlineData(OAuthDialect.Cerberus, true, "PATCH", CerberusCollection)]
    [InlineData(OAuthDialect.Cerberus, false, "PATCH", CerberusCollection)]
    public async Task EnableDisableAsync_WithoutNativeEndpoint_UpdatesIsActiveOnly(OAuthDialect dialect, bool enable, string method, string collection)
    {
        _server.Server.Json(method, $"{collection}/c1", 200, dialect == OAuthDialect.LumoAuth ? SeedClient : CerberusClient);
        var sut = Client(dialect);

        await (enable ? sut.EnableAsync("c1") : sut.DisableAsync("c1"));

        JsonAssert.Equal($$"""{ "isActive": {{(enable ? "true" : "false")}} }""", _server.SingleRequest().Body!);
    }

    [Fact]
    public async Task RevokeTokensAsync_Cerberus_PostsRevoke()
    {
        _server.Server.Json("POST", $"{CerberusCollection}/c1/revoke", 200, Fixtures.Read("cerberus", "revoke-client.response.200.json"));

        await Client(OAuthDialect.Cerberus).RevokeTokensAsync("c1");

        var request = _server.SingleRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal($"{CerberusCollection}/c1/revoke", request.Path);
    }

    [Fact]
    public async Task RevokeTokensAsync_SeedApi_ThrowsNotSupportedBeforeSending()
    {
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => Client(OAuthDialect.LumoAuth).RevokeTokensAsync("c1"));

        Assert.Contains("RevokeTokensAsync", error.Message, StringComparison.Ordinal);
        Assert.Contains("LumoAuth", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData(OAuthDialect.LumoAuth)]
    [InlineData(OAuthDialect.Cerberus)]
    public void ListAsync_SearchWithoutServerSearch_ThrowsNotSupportedBeforeSending(OAuthDialect dialect)
    {
        var error = Assert.Throws<NotSupportedException>(() => Client(dialect).ListAsync(new OAuthClientListOptions { Search = "app" }));

        Assert.Contains("Search", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task ListAsync_CerberusWithPageSize_SendsThePlainCollection()
    {
        _server.Server.Json("GET", CerberusCollection, 200, $$"""{ "data": [{{CerberusClient}}], "total": 1 }""");

        var clients = await Client(OAuthDialect.Cerberus).ListAsync(new OAuthClientListOptions { PageSize = 10, FullClients = true }).ToListAsync();

        Assert.Single(clients);
        Assert.True(string.IsNullOrEmpty(_server.SingleRequest().RawQuery));
    }

    [Theory]
    [InlineData(OAuthDialect.LumoAuth, "GET", SeedCollection + "/c1", SeedClient)]
    [InlineData(OAuthDialect.Cerberus, "GET", CerberusCollection + "/c1", CerberusClient)]
    public async Task GetScopesAsync_WithoutScopesEndpoint_ReadsTheClientsScopes(OAuthDialect dialect, string method, string path, string body)
    {
        _server.Server.Json(method, path, 200, body);

        var scopes = await Client(dialect).GetScopesAsync("c1");

        Assert.Equal(["openid", "orders:read"], scopes);
    }

    [Theory]
    [InlineData(OAuthDialect.LumoAuth, "PUT", SeedCollection + "/c1", SeedClient, """{ "allowedScopes": ["openid", "orders:read"] }""")]
    [InlineData(OAuthDialect.Cerberus, "PATCH", CerberusCollection + "/c1", CerberusClient, """{ "scopes": ["openid", "orders:read"] }""")]
    public async Task ReplaceScopesAsync_WithoutScopesEndpoint_UpdatesTheClientsScopes(OAuthDialect dialect, string method, string path, string body, string expected)
    {
        _server.Server.Json(method, path, 200, body);

        var scopes = await Client(dialect).ReplaceScopesAsync("c1", ["openid", "orders:read"]);

        Assert.Equal(["openid", "orders:read"], scopes);
        JsonAssert.Equal(expected, _server.SingleRequest().Body!);
    }

    [Theory]
    [InlineData(OAuthDialect.LumoAuth)]
    [InlineData(OAuthDialect.Cerberus)]
    public async Task CreateAsync_ApplicationTypeWhereTheApiHasNone_ThrowsBeforeSending(OAuthDialect dialect)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client(dialect).CreateAsync(new CreateOAuthClientRequest
        {
            Name = "App",
            RedirectUris = ["https://app.example.com/cb"],
            AllowedScopes = ["openid"],
            ApplicationType = "web",
        }));

        Assert.Contains("ApplicationType", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task ListAsync_SeedApiItemsWithoutLists_AreSummaries()
    {
        _server.Server.Json("GET", SeedCollection, 200, """[ { "id": "c1", "name": "App" }, { "id": "c2", "name": "Full", "redirectUris": [], "allowedScopes": [], "grantTypes": [] } ]""");

        var clients = await Client(OAuthDialect.LumoAuth).ListAsync().ToListAsync();

        Assert.True(clients[0].IsSummary);
        Assert.False(clients[1].IsSummary);
    }

    [Fact]
    public async Task ListAsync_SeedApiCollectionAnswers404_NamesTheClientsSetting()
    {
        _server.Server.Json("GET", SeedCollection, 404, """{ "error": true, "message": "Not found", "code": "resource_not_found" }""");

        var error = await Assert.ThrowsAsync<Errors.OAuthClientNotFoundException>(async () => await Client(OAuthDialect.LumoAuth).ListAsync().ToListAsync());

        Assert.Contains("set LumoAuthApi to Clients", error.Message, StringComparison.Ordinal);
    }

    private OAuthClientsClient Client(OAuthDialect dialect) => new(new OAuthClientsOptions
    {
        Dialect = dialect,
        BaseAddress = _server.BaseAddress,
        Tenant = "acme",
        ApiKey = "key_0123456789",
        Timeout = TimeSpan.FromSeconds(10),
        MaxRetries = 0,
    });
}
