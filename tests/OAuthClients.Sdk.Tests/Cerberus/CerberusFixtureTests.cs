using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Cerberus;

/// <summary>The Cerberus examples the vendor publishes: responses parse, requests are reproduced by the model.</summary>
public sealed class CerberusFixtureTests : CerberusTestBase
{
    public CerberusFixtureTests(LoopbackServer server)
        : base(server)
    {
        Sut = new OAuthClientsClient(ApiKeyOptions());
    }

    private OAuthClientsClient Sut { get; }

    [Fact]
    public async Task GetAsync_ConsoleClientObject_KeepsEveryMember()
    {
        Server.Server.Json("GET", $"{Collection}/3f1c2a9e-8b7d-4c6e-9a51-2d0f4b7e8c13", 200, Fixtures.Read("cerberus", "get-client.response.200.derived-app.json"));

        var client = await Sut.GetAsync("3f1c2a9e-8b7d-4c6e-9a51-2d0f4b7e8c13");

        Assert.Equal("cerberus_cli_xyz789", client.ClientId);
        Assert.Equal("Web Dashboard", client.Name);
        Assert.True(client.IsConfidential);
        Assert.True(client.IsActive);
        Assert.Equal(["https://app.example.com/callback"], client.RedirectUris);
        Assert.Equal(["openid", "profile", "email"], client.AllowedScopes);
        Assert.Equal(["authorization_code", "refresh_token"], client.GrantTypes);
        Assert.Equal(new DateTimeOffset(2025, 10, 26, 12, 0, 0, TimeSpan.Zero), client.CreatedAt);
        Assert.Equal(client.CreatedAt, client.UpdatedAt);
    }

    [Theory]
    [InlineData("create-client.request.json")]
    [InlineData("create-client.request.derived-app.json")]
    [InlineData("create-client.request.curl-example.json")]
    [InlineData("create-client.request.console-form.derived-app.json")]
    [InlineData("create-client.request.public-guide.json")]
    public async Task CreateAsync_DocumentedRequestExample_IsReproducedByTheModel(string fixture)
    {
        var example = JsonNode.Parse(Fixtures.Read("cerberus", fixture))!.AsObject();
        Server.Server.Json("POST", Collection, 201, """{ "id": "1", "name": "x", "clientSecret": "s" }""");

        await Sut.CreateAsync(new CreateOAuthClientRequest
        {
            Name = (string)example["name"]!,
            Description = (string?)example["description"],
            IsConfidential = (string)example["clientType"]! == "confidential",
            RedirectUris = Strings(example["redirectUris"])!,
            AllowedOrigins = Strings(example["allowedOrigins"]),
            AllowedScopes = Strings(example["scopes"]),
            GrantTypes = Strings(example["grantTypes"]),
            RequirePkce = (bool?)example["requirePkce"],
            RequireConsent = (bool?)example["requireConsent"],
            IsFirstParty = (bool?)example["isFirstParty"],
            AccessTokenLifetime = Seconds(example["accessTokenLifetime"]),
            RefreshTokenLifetime = Seconds(example["refreshTokenLifetime"]),
            IdTokenLifetime = Seconds(example["idTokenLifetime"]),
        });

        JsonAssert.Equal(example.ToJsonString(), Server.SingleRequest().Body);
    }

    [Theory]
    [InlineData("update-client.request.derived-app.json")]
    [InlineData("update-client.request.console-form.derived-app.json")]
    public async Task UpdateAsync_DocumentedRequestExample_IsReproducedByTheModel(string fixture)
    {
        var example = JsonNode.Parse(Fixtures.Read("cerberus", fixture))!.AsObject();
        Server.Server.Json("PATCH", $"{Collection}/1", 200, """{ "id": "1", "name": "x" }""");

        await Sut.UpdateAsync("1", new UpdateOAuthClientRequest
        {
            Name = (string?)example["name"],
            Description = (string?)example["description"],
            RedirectUris = Strings(example["redirectUris"]),
            AllowedOrigins = Strings(example["allowedOrigins"]),
            AllowedScopes = Strings(example["scopes"]),
            RequireConsent = (bool?)example["requireConsent"],
            IsActive = (bool?)example["isActive"],
            AccessTokenLifetime = Seconds(example["accessTokenLifetime"]),
            RefreshTokenLifetime = Seconds(example["refreshTokenLifetime"]),
            IdTokenLifetime = Seconds(example["idTokenLifetime"]),
        });

        JsonAssert.Equal(example.ToJsonString(), Server.SingleRequest().Body);
    }

    [Theory]
    [InlineData("client-object.confidential.guide.json")]
    [InlineData("client-object.public.guide.json")]
    public async Task GetAsync_GuideIllustrationWithoutId_IsRejectedClearly(string fixture)
    {
        // The guide's objects illustrate a configuration; they have no id, so they are not admin API responses.
        Server.Server.Json("GET", $"{Collection}/1", 200, Fixtures.Read("cerberus", fixture));

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Sut.GetAsync("1"));

        Assert.Contains("no 'id'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-here", error.Message, StringComparison.Ordinal);
    }

    private static string[]? Strings(JsonNode? node) => node?.AsArray().Select(n => (string)n!).ToArray();

    private static TimeSpan? Seconds(JsonNode? node) => node is null ? null : TimeSpan.FromSeconds((int)node);
}
