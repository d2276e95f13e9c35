using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Testing;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests;

/// <summary>Who-am-I in each dialect: the cheapest request that proves the credential, and what it says.</summary>
public sealed class BothDialectsWhoAmITests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Fact]
    public async Task WhoAmIAsync_LumoAuth_ReadsAOneItemPageAndProvesTheKeyCanReadClients()
    {
        using var fake = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        using var sut = new OAuthClientsClient(fake.CreateOptions());

        var identity = await sut.WhoAmIAsync();

        Assert.Equal("/t/acme/api/v1/admin/oauth-clients?page=1&limit=1", Assert.Single(fake.Requests).Path);
        Assert.Equal(FakeOAuthClientsServer.DefaultTenant, identity.Organisation);
        Assert.True(identity.CanReadClients);
        Assert.Empty(identity.Permissions);
    }

    [Fact]
    public async Task WhoAmIAsync_LumoAuthKeyRefused_ThrowsTheApiException()
    {
        using var fake = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        var options = fake.CreateOptions();
        options.ApiKey = "sk_test_wrong";
        using var sut = new OAuthClientsClient(options);

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => sut.WhoAmIAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task WhoAmIAsync_CerberusApiKey_ReadsTheProfile()
    {
        server.Server.Reset();
        server.Server.Json("GET", "/v1/me/profile", 200, """
            { "data": { "id": "u1", "email": "ops@acme.test", "name": "Ops", "mfaEnabled": false,
              "organisation": { "id": "o1", "slug": "acme-corp", "name": "Acme" },
              "roles": ["admin", { "name": "auditor" }, 42], "permissions": ["clients:read", "users:read"] } }
            """);
        using var sut = new OAuthClientsClient(new OAuthClientsOptions
        {
            Dialect = OAuthDialect.Cerberus,
            BaseAddress = server.BaseAddress,
            Tenant = "acme-corp",
            ApiKey = "cerb_key_live_1",
        });

        var identity = await sut.WhoAmIAsync();

        Assert.Equal(("u1", "ops@acme.test", "Ops", false), (identity.Id, identity.Email, identity.Name, identity.MfaEnabled));
        Assert.Equal(("o1", "acme-corp", "Acme"), (identity.OrganisationId, identity.Organisation, identity.OrganisationName));
        Assert.Equal(["admin", "auditor"], identity.Roles);
        Assert.True(identity.CanReadClients);
        Assert.Equal(identity, identity with { Roles = ["admin", "auditor"] });
        Assert.NotEqual(identity, identity with { Permissions = ["clients:read"] });
        var request = server.SingleRequest();
        Assert.Equal("Bearer cerb_key_live_1", LoopbackServer.Header(request, "Authorization"));
        Assert.Equal("acme-corp", LoopbackServer.Header(request, "X-Org-Domain"));
    }

    [Theory]
    [InlineData("""{ "id": "u1", "permissions": ["users:read"] }""", false)]
    [InlineData("""{ "id": "u1", "permissions": ["*"] }""", true)]
    [InlineData("""{ "id": "u1" }""", null)]
    public async Task WhoAmIAsync_CerberusPermissions_DecideWhetherItCanReadClients(string profile, bool? canRead)
    {
        server.Server.Reset();
        server.Server.Json("GET", "/v1/me/profile", 200, profile);
        using var sut = new OAuthClientsClient(new OAuthClientsOptions { Dialect = OAuthDialect.Cerberus, BaseAddress = server.BaseAddress, ApiKey = "k" });

        var identity = await sut.WhoAmIAsync();

        Assert.Equal(canRead, identity.CanReadClients);
        Assert.Equal(profile.Contains("permissions", StringComparison.Ordinal), identity.Permissions.Any());
    }
}
