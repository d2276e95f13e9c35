using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Testing;
using Xunit;

namespace OAuthClients.Sdk.Tests.Testing;

/// <summary>The SDK against the Testing fake of LumoAuth's <c>/admin/clients</c> API, and the new operations against every fake.</summary>
public sealed class LumoAuthClientsFakeTests
{
    [Fact]
    public async Task Lifecycle_EveryOperation_ActsOnTheServersState()
    {
        using var server = FakeOAuthClientsServer.Start(LumoAuthApi.Clients);
        var sut = new OAuthClientsClient(server.CreateOptions());

        var web = await sut.CreateAsync(new CreateOAuthClientRequest { Name = "Web", ApplicationType = "web", RedirectUris = ["https://web.example.com/cb"], AllowedScopes = ["openid", "orders:read"] });
        var spa = await sut.CreateAsync(new CreateOAuthClientRequest { Name = "SPA", ApplicationType = "spa", IsConfidential = false, RedirectUris = ["http://localhost:3000/cb"] });
        var summaries = await sut.ListAsync().ToListAsync();
        var full = await sut.ListAsync(new OAuthClientListOptions { FullClients = true }).ToListAsync();
        var byClientId = await sut.GetAsync(web.Client.ClientId);
        var updated = await sut.UpdateAsync(web.Client.Id, new UpdateOAuthClientRequest { Name = "Web portal", RedirectUris = ["https://web.example.com/cb2"] });
        var rotated = await sut.RotateSecretAsync(web.Client.Id);
        await sut.DisableAsync(web.Client.Id);
        var disabled = await sut.GetAsync(web.Client.Id);
        await sut.EnableAsync(web.Client.Id);
        await sut.RevokeTokensAsync(web.Client.Id);
        var scopes = await sut.ReplaceScopesAsync(web.Client.Id, ["openid", "billing"]);
        var readBack = await sut.GetScopesAsync(web.Client.Id);
        await sut.DeleteAsync(spa.Client.Id);

        Assert.Equal("web", web.Client.ApplicationType);
        Assert.NotEqual(web.Client.Id, web.Client.ClientId);
        Assert.True(int.TryParse(web.Client.Id, out _));
        Assert.Null(spa.Secret);
        Assert.All(summaries, c => Assert.True(c.IsSummary));
        Assert.All(summaries, c => Assert.Empty(c.RedirectUris));
        Assert.All(full, c => Assert.False(c.IsSummary));
        Assert.Equal(["https://web.example.com/cb"], full[0].RedirectUris);
        Assert.Equal(web.Client.Id, byClientId.Id);
        Assert.Equal("Web portal", updated.Name);
        Assert.Equal(server.CurrentSecret(web.Client.Id), rotated.Reveal());
        Assert.False(disabled.IsActive);
        Assert.NotNull(server.TokensRevokedAt(web.Client.Id));
        Assert.Equal(["openid", "billing"], scopes);
        Assert.Equal(["openid", "billing"], readBack);
        var stored = Assert.Single(server.Clients);
        Assert.True(stored.IsActive);
        Assert.Equal(["openid", "billing"], stored.AllowedScopes);
        await Assert.ThrowsAsync<OAuthClientNotFoundException>(() => sut.GetAsync(spa.Client.Id));
    }

    [Fact]
    public async Task ListAsync_PageSizeAndSearch_PagesAndFiltersOnTheServer()
    {
        using var server = FakeOAuthClientsServer.Start(LumoAuthApi.Clients);
        var sut = new OAuthClientsClient(server.CreateOptions());
        foreach (var name in new[] { "alpha-1", "beta", "alpha-2", "alpha-3" })
        {
            await sut.CreateAsync(new CreateOAuthClientRequest { Name = name, RedirectUris = ["https://a.example/cb"] });
        }

        var alphas = await sut.ListAsync(new OAuthClientListOptions { PageSize = 2, Search = "alpha" }).ToListAsync();

        Assert.Equal(["alpha-1", "alpha-2", "alpha-3"], alphas.Select(c => c.Name));
        Assert.Equal(2, server.Requests.Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task Request_WithAuthorizationBesideXApiKey_IsRefused()
    {
        using var server = FakeOAuthClientsServer.Start(LumoAuthApi.Clients);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "t/acme/api/v1/admin/clients");
        request.Headers.Add("X-API-Key", server.ApiKey);
        request.Headers.Add("Authorization", $"Bearer {server.ApiKey}");

        using var response = await http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Client_WrongApiKey_GetsUnauthorized()
    {
        using var server = FakeOAuthClientsServer.Start(LumoAuthApi.Clients);
        var options = server.CreateOptions();
        options.ApiKey = "lmk_wrong_key";

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => new OAuthClientsClient(options).GetAsync("1"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task RevokeTokensAsync_CerberusFake_DeactivatesAndRevokes()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var sut = new OAuthClientsClient(server.CreateOptions());
        var created = await sut.CreateAsync(new CreateOAuthClientRequest { Name = "App", RedirectUris = ["https://a.example/cb"], AllowedScopes = ["openid"] });

        await sut.RevokeTokensAsync(created.Client.Id);

        Assert.False(Assert.Single(server.Clients).IsActive);
        Assert.NotNull(server.TokensRevokedAt(created.Client.Id));
        await sut.EnableAsync(created.Client.Id);
        Assert.True(Assert.Single(server.Clients).IsActive);
    }

    [Fact]
    public async Task DisableThenEnableAsync_SeedFake_UpdatesIsActive()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        var sut = new OAuthClientsClient(server.CreateOptions());
        var created = await sut.CreateAsync(new CreateOAuthClientRequest { Name = "App", RedirectUris = ["https://a.example/cb"] });

        await sut.DisableAsync(created.Client.Id);
        var disabled = Assert.Single(server.Clients).IsActive;
        await sut.EnableAsync(created.Client.Id);

        Assert.False(disabled);
        Assert.True(Assert.Single(server.Clients).IsActive);
    }
}
