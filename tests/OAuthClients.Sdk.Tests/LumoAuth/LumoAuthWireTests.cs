using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.LumoAuth;

/// <summary>What each operation sends to LumoAuth, and what it makes of each observed response shape.</summary>
public sealed class LumoAuthWireTests(LoopbackServer server) : LumoAuthTestBase(server)
{
    private const string ClientJson = """
        {
          "id": "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
          "name": "Mobile App",
          "description": "iOS and Android mobile application",
          "isConfidential": false,
          "redirectUris": ["myapp://callback", "https://myapp.com/oauth/callback"],
          "allowedScopes": ["openid", "profile", "email"],
          "grantTypes": ["authorization_code", "refresh_token"],
          "isActive": true,
          "accessTokenLifetime": 1800,
          "refreshTokenLifetime": 86400,
          "createdAt": "2024-01-15T12:00:00Z"
        }
        """;

    [Fact]
    public async Task GetAsync_SeedObject_SendsBearerGetAndMapsEveryMember()
    {
        Server.Server.Json("GET", $"{Collection}/a1b2c3d4-e5f6-7890-abcd-ef1234567890", 200, ClientJson);

        var client = await Sut.GetAsync("a1b2c3d4-e5f6-7890-abcd-ef1234567890");

        var request = Server.SingleRequest();
        Assert.Equal("GET", request.Method);
        Assert.Equal($"Bearer {ApiKey}", LoopbackServer.Header(request, "Authorization"));
        Assert.Equal("application/json", LoopbackServer.Header(request, "Accept"));
        Assert.Null(request.Body);
        Assert.Equal("a1b2c3d4-e5f6-7890-abcd-ef1234567890", client.Id);
        Assert.Equal(client.Id, client.ClientId);
        Assert.Equal("Mobile App", client.Name);
        Assert.Equal("iOS and Android mobile application", client.Description);
        Assert.False(client.IsConfidential);
        Assert.True(client.IsActive);
        Assert.Equal(["myapp://callback", "https://myapp.com/oauth/callback"], client.RedirectUris);
        Assert.Equal(["openid", "profile", "email"], client.AllowedScopes);
        Assert.Equal(["authorization_code", "refresh_token"], client.GrantTypes);
        Assert.Empty(client.AllowedOrigins);
        Assert.Equal(TimeSpan.FromMinutes(30), client.AccessTokenLifetime);
        Assert.Equal(TimeSpan.FromDays(1), client.RefreshTokenLifetime);
        Assert.Null(client.IdTokenLifetime);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 12, 0, 0, TimeSpan.Zero), client.CreatedAt);
        Assert.Null(client.UpdatedAt);
        Assert.False(client.RequireConsent);
        Assert.False(client.IsFirstParty);
    }

    [Fact]
    public async Task GetAsync_WrappedObservedVariant_ReadsIntegerIdClientIdScopesAndIsPublic()
    {
        Server.Server.Json("GET", $"{Collection}/42", 200, """
            { "data": { "id": 42, "clientId": "app_mobile_abc123", "name": "Mobile App", "isPublic": true,
                        "scopes": ["openid"], "requiresPkce": true, "grantTypes": ["urn:ietf:params:oauth:grant-type:device_code"],
                        "applicationType": "native", "redirectUris": null }, "message": "ok" }
            """);

        var client = await Sut.GetAsync("42");

        Assert.Equal("42", client.Id);
        Assert.Equal("app_mobile_abc123", client.ClientId);
        Assert.False(client.IsConfidential);
        Assert.True(client.RequirePkce);
        Assert.Equal(["openid"], client.AllowedScopes);
        Assert.Equal(["urn:ietf:params:oauth:grant-type:device_code"], client.GrantTypes);
        Assert.Empty(client.RedirectUris);
        Assert.Equal(TimeSpan.FromHours(1), client.AccessTokenLifetime);
        Assert.Equal(TimeSpan.FromDays(30), client.RefreshTokenLifetime);
        Assert.Null(client.CreatedAt);
    }

    [Theory]
    [InlineData("a%2Fb", "a%252Fb")]
    [InlineData("..%2Fusers", "..%252Fusers")]
    [InlineData("x=1&y=2", "x%3D1%26y%3D2")]
    [InlineData("cli 1", "cli%201")]
    [InlineData("a..b", "a..b")]
    public async Task GetAsync_IdWithReservedCharacters_IsEscapedIntoOneSegment(string id, string escaped)
    {
        var recorder = new RecordingHandler();
        var sut = new OAuthClientsClient(new HttpClient(recorder), Options());
        Server.Server.Json("GET", "/*", 200, ClientJson);

        await sut.GetAsync(id);

        Assert.Equal($"{Server.BaseAddress.AbsoluteUri.TrimEnd('/')}{Collection}/{escaped}", recorder.Uris.Single());
    }

    [Fact]
    public async Task ListAsync_BareArray_ReturnsAllClientsFromOneRequest()
    {
        Server.Server.Json("GET", Collection, 200, $"[{ClientJson}, {{\"id\": 7, \"name\": \"Second\"}}]");

        var clients = await Sut.ListAsync().ToListAsync();

        Assert.Equal(["a1b2c3d4-e5f6-7890-abcd-ef1234567890", "7"], clients.Select(c => c.Id));
        var request = Server.SingleRequest();
        Assert.Equal(Collection, request.Path);

        // The first request asks for the largest page LumoAuth documents.
        Assert.Equal("page=1&limit=100", request.RawQuery?.TrimStart('?'));
    }

    [Fact]
    public async Task ListAsync_PagedEnvelope_FetchesNextPageOnlyWhenEnumeratedPastTheFirst()
    {
        Server.Server.Json("GET", Collection, 200, """
            { "data": [ { "id": 1, "name": "one" }, { "id": 2, "name": "two" } ],
              "meta": { "total": 3, "page": 1, "limit": 2, "totalPages": 2, "hasNextPage": true, "hasPreviousPage": false } }
            """);
        Server.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(Collection).WithParam("page", "2").WithParam("limit", "2").UsingGet())
            .AtPriority(1)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""
                { "data": [ { "id": 3, "name": "three" } ],
                  "pagination": { "total": 3, "page": 2, "limit": 2, "totalPages": 2, "hasNextPage": false } }
                """));

        await using var enumerator = Sut.ListAsync().GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Single(Server.Requests);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal("3", enumerator.Current.Id);
        Assert.False(await enumerator.MoveNextAsync());

        Assert.Equal(2, Server.Requests.Length);
        Assert.Equal("page=2&limit=2", Server.Requests[1].RawQuery?.TrimStart('?'));
    }

    [Fact]
    public async Task ListAsync_TotalPagesWithoutHasNextPage_FollowsTotalPages()
    {
        Server.Server.Json("GET", Collection, 200, """{ "data": [ { "id": "1", "name": "one" } ], "meta": { "page": 1, "totalPages": 2 } }""");
        Server.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(Collection).WithParam("page", "2").UsingGet())
            .AtPriority(1)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody("""{ "data": [ { "id": "2", "name": "two" } ], "meta": { "page": 2, "totalPages": 2 } }"""));

        var clients = await Sut.ListAsync().ToListAsync();

        Assert.Equal(["1", "2"], clients.Select(c => c.Id));
        Assert.Equal("page=2&limit=100", Server.Requests[1].RawQuery?.TrimStart('?'));
    }

    [Fact]
    public async Task ListAsync_ServerIgnoresPageParameter_ThrowsInsteadOfLoopingOrDroppingClients()
    {
        Server.Server.Json("GET", Collection, 200, """{ "data": [ { "id": "1", "name": "one" } ], "meta": { "page": 1, "hasNextPage": true } }""");

        var error = await Assert.ThrowsAsync<Errors.OAuthClientsApiException>(async () => await Sut.ListAsync().ToListAsync());

        Assert.Contains("page 1 came back", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Server.Requests.Length);
    }

    [Fact]
    public async Task CreateAsync_ConfidentialClient_PostsSeedMembersAndReturnsTheSecretOnce()
    {
        Server.Server.Json("POST", Collection, 201, Fixtures.Read("lumoauth", "create-client.response.201.legacy.json"));

        var created = await Sut.CreateAsync(new CreateOAuthClientRequest
        {
            Name = "Backend Service",
            RedirectUris = ["https://api.example.com/callback"],
            GrantTypes = ["client_credentials"],
            AllowedScopes = ["admin.read", "admin.write"],
        });

        var request = Server.SingleRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal(Collection, request.Path);
        Assert.Equal($"Bearer {ApiKey}", LoopbackServer.Header(request, "Authorization"));
        Assert.StartsWith("application/json", LoopbackServer.Header(request, "Content-Type"), StringComparison.Ordinal);
        JsonAssert.Equal(Fixtures.Read("lumoauth", "create-client.request.legacy.json"), request.Body);
        Assert.Equal("abc123-def456-...", created.Client.Id);
        Assert.True(created.Client.IsConfidential);
        Assert.Equal("cs_live_xxxxxx...", created.Secret!.Reveal());
        Assert.Equal("cs_live_****", created.Secret.ToString());
    }

    [Fact]
    public async Task CreateAsync_EveryLumoAuthMember_IsSentWithLifetimesInSeconds()
    {
        Server.Server.Json("POST", Collection, 201, """{ "id": "n1", "name": "SPA", "isConfidential": false }""");

        var created = await Sut.CreateAsync(new CreateOAuthClientRequest
        {
            Name = "SPA",
            Description = "Single-page app",
            RedirectUris = ["http://localhost:3000/callback", "https://dashboard.example.com/callback"],
            IsConfidential = false,
            GrantTypes = ["authorization_code", "refresh_token"],
            AllowedScopes = ["openid", "profile"],
            RequirePkce = true,
            AccessTokenLifetime = TimeSpan.FromMinutes(15),
            RefreshTokenLifetime = TimeSpan.FromDays(7),
        });

        JsonAssert.Equal("""
            { "name": "SPA", "description": "Single-page app",
              "redirectUris": ["http://localhost:3000/callback", "https://dashboard.example.com/callback"],
              "isConfidential": false, "grantTypes": ["authorization_code", "refresh_token"], "allowedScopes": ["openid", "profile"],
              "requiresPkce": true, "accessTokenLifetime": 900, "refreshTokenLifetime": 604800 }
            """, Server.SingleRequest().Body);
        Assert.Null(created.Secret);
        Assert.False(created.Client.IsConfidential);
    }

    [Fact]
    public async Task CreateAsync_WrappedResponseWithIntegerId_ReadsSecretFromData()
    {
        Server.Server.Json("POST", Collection, 201, Fixtures.Read("lumoauth", "create-client.response.201.json"));

        var created = await Sut.CreateAsync(new CreateOAuthClientRequest { Name = "Mobile App", RedirectUris = ["myapp://callback"] });

        Assert.Equal("42", created.Client.Id);
        Assert.Equal("app_mobile_abc123", created.Client.ClientId);
        Assert.Equal("Mobile App", created.Client.Name);
        Assert.True(created.Client.IsConfidential);
        Assert.Equal("secret_xyz789", created.Secret!.Reveal());
        JsonAssert.Equal("""{ "name": "Mobile App", "redirectUris": ["myapp://callback"], "isConfidential": true }""", Server.SingleRequest().Body);
    }

    [Fact]
    public async Task UpdateAsync_PartialUpdate_PutsOnlyTheMembersThatAreSet()
    {
        Server.Server.Json("PUT", $"{Collection}/42", 200, """{ "data": { "id": 42, "name": "Renamed", "isActive": false } }""");

        var updated = await Sut.UpdateAsync("42", new UpdateOAuthClientRequest
        {
            Name = "Renamed",
            RedirectUris = ["https://app.example.com/cb"],
            IsActive = false,
            AccessTokenLifetime = TimeSpan.FromHours(2),
        });

        var request = Server.SingleRequest();
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"Bearer {ApiKey}", LoopbackServer.Header(request, "Authorization"));
        JsonAssert.Equal("""{ "name": "Renamed", "redirectUris": ["https://app.example.com/cb"], "isActive": false, "accessTokenLifetime": 7200 }""", request.Body);
        Assert.Equal("Renamed", updated.Name);
        Assert.False(updated.IsActive);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    public async Task DeleteAsync_SuccessStatus_SendsDeleteAndCompletes(int status)
    {
        Server.Server.Status("DELETE", $"{Collection}/42", status);

        await Sut.DeleteAsync("42");

        var request = Server.SingleRequest();
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"{Collection}/42", request.Path);
        Assert.Equal($"Bearer {ApiKey}", LoopbackServer.Header(request, "Authorization"));
    }

    [Fact]
    public async Task RotateSecretAsync_WrappedResponse_PostsToSecretAndReadsDataSecret()
    {
        Server.Server.Json("POST", $"{Collection}/42/secret", 200, Fixtures.Read("lumoauth", "rotate-secret.response.200.json"));

        var secret = await Sut.RotateSecretAsync("42");

        var request = Server.SingleRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal($"Bearer {ApiKey}", LoopbackServer.Header(request, "Authorization"));
        Assert.Equal("new_secret_def456", secret.Reveal());
        Assert.Equal("****", secret.ToString());
    }

    [Fact]
    public async Task RotateSecretAsync_TopLevelSecret_IsRead()
    {
        Server.Server.Json("POST", $"{Collection}/42/secret", 200, """{ "secret": "cs_live_0123456789abcdef" }""");

        var secret = await Sut.RotateSecretAsync("42");

        Assert.Equal("cs_live_0123456789abcdef", secret.Reveal());
        Assert.Equal("cs_live_****", secret.ToString());
    }

    [Fact]
    public async Task Client_BaseAddressWithPathPrefix_KeepsThePrefix()
    {
        var options = Options();
        options.BaseAddress = new Uri(Server.BaseAddress, "/lumo");
        Server.Server.Json("GET", $"/lumo{Collection}/1", 200, """{ "id": 1, "name": "x" }""");

        var client = await new OAuthClientsClient(options).GetAsync("1");

        Assert.Equal("1", client.Id);
    }
}
