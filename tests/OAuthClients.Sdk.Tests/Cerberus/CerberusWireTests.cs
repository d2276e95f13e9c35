using System;
using System.Linq;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Cerberus;

/// <summary>What each operation sends to Cerberus (API key mode), and what it makes of each observed response.</summary>
public sealed class CerberusWireTests : CerberusTestBase
{
    public CerberusWireTests(LoopbackServer server)
        : base(server)
    {
        Sut = new OAuthClientsClient(ApiKeyOptions());
    }

    private OAuthClientsClient Sut { get; }

    [Fact]
    public async Task CreateAsync_EveryMember_PostsTheSeedBodyWithApiKeyAndOrganisation()
    {
        Server.Server.Json("POST", Collection, 201, Fixtures.Read("cerberus", "create-client.response.201.json"));

        var created = await Sut.CreateAsync(new CreateOAuthClientRequest
        {
            Name = "Web Dashboard",
            Description = "Main web application dashboard",
            RedirectUris = ["https://app.example.com/callback"],
            AllowedOrigins = ["https://app.example.com"],
            AllowedScopes = ["openid", "profile", "email", "offline_access"],
            RequirePkce = false,
            RequireConsent = false,
            IsFirstParty = true,
            AccessTokenLifetime = TimeSpan.FromHours(1),
            RefreshTokenLifetime = TimeSpan.FromDays(30),
            IdTokenLifetime = TimeSpan.FromHours(1),
        });

        var request = Server.SingleRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal(Collection, request.Path);
        Assert.Equal($"Bearer {ApiKey}", LoopbackServer.Header(request, "Authorization"));
        Assert.Equal("acme-corp", LoopbackServer.Header(request, "X-Org-Domain"));
        Assert.Null(LoopbackServer.Header(request, "Cookie"));
        Assert.Null(LoopbackServer.Header(request, "X-CSRF-Token"));
        JsonAssert.Equal(Fixtures.Read("cerberus", "create-client.request.json"), request.Body);
        Assert.Equal("cli_01h2xz9k3m4n5p6q7r8s9t0v2e", created.Client.Id);
        Assert.Equal("cerberus_cli_xyz789", created.Client.ClientId);
        Assert.Equal("secret_abc123def456...", created.Secret!.Reveal());
        Assert.Equal("secret_****", created.Secret.ToString());
    }

    [Fact]
    public async Task CreateAsync_MinimalPublicClient_SendsClientTypeAndNoGrantTypesUnlessSet()
    {
        Server.Server.Json("POST", Collection, 201, Fixtures.Read("cerberus", "create-client.response.201.public-guide.json"));

        var created = await Sut.CreateAsync(new CreateOAuthClientRequest
        {
            Name = "My Application",
            IsConfidential = false,
            RedirectUris = ["https://myapp.example.com/callback"],
            AllowedScopes = ["openid"],
        });

        JsonAssert.Equal("""
            { "name": "My Application", "clientType": "public", "redirectUris": ["https://myapp.example.com/callback"], "scopes": ["openid"] }
            """, Server.SingleRequest().Body);
        Assert.Null(created.Secret);
        Assert.False(created.Client.IsConfidential);
        Assert.True(created.Client.RequirePkce);
    }

    [Fact]
    public async Task CreateAsync_GrantTypesSet_AreSent()
    {
        Server.Server.Json("POST", Collection, 201, Fixtures.Read("cerberus", "create-client.response.201.derived-app.json"));

        var created = await Sut.CreateAsync(new CreateOAuthClientRequest
        {
            Name = "Web Dashboard",
            RedirectUris = ["https://app.example.com/callback"],
            AllowedScopes = ["openid", "profile", "email"],
            GrantTypes = ["authorization_code", "refresh_token"],
        });

        Assert.Contains("\"grantTypes\":[\"authorization_code\",\"refresh_token\"]", Server.SingleRequest().Body, StringComparison.Ordinal);
        Assert.Equal(["openid", "profile", "email"], created.Client.AllowedScopes);
        Assert.Equal("secret_abc123def456", created.Secret!.Reveal());
    }

    [Fact]
    public async Task GetAsync_ClientObject_MapsEveryCerberusMember()
    {
        var json = Fixtures.Read("cerberus", "list-clients.response.200.json");
        var item = System.Text.Json.Nodes.JsonNode.Parse(json)!["data"]![0]!.ToJsonString();
        Server.Server.Json("GET", $"{Collection}/cli_01h2xz9k3m4n5p6q7r8s9t0v2d", 200, item);

        var client = await Sut.GetAsync("cli_01h2xz9k3m4n5p6q7r8s9t0v2d");

        var request = Server.SingleRequest();
        Assert.Equal("GET", request.Method);
        Assert.Equal("acme-corp", LoopbackServer.Header(request, "X-Org-Domain"));
        Assert.Equal($"Bearer {ApiKey}", LoopbackServer.Header(request, "Authorization"));
        Assert.Equal(
            new OAuthClient
            {
                Id = "cli_01h2xz9k3m4n5p6q7r8s9t0v2d",
                ClientId = "cerberus_cli_abc123",
                Name = "Mobile App",
                Description = "iOS and Android mobile applications",
                IsConfidential = false,
                IsActive = true,
                RedirectUris = client.RedirectUris,
                AllowedOrigins = client.AllowedOrigins,
                AllowedScopes = client.AllowedScopes,
                GrantTypes = client.GrantTypes,
                RequirePkce = true,
                RequireConsent = false,
                IsFirstParty = true,
                AccessTokenLifetime = TimeSpan.FromHours(1),
                RefreshTokenLifetime = TimeSpan.FromDays(30),
                IdTokenLifetime = TimeSpan.FromHours(1),
                CreatedAt = new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.Zero),
                UpdatedAt = new DateTimeOffset(2025, 10, 26, 11, 30, 0, TimeSpan.Zero),
            },
            client);
        Assert.Equal(["myapp://callback"], client.RedirectUris);
        Assert.Equal(["https://myapp.com"], client.AllowedOrigins);
        Assert.Equal(["openid", "profile", "email"], client.AllowedScopes);
        Assert.Empty(client.GrantTypes);
    }

    [Fact]
    public async Task GetAsync_ObservedAliases_ReadsAllowedScopesAndPkceRequired()
    {
        Server.Server.Json("GET", $"{Collection}/c1", 200, """
            { "data": { "id": "c1", "clientId": "cc1", "name": "n", "clientType": "confidential", "allowedScopes": ["a"],
                        "pkceRequired": true, "tokenEndpointAuthMethod": "client_secret_basic", "grantTypes": ["urn:custom"] } }
            """);

        var client = await Sut.GetAsync("c1");

        Assert.Equal(["a"], client.AllowedScopes);
        Assert.True(client.RequirePkce);
        Assert.True(client.IsConfidential);
        Assert.Equal(["urn:custom"], client.GrantTypes);
        Assert.Null(client.IdTokenLifetime);
    }

    [Fact]
    public async Task UpdateAsync_PartialUpdate_PatchesOnlyTheMembersThatAreSet()
    {
        Server.Server.Json("PATCH", $"{Collection}/c1", 200, """{ "id": "c1", "name": "Updated Dashboard", "requireConsent": true, "clientType": "confidential" }""");

        var updated = await Sut.UpdateAsync("c1", new UpdateOAuthClientRequest
        {
            Name = "Updated Dashboard",
            Description = "Updated description",
            RedirectUris = ["https://app.example.com/callback", "https://app.example.com/callback2"],
            AllowedOrigins = ["https://app.example.com"],
            AllowedScopes = ["openid", "profile", "email", "offline_access"],
            RequireConsent = true,
            IsActive = true,
            AccessTokenLifetime = TimeSpan.FromHours(2),
            RefreshTokenLifetime = TimeSpan.FromDays(30),
            IdTokenLifetime = TimeSpan.FromHours(1),
        });

        var request = Server.SingleRequest();
        Assert.Equal("PATCH", request.Method);
        JsonAssert.Equal(Fixtures.Read("cerberus", "update-client.request.json"), request.Body);
        Assert.True(updated.RequireConsent);
    }

    [Fact]
    public async Task UpdateAsync_NameOnly_SendsTheCurlExampleBody()
    {
        Server.Server.Json("PATCH", $"{Collection}/c1", 200, """{ "id": "c1", "name": "Updated Dashboard" }""");

        await Sut.UpdateAsync("c1", new UpdateOAuthClientRequest { Name = "Updated Dashboard" });

        JsonAssert.Equal(Fixtures.Read("cerberus", "update-client.request.curl-example.json"), Server.SingleRequest().Body);
    }

    [Fact]
    public async Task DeleteAsync_NoContent_SendsDelete()
    {
        Server.Server.Status("DELETE", $"{Collection}/c1", 204);

        await Sut.DeleteAsync("c1");

        var request = Server.SingleRequest();
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("acme-corp", LoopbackServer.Header(request, "X-Org-Domain"));
    }

    [Fact]
    public async Task RotateSecretAsync_ClientSecretResponse_PostsToRotateSecret()
    {
        Server.Server.Json("POST", $"{Collection}/c1/rotate-secret", 200, Fixtures.Read("cerberus", "rotate-secret.response.200.derived-app.json"));

        var secret = await Sut.RotateSecretAsync("c1");

        var request = Server.SingleRequest();
        Assert.Equal("POST", request.Method);
        Assert.True(string.IsNullOrEmpty(request.Body));
        Assert.Equal("secret_new789ghi012", secret.Reveal());
    }

    [Theory]
    [InlineData("list-clients.response.200.json", 1)]
    [InlineData("list-clients.response.200.derived-app.json", 1)]
    [InlineData("list-clients.response.200.console-comment-data-shape.json", 0)]
    public async Task ListAsync_ObservedShapes_ReturnEveryClient(string fixture, int count)
    {
        Server.Server.Json("GET", Collection, 200, Fixtures.Read("cerberus", fixture));

        var clients = await Sut.ListAsync().ToListAsync();

        Assert.Equal(count, clients.Count);
        Assert.All(clients, c => Assert.StartsWith("cerberus_cli_", c.ClientId, StringComparison.Ordinal));
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task ListAsync_PagedGenericShape_FollowsPagesUntilTheLast()
    {
        Server.Server.Json("GET", Collection, 200, """{ "data": [ { "id": "a", "name": "a" } ], "total": 2, "page": 1, "limit": 1, "pages": 2 }""");
        Server.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(Collection).WithParam("page", "2").UsingGet()).AtPriority(1)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody("""{ "data": [ { "id": "b", "name": "b" } ], "total": 2, "page": 2, "limit": 1, "pages": 2 }"""));

        var clients = await Sut.ListAsync().ToListAsync();

        Assert.Equal(["a", "b"], clients.Select(c => c.Id));
        Assert.Equal("page=2&limit=1", Server.Requests[1].RawQuery?.TrimStart('?'));
    }

    [Fact]
    public async Task ListAsync_TotalLargerThanTheListWithoutPaging_ThrowsRatherThanReturningPart()
    {
        Server.Server.Json("GET", Collection, 200, """{ "clients": [ { "id": "a", "name": "a" } ], "pagination": { "total": 250, "limit": 100, "offset": 0 } }""");

        var error = await Assert.ThrowsAsync<Errors.OAuthClientsApiException>(async () => await Sut.ListAsync().ToListAsync());

        Assert.Contains("1 of 250 clients", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operations_WithoutTenant_SendNoOrganisationHeader()
    {
        var options = ApiKeyOptions();
        options.Tenant = null;
        Server.Server.Json("GET", Collection, 200, """{ "data": [], "total": 0 }""");

        await new OAuthClientsClient(options).ListAsync().ToListAsync();

        Assert.Null(LoopbackServer.Header(Server.SingleRequest(), "X-Org-Domain"));
    }
}
