using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Testing;
using Xunit;

namespace OAuthClients.Sdk.Tests.Testing;

/// <summary>The SDK's whole lifecycle against the stateful fake, for each dialect and authentication mode.</summary>
public sealed class FakeServerLifecycleTests
{
    public static TheoryData<OAuthDialect, bool> Modes() => new()
    {
        { OAuthDialect.LumoAuth, false },
        { OAuthDialect.Cerberus, false },
        { OAuthDialect.Cerberus, true },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Lifecycle_CreateListGetUpdateRotateDelete_ActsOnTheServersState(OAuthDialect dialect, bool useSession)
    {
        using var server = FakeOAuthClientsServer.Start(dialect);
        var sut = new OAuthClientsClient(server.CreateOptions(useSession));

        var confidential = await sut.CreateAsync(new CreateOAuthClientRequest { Name = "Backend", RedirectUris = ["https://api.example.com/cb"], AllowedScopes = ["openid", "admin"] });
        var spa = await sut.CreateAsync(new CreateOAuthClientRequest { Name = "SPA", IsConfidential = false, RedirectUris = ["http://localhost:3000/cb"], AllowedScopes = ["openid"] });
        var listed = await sut.ListAsync().ToListAsync();
        var fetched = await sut.GetAsync(confidential.Client.Id);
        var updated = await sut.UpdateAsync(confidential.Client.Id, new UpdateOAuthClientRequest { RedirectUris = ["https://api.example.com/cb", "https://api.example.com/cb2"], IsActive = false });
        var rotated = await sut.RotateSecretAsync(confidential.Client.Id);
        await sut.DeleteAsync(spa.Client.Id);

        Assert.Equal(server.CurrentSecret(confidential.Client.Id), rotated.Reveal());
        Assert.NotEqual(confidential.Secret!.Reveal(), rotated.Reveal());
        Assert.Null(spa.Secret);
        Assert.Equal(["Backend", "SPA"], listed.Select(c => c.Name));
        Assert.Equal(confidential.Client, fetched with { UpdatedAt = confidential.Client.UpdatedAt });
        Assert.Equal(["https://api.example.com/cb", "https://api.example.com/cb2"], updated.RedirectUris);
        Assert.False(updated.IsActive);
        var stored = Assert.Single(server.Clients);
        Assert.Equal(updated with { UpdatedAt = stored.UpdatedAt }, stored);
        await Assert.ThrowsAsync<OAuthClientNotFoundException>(() => sut.GetAsync(spa.Client.Id));
        Assert.Equal(dialect == OAuthDialect.LumoAuth ? confidential.Client.Id : confidential.Client.ClientId, stored.ClientId);
    }

    [Fact]
    public async Task Create_IdsAndSecrets_FollowEachDialectsStyle()
    {
        using var lumo = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        using var cerberus = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var request = new CreateOAuthClientRequest { Name = "App", RedirectUris = ["https://a.example/cb"], AllowedScopes = ["openid"] };

        var fromLumo = await new OAuthClientsClient(lumo.CreateOptions()).CreateAsync(request);
        var fromCerberus = await new OAuthClientsClient(cerberus.CreateOptions()).CreateAsync(request);

        Assert.True(Guid.TryParse(fromLumo.Client.Id, out _));
        Assert.StartsWith("cs_live_", fromLumo.Secret!.Reveal(), StringComparison.Ordinal);
        Assert.StartsWith("cli_", fromCerberus.Client.Id, StringComparison.Ordinal);
        Assert.StartsWith("cerberus_cli_", fromCerberus.Client.ClientId, StringComparison.Ordinal);
        Assert.StartsWith("secret_", fromCerberus.Secret!.Reveal(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OAuthDialect.LumoAuth)]
    [InlineData(OAuthDialect.Cerberus)]
    public async Task WrongCredentials_Get401WithTheDialectsErrorBody(OAuthDialect dialect)
    {
        using var server = FakeOAuthClientsServer.Start(dialect);
        var options = server.CreateOptions();
        options.ApiKey = "wrong-key";

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => new OAuthClientsClient(options).GetAsync("x"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(dialect == OAuthDialect.LumoAuth ? "invalid_token" : "unauthorized", error.ErrorCode);
    }

    [Theory]
    [InlineData(OAuthDialect.LumoAuth, "resource_not_found")]
    [InlineData(OAuthDialect.Cerberus, "not-found")]
    public async Task UnknownId_Gets404WithTheDialectsErrorBody(OAuthDialect dialect, string code)
    {
        using var server = FakeOAuthClientsServer.Start(dialect);

        var error = await Assert.ThrowsAsync<OAuthClientNotFoundException>(() => new OAuthClientsClient(server.CreateOptions()).RotateSecretAsync("nope"));

        Assert.Equal(code, error.ErrorCode);
        Assert.Contains("OAuth2 client not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cerberus_SessionWriteWithoutValidCsrfToken_Gets403AndEveryResponseCarriesAFreshToken()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var options = server.CreateOptions(useSession: true);
        options.CsrfToken = "forged-token";
        options.MaxRetries = 0;
        var sut = new OAuthClientsClient(options);

        // The SDK replays a CSRF refusal once with the fresh token the refusal carried, so the write succeeds.
        var created = await sut.CreateAsync(new CreateOAuthClientRequest { Name = "App", RedirectUris = ["https://a.example/cb"], AllowedScopes = ["openid"] });

        Assert.Equal(["POST", "POST"], server.Requests.Select(r => r.Method));
        Assert.Single(server.Clients);
        Assert.Equal(created.Client.Id, server.Clients[0].Id);
    }

    [Fact]
    public async Task Cerberus_WrongOrganisation_Gets403()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var options = server.CreateOptions();
        options.Tenant = "other-org";

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => new OAuthClientsClient(options).ListAsync().ToListAsync().AsTask());

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Contains("Session does not match organisation context", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OAuthDialect.LumoAuth, "/t/acme/api/v1/admin/oauth-clients", "{\"name\":\"\",\"redirectUris\":[]}", new[] { "name: Name is required", "redirectUris: At least one redirect URI is required" })]
    [InlineData(OAuthDialect.Cerberus, "/v1/admin/clients", "{\"name\":\"App\",\"clientType\":\"confidential\",\"redirectUris\":[\"https://a.example/cb\"]}", new[] { "scopes: Array must contain at least 1 element(s)" })]
    public async Task InvalidBody_Gets400WithTheDialectsFieldErrors(OAuthDialect dialect, string path, string body, string[] errors)
    {
        // The SDK refuses such bodies itself, so this sends one directly, as a client without the SDK's checks would.
        using var server = FakeOAuthClientsServer.Start(dialect);
        using var http = new System.Net.Http.HttpClient();
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, new Uri(server.BaseAddress, path))
        {
            Content = new System.Net.Http.StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", server.ApiKey);
        request.Headers.Add("X-Org-Domain", FakeOAuthClientsServer.DefaultTenant);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var error in errors)
        {
            Assert.Contains(error.Split(": ")[1], text, StringComparison.Ordinal);
        }

        Assert.Empty(server.Clients);
    }

    [Theory]
    [InlineData(OAuthDialect.LumoAuth)]
    [InlineData(OAuthDialect.Cerberus)]
    public async Task FailNext_InjectsStatusesAndRetryAfter_ThenAnswersNormally(OAuthDialect dialect)
    {
        using var server = FakeOAuthClientsServer.Start(dialect);
        var options = server.CreateOptions();
        options.MaxRetries = 0;
        var sut = new OAuthClientsClient(options);
        server.FailNext(1, HttpStatusCode.ServiceUnavailable);
        server.FailNext(1, (HttpStatusCode)429, TimeSpan.FromSeconds(7));

        var unavailable = await Assert.ThrowsAsync<OAuthClientsApiException>(() => sut.ListAsync().ToListAsync().AsTask());
        var limited = await Assert.ThrowsAsync<OAuthClientsRateLimitException>(() => sut.ListAsync().ToListAsync().AsTask());
        var listed = await sut.ListAsync().ToListAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.RetryAfter);
        Assert.Empty(listed);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(dialect == OAuthDialect.LumoAuth ? "/t/acme/api/v1/admin/oauth-clients?page=1&limit=100" : "/v1/admin/clients", r.Path));
    }

    [Fact]
    public async Task DelayNext_LongerThanTheTimeout_SurfacesAsTimeout()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        var options = server.CreateOptions();
        options.MaxRetries = 0;
        options.Timeout = TimeSpan.FromMilliseconds(200);
        server.DelayNext(1, TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<TimeoutException>(() => new OAuthClientsClient(options).GetAsync("x"));
    }

    [Fact]
    public void CreateOptions_SessionModeForLumoAuth_IsRefused()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);

        Assert.Throws<NotSupportedException>(() => server.CreateOptions(useSession: true));
    }
}
