using System;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Cerberus;

/// <summary>The client members newer Cerberus servers send, read into the one model and sent on create; refused for LumoAuth.</summary>
public sealed class CerberusNewerMembersTests(LoopbackServer server) : CerberusTestBase(server)
{
    private const string Newer = """
        { "id": "c1", "clientId": "cc1", "name": "App", "clientType": "confidential", "isActive": false, "revoked": true,
          "organisationId": "org_1", "tokenEndpointAuthMethod": "client_secret_post", "refreshTokenRotation": "rotating",
          "logoUri": "https://app.example.com/logo.png", "policyUri": "https://app.example.com/privacy", "tosUri": "https://app.example.com/tos" }
        """;

    [Fact]
    public async Task GetAsync_NewerMembers_AreRead()
    {
        Server.Server.Json("GET", $"{Collection}/c1", 200, Newer);

        var client = await new OAuthClientsClient(ApiKeyOptions()).GetAsync("c1");

        Assert.Equal("org_1", client.OrganisationId);
        Assert.Equal("client_secret_post", client.TokenEndpointAuthMethod);
        Assert.Equal("rotating", client.RefreshTokenRotation);
        Assert.Equal("https://app.example.com/logo.png", client.LogoUri);
        Assert.Equal("https://app.example.com/privacy", client.PolicyUri);
        Assert.Equal("https://app.example.com/tos", client.TosUri);
        Assert.True(client.IsRevoked);
        Assert.False(client.IsActive);
        Assert.Contains("IsRevoked = True", client.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(client, client with { IsRevoked = false });
    }

    [Fact]
    public async Task GetAsync_OlderServerWithoutThem_GetsTheDefaults()
    {
        Server.Server.Json("GET", $"{Collection}/c1", 200, """{ "id": "c1", "name": "App" }""");

        var client = await new OAuthClientsClient(ApiKeyOptions()).GetAsync("c1");

        Assert.Equal((null, null, null, null, null, null, false), (client.OrganisationId, client.TokenEndpointAuthMethod, client.RefreshTokenRotation, client.LogoUri, client.PolicyUri, client.TosUri, client.IsRevoked));
    }

    [Fact]
    public async Task CreateAsync_NewerMembers_AreSent()
    {
        // A confidential client is created with its secret (a 201 without one is not a success).
        Server.Server.Json("POST", Collection, 201, Newer.Replace("\"name\": \"App\",", "\"name\": \"App\", \"clientSecret\": \"secret_x\",", StringComparison.Ordinal));
        var request = new CreateOAuthClientRequest
        {
            Name = "App",
            RedirectUris = ["https://app.example.com/cb"],
            AllowedScopes = ["openid"],
            TokenEndpointAuthMethod = "client_secret_post",
            LogoUri = "https://app.example.com/logo.png",
            PolicyUri = "https://app.example.com/privacy",
            TosUri = "https://app.example.com/tos",
        };

        await new OAuthClientsClient(ApiKeyOptions()).CreateAsync(request);

        JsonAssert.Equal("""
            { "name": "App", "clientType": "confidential", "redirectUris": ["https://app.example.com/cb"], "scopes": ["openid"],
              "tokenEndpointAuthMethod": "client_secret_post", "logoUri": "https://app.example.com/logo.png",
              "policyUri": "https://app.example.com/privacy", "tosUri": "https://app.example.com/tos" }
            """, Server.SingleRequest().Body);
    }

    [Fact]
    public async Task CreateAsync_WebPagesOnLoopbackHttp_AreSent()
    {
        Server.Server.Json("POST", Collection, 201, """{ "id": "c1", "name": "App", "clientType": "public" }""");
        var request = new CreateOAuthClientRequest
        {
            Name = "App",
            RedirectUris = ["https://app.example.com/cb"],
            AllowedScopes = ["openid"],
            IsConfidential = false,
            LogoUri = "http://127.0.0.1:8080/logo.png",
            PolicyUri = "http://localhost/privacy",
        };

        await new OAuthClientsClient(ApiKeyOptions()).CreateAsync(request);

        var body = Server.SingleRequest().Body;
        Assert.Contains("\"logoUri\":\"http://127.0.0.1:8080/logo.png\"", body, StringComparison.Ordinal);
        Assert.Contains("\"policyUri\":\"http://localhost/privacy\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LogoUri", "javascript:alert(1)")]
    [InlineData("PolicyUri", "/privacy")]
    [InlineData("TosUri", "http://example.com/tos")]
    [InlineData("LogoUri", " https://app.example.com/logo.png")]
    [InlineData("PolicyUri", "ftp://127.0.0.1/privacy")]
    [InlineData("TokenEndpointAuthMethod", " ")]
    public async Task CreateAsync_InvalidNewerMember_IsRefusedBeforeSending(string member, string value)
    {
        var request = new CreateOAuthClientRequest { Name = "App", RedirectUris = ["https://app.example.com/cb"], AllowedScopes = ["openid"] };
        request = member switch
        {
            "LogoUri" => request with { LogoUri = value },
            "PolicyUri" => request with { PolicyUri = value },
            "TosUri" => request with { TosUri = value },
            _ => request with { TokenEndpointAuthMethod = value },
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new OAuthClientsClient(ApiKeyOptions()).CreateAsync(request));

        Assert.Contains(member, error.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    [Theory]
    [InlineData("TokenEndpointAuthMethod")]
    [InlineData("LogoUri")]
    [InlineData("PolicyUri")]
    [InlineData("TosUri")]
    public async Task CreateAsync_LumoAuthWithANewerCerberusMember_IsRefusedNamingMemberAndDialect(string member)
    {
        var request = new CreateOAuthClientRequest { Name = "App", RedirectUris = ["https://app.example.com/cb"] };
        request = member switch
        {
            "LogoUri" => request with { LogoUri = "https://app.example.com/logo.png" },
            "PolicyUri" => request with { PolicyUri = "https://app.example.com/privacy" },
            "TosUri" => request with { TosUri = "https://app.example.com/tos" },
            _ => request with { TokenEndpointAuthMethod = "client_secret_basic" },
        };
        var sut = new OAuthClientsClient(new OAuthClientsOptions { BaseAddress = Server.BaseAddress, Tenant = "acme", ApiKey = "sk_1" });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => sut.CreateAsync(request));

        Assert.Contains($"{member} is not supported by LumoAuth", error.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }
}
