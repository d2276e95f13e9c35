using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace OAuthClients.Sdk.Tests.LumoAuthClients;

/// <summary>
/// LumoAuth's current admin API (<see cref="LumoAuthApi.Clients"/>) on the wire: every operation's method, path, headers
/// and body, and what the SDK makes of the answers (the fixtures of <c>Fixtures/lumoauth-clients</c>, which the contract
/// test checks against LumoAuth's OpenAPI spec).
/// </summary>
public sealed class LumoAuthClientsWireTests : IClassFixture<LoopbackServer>
{
    private const string ApiKey = "lmk_test_0123456789abcdef";
    private const string Collection = "/t/acme-corp/api/v1/admin/clients";

    private readonly LoopbackServer _server;
    private readonly OAuthClientsClient _sut;

    public LumoAuthClientsWireTests(LoopbackServer server)
    {
        _server = server;
        server.Server.Reset();
        _sut = new OAuthClientsClient(Options());
    }

    [Fact]
    public async Task GetAsync_ApiKey_SendsXApiKeyAndNoAuthorization()
    {
        _server.Server.Json("GET", $"{Collection}/41", 200, Fixture("getClient.json"));

        await _sut.GetAsync("41");

        var request = _server.SingleRequest();
        Assert.Equal(ApiKey, LoopbackServer.Header(request, "X-API-Key"));
        Assert.Null(LoopbackServer.Header(request, "Authorization"));
    }

    [Fact]
    public async Task GetAsync_OrganizationPrefix_UsesOrgsPath()
    {
        var options = Options();
        options.LumoAuthRoutePrefix = LumoAuthRoutePrefix.Organization;
        _server.Server.Json("GET", "/orgs/acme-corp/api/v1/admin/clients/41", 200, Fixture("getClient.json"));

        var client = await new OAuthClientsClient(options).GetAsync("41");

        Assert.Equal("lmc_web_portal", client.ClientId);
        Assert.Equal("/orgs/acme-corp/api/v1/admin/clients/41", _server.SingleRequest().Path);
    }

    [Fact]
    public async Task GetAsync_ClientCredentials_SendsBearerTokenAndNoXApiKey()
    {
        var options = Options();
        options.ApiKey = null;
        options.ClientCredentials = new ClientCredentialsOptions { ClientId = "admin-app", ClientSecret = "admin-secret-1" };
        _server.Server.Json("POST", "/t/acme-corp/api/v1/oauth/token", 200, """{ "access_token": "at_123", "token_type": "Bearer", "expires_in": 3600 }""");
        _server.Server.Json("GET", $"{Collection}/41", 200, Fixture("getClient.json"));

        await new OAuthClientsClient(options).GetAsync("41");

        var request = _server.Requests.Single(r => r.Path == $"{Collection}/41");
        Assert.Equal("Bearer at_123", LoopbackServer.Header(request, "Authorization"));
        Assert.Null(LoopbackServer.Header(request, "X-API-Key"));
    }

    [Fact]
    public async Task GetAsync_DetailedClient_ReadsIdentityAndLists()
    {
        _server.Server.Json("GET", $"{Collection}/lmc_web_portal", 200, Fixture("getClient.json"));

        var client = await _sut.GetAsync("lmc_web_portal");

        Assert.Equal("41", client.Id);
        Assert.Equal("lmc_web_portal", client.ClientId);
        Assert.False(client.IsSummary);
        Assert.True(client.IsConfidential);
        Assert.Equal(["https://portal.example.com/callback"], client.RedirectUris);
        Assert.Equal(["openid", "email"], client.AllowedScopes);
        Assert.Equal(["authorization_code"], client.GrantTypes);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero), client.CreatedAt);
    }

    [Fact]
    public async Task ListAsync_Pages_AsksForLargestPageFollowsPaginationAndMarksSummaries()
    {
        _server.Server.Given(Request.Create().WithPath(Collection).WithParam("page", "1").UsingGet()).RespondWith(Json(Fixture("listClients.page1.json")));
        _server.Server.Given(Request.Create().WithPath(Collection).WithParam("page", "2").UsingGet()).RespondWith(Json(Fixture("listClients.page2.json")));

        var clients = await _sut.ListAsync().ToListAsync();

        Assert.Equal(["41", "42", "43"], clients.Select(c => c.Id));
        Assert.Equal(["lmc_web_portal", "lmc_mobile", "lmc_batch"], clients.Select(c => c.ClientId));
        Assert.All(clients, c => Assert.True(c.IsSummary));
        Assert.False(clients[1].IsConfidential);
        Assert.False(clients[1].IsActive);
        Assert.True(clients[1].RequirePkce);
        Assert.Equal(["page=1&limit=100", "page=2&limit=2"], _server.Requests.Select(r => r.RawQuery!.TrimStart('?')));
    }

    [Fact]
    public async Task ListAsync_PageSizeAndSearch_SendsLimitAndEscapedSearchOnEveryPage()
    {
        _server.Server.Given(Request.Create().WithPath(Collection).WithParam("page", "1").UsingGet()).RespondWith(Json(Fixture("listClients.page1.json")));
        _server.Server.Given(Request.Create().WithPath(Collection).WithParam("page", "2").UsingGet()).RespondWith(Json(Fixture("listClients.page2.json")));

        await _sut.ListAsync(new OAuthClientListOptions { PageSize = 2, Search = "web & co" }).ToListAsync();

        Assert.Equal(["page=1&limit=2&search=web%20%26%20co", "page=2&limit=2&search=web%20%26%20co"], _server.Requests.Select(r => r.RawQuery!.TrimStart('?')));
    }

    [Fact]
    public async Task ListAsync_FullClients_FetchesEachSummaryAndSkipsOneDeletedMeanwhile()
    {
        _server.Server.Given(Request.Create().WithPath(Collection).WithParam("page", "1").UsingGet()).RespondWith(Json(Fixture("listClients.page1.json")));
        _server.Server.Given(Request.Create().WithPath(Collection).WithParam("page", "2").UsingGet()).RespondWith(Json(Fixture("listClients.page2.json")));
        _server.Server.Json("GET", $"{Collection}/41", 200, Fixture("getClient.json"));
        _server.Server.Json("GET", $"{Collection}/42", 404, """{ "error": true, "message": "OAuth client not found", "code": "resource_not_found" }""");
        _server.Server.Json("GET", $"{Collection}/43", 200, Fixture("getClient.json").Replace("\"id\": 41", "\"id\": 43", StringComparison.Ordinal));

        var clients = await _sut.ListAsync(new OAuthClientListOptions { FullClients = true, MaxConcurrency = 2 }).ToListAsync();

        Assert.Equal(["41", "43"], clients.Select(c => c.Id));
        Assert.All(clients, c => Assert.False(c.IsSummary));
        Assert.All(clients, c => Assert.Equal(["https://portal.example.com/callback"], c.RedirectUris));
    }

    [Fact]
    public async Task ListAsync_FullClientsAndOneFetchFails_ThrowsThatFailure()
    {
        _server.Server.Json("GET", Collection, 200, Fixture("listClients.page2.json").Replace("\"page\": 2", "\"page\": 1", StringComparison.Ordinal));
        _server.Server.Json("GET", $"{Collection}/43", 403, """{ "error": true, "message": "Missing permission", "code": "permission_denied" }""");

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(async () => await _sut.ListAsync(new OAuthClientListOptions { FullClients = true }).ToListAsync());

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task ListAsync_CollectionAnswers404_NamesTheOtherApiSetting()
    {
        _server.Server.Json("GET", Collection, 404, """{ "error": true, "message": "Not found", "code": "resource_not_found" }""");

        var error = await Assert.ThrowsAsync<OAuthClientNotFoundException>(async () => await _sut.ListAsync().ToListAsync());

        Assert.Contains("set LumoAuthApi to OAuthClients", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_Confidential_PostsDocumentedBodyAndReturnsSecretOnce()
    {
        _server.Server.Json("POST", Collection, 201, Fixture("createClient.json"));

        var created = await _sut.CreateAsync(new CreateOAuthClientRequest
        {
            Name = "New app",
            RedirectUris = ["https://app.example.com/callback"],
            ApplicationType = "web",
            AllowedScopes = ["openid", "profile"],
            GrantTypes = ["authorization_code", "refresh_token"],
            RequirePkce = false,
        });

        Assert.Equal("44", created.Client.Id);
        Assert.Equal("lmc_new_app", created.Client.ClientId);
        Assert.Equal(["openid", "profile"], created.Client.AllowedScopes);
        Assert.Equal("cs_live_created_6b2f0c", created.Secret!.Reveal());
        JsonAssert.Equal(
            """{ "name": "New app", "applicationType": "web", "redirectUris": ["https://app.example.com/callback"], "isConfidential": true, "grantTypes": ["authorization_code", "refresh_token"], "allowedScopes": ["openid", "profile"], "requiresPkce": false }""",
            _server.SingleRequest().Body!);
    }

    [Theory]
    [InlineData("Description")]
    [InlineData("AccessTokenLifetime")]
    [InlineData("RefreshTokenLifetime")]
    [InlineData("AllowedOrigins")]
    public async Task CreateAsync_MemberTheApiCannotCarry_ThrowsBeforeSending(string member)
    {
        var request = new CreateOAuthClientRequest { Name = "App", RedirectUris = ["https://app.example.com/cb"] };
        request = member switch
        {
            "Description" => request with { Description = "d" },
            "AccessTokenLifetime" => request with { AccessTokenLifetime = TimeSpan.FromHours(1) },
            "RefreshTokenLifetime" => request with { RefreshTokenLifetime = TimeSpan.FromDays(1) },
            _ => request with { AllowedOrigins = ["https://app.example.com"] },
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _sut.CreateAsync(request));

        Assert.Contains(member, error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task CreateAsync_PublicApplicationTypeButConfidential_ThrowsBeforeSending()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _sut.CreateAsync(new CreateOAuthClientRequest { Name = "SPA", RedirectUris = ["https://app.example.com/cb"], ApplicationType = "spa" }));

        Assert.Contains("IsConfidential", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task UpdateAsync_SomeMembers_PatchesOnlyThose()
    {
        _server.Server.Json("PATCH", $"{Collection}/41", 200, Fixture("patchClient.json"));

        var updated = await _sut.UpdateAsync("41", new UpdateOAuthClientRequest { Name = "Portal", IsActive = true });

        Assert.Equal("Portal", updated.Name);
        JsonAssert.Equal("""{ "name": "Portal", "isActive": true }""", _server.SingleRequest().Body!);
    }

    [Fact]
    public async Task DeleteAsync_200WithMessage_Completes()
    {
        _server.Server.Json("DELETE", $"{Collection}/41", 200, Fixture("deleteClient.json"));

        await _sut.DeleteAsync("41");

        Assert.Equal("DELETE", _server.SingleRequest().Method);
    }

    [Fact]
    public async Task RotateSecretAsync_ClientsApi_PostsRotateSecretAndReadsWrappedSecret()
    {
        _server.Server.Json("POST", $"{Collection}/41/rotate-secret", 200, Fixture("rotateClientSecret.json"));

        var secret = await _sut.RotateSecretAsync("41");

        Assert.Equal("cs_live_rotated_9d1e4a", secret.Reveal());
    }

    [Fact]
    public async Task RotateSecretAsync_503_IsNotRepeated()
    {
        var options = Options();
        options.MaxRetries = 3;
        _server.Server.Json("POST", $"{Collection}/41/rotate-secret", 503, """{ "error": true, "message": "Unavailable" }""");

        await Assert.ThrowsAsync<OAuthClientsApiException>(() => new OAuthClientsClient(options).RotateSecretAsync("41"));

        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("enable", "enableClient.json")]
    [InlineData("disable", "disableClient.json")]
    public async Task EnableDisableAsync_ClientsApi_PostNativeEndpointWithoutBody(string action, string fixture)
    {
        _server.Server.Json("POST", $"{Collection}/41/{action}", 200, Fixture(fixture));

        await (action == "enable" ? _sut.EnableAsync("41") : _sut.DisableAsync("41"));

        var request = _server.SingleRequest();
        Assert.Equal($"{Collection}/41/{action}", request.Path);
        Assert.True(string.IsNullOrEmpty(request.Body));
    }

    [Fact]
    public async Task RevokeTokensAsync_ClientsApi_DeletesTokens()
    {
        _server.Server.Json("DELETE", $"{Collection}/41/tokens", 200, Fixture("adminClientTokensRevokeAll.json"));

        await _sut.RevokeTokensAsync("41");

        Assert.Equal("DELETE", _server.SingleRequest().Method);
    }

    [Fact]
    public async Task EnableAsync_503ThenSuccess_IsRetriedBecauseItIsIdempotent()
    {
        _server.Server.OnceThen(
            "POST",
            $"{Collection}/41/enable",
            Response.Create().WithStatusCode(503).WithBody("{}"),
            Json(Fixture("enableClient.json")));
        using var host = new TestHost(o =>
        {
            o.LumoAuthApi = LumoAuthApi.Clients;
            o.BaseAddress = _server.BaseAddress;
            o.Tenant = "acme-corp";
            o.ApiKey = ApiKey;
            o.MaxRetries = 1;
        });

        await host.Time.Drive(host.Client.EnableAsync("41"));

        Assert.Equal(2, _server.Requests.Length);
    }

    [Fact]
    public async Task GetScopesAsync_ClientsApi_ReadsDataArray()
    {
        _server.Server.Json("GET", $"{Collection}/41/scopes", 200, Fixture("listClientScopes.json"));

        var scopes = await _sut.GetScopesAsync("41");

        Assert.Equal(["openid", "profile", "email"], scopes);
    }

    [Fact]
    public async Task ReplaceScopesAsync_ClientsApi_PutsScopesAndReturnsStoredOnes()
    {
        _server.Server.Json("PUT", $"{Collection}/41/scopes", 200, Fixture("setClientScopes.json"));

        var scopes = await _sut.ReplaceScopesAsync("41", ["openid", "orders:read"]);

        Assert.Equal(["openid", "orders:read"], scopes);
        JsonAssert.Equal("""{ "scopes": ["openid", "orders:read"] }""", _server.SingleRequest().Body!);
    }

    [Fact]
    public async Task ReplaceScopesAsync_BlankScope_ThrowsBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _sut.ReplaceScopesAsync("41", ["openid", " "]));

        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void ListAsync_PageSizeOutOfRange_ThrowsBeforeSending(int pageSize)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _sut.ListAsync(new OAuthClientListOptions { PageSize = pageSize }));

        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void ListAsync_MaxConcurrencyOutOfRange_ThrowsBeforeSending(int maxConcurrency)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _sut.ListAsync(new OAuthClientListOptions { MaxConcurrency = maxConcurrency }));
    }

    [Fact]
    public async Task GetAsync_401QuotingTheKey_NeverShowsIt()
    {
        _server.Server.Json("GET", $"{Collection}/41", 401, $$"""{ "error": true, "message": "Invalid API key {{ApiKey}}", "code": "invalid_token", "details": { "x-api-key": "{{ApiKey}}" } }""");

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => _sut.GetAsync("41"));

        Assert.DoesNotContain(ApiKey, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, string.Join(" ", error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_UnreadableErrorQuotesAnotherApiKeyMember_MasksItsValueInTheExcerpt()
    {
        _server.Server.Json("GET", $"{Collection}/41", 502, """{ "upstream": { "headers": { "X-API-Key": "lmk_someone_elses_key", "x_api_key": "lmk_another_key" } } }""");

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => _sut.GetAsync("41"));

        Assert.Contains("starts with", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("lmk_someone_elses_key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("lmk_another_key", error.Message, StringComparison.Ordinal);
    }

    internal static string Fixture(string name) => Fixtures.Read("lumoauth-clients", name);

    private static IResponseBuilder Json(string body) => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);

    private OAuthClientsOptions Options() => new()
    {
        Dialect = OAuthDialect.LumoAuth,
        LumoAuthApi = LumoAuthApi.Clients,
        BaseAddress = _server.BaseAddress,
        Tenant = "acme-corp",
        ApiKey = ApiKey,
        Timeout = TimeSpan.FromSeconds(10),
        MaxRetries = 0,
    };
}
