using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Testing;
using Xunit;

namespace OAuthClients.Sdk.Tests.Testing;

/// <summary>Each fake provider's client_credentials token endpoint accepts a client's current secret only.</summary>
public sealed class FakeTokenEndpointTests
{
    public static TheoryData<OAuthDialect, string> Endpoints() => new()
    {
        { OAuthDialect.LumoAuth, "t/acme/api/v1/oauth/token" },
        { OAuthDialect.Cerberus, "oauth2/token" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task TokenEndpoint_CurrentSecretViaBasic_IssuesAToken(OAuthDialect dialect, string path)
    {
        using var server = FakeOAuthClientsServer.Start(dialect);
        var created = await CreateAsync(server, ["client_credentials"]);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await http.SendAsync(Basic(path, created.Client.ClientId, created.Secret!.Reveal()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", body.RootElement.GetProperty("token_type").GetString());
        Assert.StartsWith("at_", body.RootElement.GetProperty("access_token").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task TokenEndpoint_SecretBeforeARotation_IsRefusedAndTheNewOneAccepted(OAuthDialect dialect, string path)
    {
        using var server = FakeOAuthClientsServer.Start(dialect);
        var created = await CreateAsync(server, ["client_credentials"]);
        var rotated = await new OAuthClientsClient(server.CreateOptions()).RotateSecretAsync(created.Client.Id);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var old = await http.SendAsync(Basic(path, created.Client.ClientId, created.Secret!.Reveal()));
        using var current = await http.SendAsync(Form(path, created.Client.ClientId, rotated.Reveal()));

        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Contains("invalid_client", await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task TokenEndpoint_ClientWithoutTheGrant_IsRefusedAsUnauthorizedClient(OAuthDialect dialect, string path)
    {
        using var server = FakeOAuthClientsServer.Start(dialect);
        var created = await CreateAsync(server, ["authorization_code"]);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await http.SendAsync(Basic(path, created.Client.ClientId, created.Secret!.Reveal()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unauthorized_client", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task TokenEndpoint_UnknownClientOrOtherGrant_IsRefused(OAuthDialect dialect, string path)
    {
        using var server = FakeOAuthClientsServer.Start(dialect);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var unknown = await http.SendAsync(Basic(path, "nobody", "secret"));
        using var password = await http.PostAsync(path, new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", "password")]));

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, password.StatusCode);
        Assert.Contains("unsupported_grant_type", await password.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<CreatedOAuthClient> CreateAsync(FakeOAuthClientsServer server, string[] grants) =>
        new OAuthClientsClient(server.CreateOptions()).CreateAsync(new CreateOAuthClientRequest
        {
            Name = "Worker",
            RedirectUris = ["https://app.example.com/cb"],
            AllowedScopes = ["openid"],
            GrantTypes = grants,
        });

    private static HttpRequestMessage Basic(string path, string clientId, string secret) => new(HttpMethod.Post, path)
    {
        Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", "client_credentials")]),
        Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}"))) },
    };

    private static HttpRequestMessage Form(string path, string clientId, string secret) => new(HttpMethod.Post, path)
    {
        Content = new FormUrlEncodedContent(
        [
            new KeyValuePair<string, string>("grant_type", "client_credentials"),
            new KeyValuePair<string, string>("client_id", clientId),
            new KeyValuePair<string, string>("client_secret", secret),
        ]),
    };
}
