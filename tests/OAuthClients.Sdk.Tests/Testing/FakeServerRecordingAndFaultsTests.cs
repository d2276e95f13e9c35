using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Testing;
using Xunit;

namespace OAuthClients.Sdk.Tests.Testing;

/// <summary>What a user's own tests rely on in the fake: recorded headers, provider-like validation, and fault injection.</summary>
public sealed class FakeServerRecordingAndFaultsTests
{
    private static readonly CreateOAuthClientRequest App = new() { Name = "App", RedirectUris = ["https://a.example/cb"], AllowedScopes = ["openid"] };

    [Fact]
    public async Task Requests_ApiKeyMode_RecordHeadersWithTheCredentialMasked()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var sut = new OAuthClientsClient(server.CreateOptions());

        await sut.CreateAsync(App);

        var headers = Assert.Single(server.Requests).Headers;
        Assert.Equal("Bearer ****", headers["authorization"]);
        Assert.Equal(FakeOAuthClientsServer.DefaultTenant, headers["X-Org-Domain"]);
        Assert.DoesNotContain(headers.Values, v => v.Contains(server.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Requests_SessionMode_RecordCookieNamesAndCsrfTokenPresenceOnly()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var sut = new OAuthClientsClient(server.CreateOptions(useSession: true));

        await sut.CreateAsync(App);

        var create = server.Requests.Last(r => r.Method == "POST");
        Assert.Equal("****", create.Headers["X-CSRF-Token"]);
        Assert.StartsWith($"{OAuthClientsOptions.DefaultSessionCookieName}=****", create.Headers["Cookie"], StringComparison.Ordinal);
        Assert.False(create.Headers.ContainsKey("Authorization"));
        Assert.DoesNotContain(server.Requests.SelectMany(r => r.Headers.Values), v => v.Contains(server.SessionCookie!, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(OAuthDialect.LumoAuth)]
    [InlineData(OAuthDialect.Cerberus)]
    public async Task Create_GrantTypeTheProviderRefuses_ThrowsValidationExceptionNamingTheMember(OAuthDialect dialect)
    {
        using var server = FakeOAuthClientsServer.Start(dialect);
        var sut = new OAuthClientsClient(server.CreateOptions());

        var error = await Assert.ThrowsAsync<OAuthClientsValidationException>(() => sut.CreateAsync(App with { GrantTypes = ["password"] }));

        Assert.Contains(error.Errors, e => e.Contains("grantTypes", StringComparison.Ordinal) && e.Contains("'password'", StringComparison.Ordinal));
        Assert.Empty(server.Clients);
    }

    [Theory]
    [InlineData(OAuthDialect.LumoAuth)]
    [InlineData(OAuthDialect.Cerberus)]
    public async Task Create_PublicClientWithClientCredentials_ThrowsValidationException(OAuthDialect dialect)
    {
        using var server = FakeOAuthClientsServer.Start(dialect);
        var sut = new OAuthClientsClient(server.CreateOptions());

        var error = await Assert.ThrowsAsync<OAuthClientsValidationException>(
            () => sut.CreateAsync(App with { IsConfidential = false, GrantTypes = ["authorization_code", "client_credentials"] }));

        Assert.Contains(error.Errors, e => e.Contains("client_credentials", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_ScopeThatIsNoScopeToken_ThrowsValidationException()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var sut = new OAuthClientsClient(server.CreateOptions());

        var error = await Assert.ThrowsAsync<OAuthClientsValidationException>(() => sut.CreateAsync(App with { AllowedScopes = ["openid", "read\"write"] }));

        Assert.Contains(error.Errors, e => e.Contains("scopes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(OAuthDialect.LumoAuth, HttpStatusCode.UnprocessableEntity, "validation_error")]
    [InlineData(OAuthDialect.LumoAuth, HttpStatusCode.ServiceUnavailable, "service_unavailable")]
    [InlineData(OAuthDialect.LumoAuth, HttpStatusCode.InternalServerError, "internal_error")]
    [InlineData(OAuthDialect.Cerberus, HttpStatusCode.UnprocessableEntity, "unprocessable-entity")]
    [InlineData(OAuthDialect.Cerberus, HttpStatusCode.BadGateway, "bad-gateway")]
    public async Task FailNext_Status_AnswersWithTheProvidersErrorCodeForIt(OAuthDialect dialect, HttpStatusCode status, string code)
    {
        using var server = FakeOAuthClientsServer.Start(dialect);
        var options = server.CreateOptions();
        options.MaxRetries = 0;
        var sut = new OAuthClientsClient(options);
        server.FailNext(1, status);

        var error = await Assert.ThrowsAnyAsync<OAuthClientsApiException>(() => sut.ListAsync().ToListAsync().AsTask());

        Assert.Equal(status, error.StatusCode);
        Assert.Contains(code, error.ErrorCode ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClearFaults_QueuedFaults_AreDroppedAndCounted()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        var sut = new OAuthClientsClient(server.CreateOptions());
        server.FailNext(2, HttpStatusCode.InternalServerError);
        server.DelayNext(1, TimeSpan.FromMinutes(5));

        var dropped = server.ClearFaults();
        var listed = await sut.ListAsync().ToListAsync();

        Assert.Equal(3, dropped);
        Assert.Empty(listed);
        Assert.Single(server.Requests);
        Assert.Equal(0, server.ClearFaults());
    }

    [Fact]
    public void FailNext_NotAnErrorStatus_ThrowsArgumentOutOfRange()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);

        Assert.Equal("status", Assert.Throws<ArgumentOutOfRangeException>(() => server.FailNext(1, HttpStatusCode.OK)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => server.FailNext(-1, HttpStatusCode.BadGateway)).ParamName);
    }

    [Fact]
    public async Task Responses_Cerberus_CarryARequestIdThatErrorsReport()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var sut = new OAuthClientsClient(server.CreateOptions());

        var error = await Assert.ThrowsAsync<OAuthClientNotFoundException>(() => sut.GetAsync("cli_missing"));

        Assert.StartsWith("req_", error.RequestId, StringComparison.Ordinal);
    }
}
