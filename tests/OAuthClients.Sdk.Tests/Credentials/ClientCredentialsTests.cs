using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Tests.Infrastructure;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace OAuthClients.Sdk.Tests.Credentials;

/// <summary>LumoAuth with <see cref="OAuthClientsOptions.ClientCredentials"/>: an admin token from the token endpoint, cached, renewed, never shown.</summary>
public sealed class ClientCredentialsTests : IClassFixture<LoopbackServer>, IDisposable
{
    private const string TokenPath = "/t/acme/api/v1/oauth/token";
    private const string ClientPath = "/t/acme/api/v1/admin/oauth-clients/c1";
    private const string ClientId = "admin-bot";
    private const string ClientSecret = "cs_admin_s3cret+/=";
    private const string Client = """{ "id": "c1", "name": "App" }""";

    private readonly LoopbackServer _server;
    private readonly TestHost _host;

    public ClientCredentialsTests(LoopbackServer server)
    {
        _server = server;
        server.Server.Reset();
        _host = new TestHost(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Tenant = "acme";
            o.ClientCredentials = new ClientCredentialsOptions { ClientId = ClientId, ClientSecret = ClientSecret };
        });
    }

    private IRequestMessage[] TokenRequests => _server.Requests.Where(r => r.Path == TokenPath).ToArray();

    private IRequestMessage[] ClientRequests => _server.Requests.Where(r => r.Path == ClientPath).ToArray();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task GetAsync_ClientCredentials_ExchangesThemForAnAdminTokenAndSendsIt()
    {
        StubToken(Token("at-1", 3600));
        _server.Server.Json("GET", ClientPath, 200, Client);

        var client = await _host.Client.GetAsync("c1");

        Assert.Equal("App", client.Name);
        var token = Assert.Single(TokenRequests);
        Assert.Equal("POST", token.Method);
        Assert.Equal("grant_type=client_credentials&scope=admin", token.Body);
        Assert.StartsWith("application/x-www-form-urlencoded", LoopbackServer.Header(token, "Content-Type"), StringComparison.Ordinal);

        // RFC 6749, section 2.3.1: each part form-encoded, then base64 of "id:secret".
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{WebUtility.UrlEncode(ClientSecret)}"));
        Assert.Equal($"Basic {basic}", LoopbackServer.Header(token, "Authorization"));
        Assert.Equal("Bearer at-1", LoopbackServer.Header(Assert.Single(ClientRequests), "Authorization"));
    }

    [Fact]
    public async Task GetAsync_TokenStillValid_IsReusedUntilShortlyBeforeExpiry()
    {
        _server.Server.OnceThen("POST", TokenPath, Token("at-1", 3600), Token("at-2", 3600));
        _server.Server.Json("GET", ClientPath, 200, Client);

        await _host.Client.GetAsync("c1");
        _host.Time.Advance(TimeSpan.FromSeconds(3539));
        await _host.Client.GetAsync("c1");
        var beforeRenewal = TokenRequests.Length;
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        await _host.Client.GetAsync("c1");

        Assert.Equal(1, beforeRenewal);
        Assert.Equal(2, TokenRequests.Length);
        Assert.Equal(["Bearer at-1", "Bearer at-1", "Bearer at-2"], ClientRequests.Select(r => LoopbackServer.Header(r, "Authorization")));
    }

    [Fact]
    public async Task GetAsync_ShortLivedToken_IsRenewedAtHalfItsLife()
    {
        _server.Server.OnceThen("POST", TokenPath, Token("at-1", 60), Token("at-2", 60));
        _server.Server.Json("GET", ClientPath, 200, Client);

        await _host.Client.GetAsync("c1");
        _host.Time.Advance(TimeSpan.FromSeconds(29));
        await _host.Client.GetAsync("c1");
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        await _host.Client.GetAsync("c1");

        Assert.Equal(["Bearer at-1", "Bearer at-1", "Bearer at-2"], ClientRequests.Select(r => LoopbackServer.Header(r, "Authorization")));
    }

    [Fact]
    public async Task GetAsync_TokenWithoutExpiry_IsKeptUntilRefused()
    {
        StubToken(Response.Create().WithStatusCode(200).WithBody("""{ "access_token": "at-1", "token_type": "bearer" }"""));
        _server.Server.Json("GET", ClientPath, 200, Client);

        await _host.Client.GetAsync("c1");
        _host.Time.Advance(TimeSpan.FromDays(30));
        await _host.Client.GetAsync("c1");

        Assert.Single(TokenRequests);
    }

    [Fact]
    public async Task CreateAsync_TokenRefusedWith401_FetchesANewTokenAndSendsTheCreateOnceMore()
    {
        _server.Server.OnceThen("POST", TokenPath, Token("at-1", 3600), Token("at-2", 3600));
        const string Collection = "/t/acme/api/v1/admin/oauth-clients";
        _server.Server.Given(Request.Create().WithPath(Collection).UsingPost().WithHeader("Authorization", "Bearer at-1")).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{ "error": true, "code": "invalid_token", "message": "Token expired" }"""));
        _server.Server.Json("POST", Collection, 201, """{ "id": "c9", "name": "App", "secret": "cs_new" }""");

        var created = await _host.Client.CreateAsync(new() { Name = "App", RedirectUris = ["https://app.example.com/cb"] });

        Assert.Equal("c9", created.Client.Id);
        Assert.Equal(2, TokenRequests.Length);
        Assert.Equal(["Bearer at-1", "Bearer at-2"], _server.Requests.Where(r => r.Path == Collection).Select(r => LoopbackServer.Header(r, "Authorization")));
    }

    [Fact]
    public async Task GetAsync_NewTokenRefusedToo_ThrowsTheUnauthorizedErrorAfterOneReplay()
    {
        _server.Server.OnceThen("POST", TokenPath, Token("at-1", 3600), Token("at-2", 3600));
        _server.Server.Json("GET", ClientPath, 401, """{ "error": true, "code": "insufficient_scope", "message": "Not an admin token" }""");

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => _host.Client.GetAsync("c1"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("insufficient_scope", error.ErrorCode);
        Assert.Equal(2, ClientRequests.Length);
        Assert.Equal(2, TokenRequests.Length);
    }

    [Fact]
    public async Task GetAsync_TokenEndpointRefusesTheClient_ThrowsItsErrorWithoutQuotingTheSecretAndSendsNothingElse()
    {
        StubToken(Response.Create().WithStatusCode(401).WithBody($$"""{ "error": "invalid_client", "error_description": "Unknown secret {{ClientSecret}}" }"""));

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => _host.Client.GetAsync("c1"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("invalid_client", error.ErrorCode);
        Assert.Contains("oauth/token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientSecret, error.ToString(), StringComparison.Ordinal);
        Assert.Single(TokenRequests);
        Assert.Empty(ClientRequests);
    }

    [Theory]
    [InlineData("""{ "token_type": "Bearer", "expires_in": 3600 }""", "access_token")]
    [InlineData("""{ "access_token": "at-mac-1", "token_type": "mac" }""", "token_type")]
    [InlineData("""{ "access_token": "at-cut-1", "expires_in": """, "not the expected JSON")]
    public async Task GetAsync_UnusableTokenResponse_ThrowsWithoutQuotingTheToken(string body, string messagePart)
    {
        StubToken(Response.Create().WithStatusCode(200).WithBody(body));

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => _host.Client.GetAsync("c1"));

        Assert.Contains(messagePart, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("at-mac-1", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("at-cut-1", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(ClientRequests);
    }

    [Fact]
    public async Task GetAsync_TokenEndpointUnavailableOnce_RetriesTheTokenRequest()
    {
        _server.Server.OnceThen("POST", TokenPath, Response.Create().WithStatusCode(503), Token("at-1", 3600));
        _server.Server.Json("GET", ClientPath, 200, Client);

        await _host.Time.Drive(_host.Client.GetAsync("c1"));

        Assert.Equal(2, TokenRequests.Length);
        Assert.Equal("Bearer at-1", LoopbackServer.Header(Assert.Single(ClientRequests), "Authorization"));
    }

    [Fact]
    public async Task GetAsync_ManyConcurrentCallsWithoutAToken_FetchOneToken()
    {
        StubToken(Token("at-1", 3600));
        _server.Server.Json("GET", ClientPath, 200, Client);

        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => _host.Client.GetAsync("c1")));

        Assert.Single(TokenRequests);
        Assert.Equal(32, ClientRequests.Length);
    }

    private static IResponseBuilder Token(string accessToken, int expiresIn) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
            .WithBody($$"""{ "access_token": "{{accessToken}}", "token_type": "Bearer", "expires_in": {{expiresIn}}, "scope": "admin" }""");

    private void StubToken(IResponseBuilder response) =>
        _server.Server.Given(Request.Create().WithPath(TokenPath).UsingPost()).RespondWith(response);
}
