using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.LumoAuth;

/// <summary>Every LumoAuth error shape becomes the contract's exception, with what the server said.</summary>
public sealed class LumoAuthErrorTests(LoopbackServer server) : LumoAuthTestBase(server)
{
    [Fact]
    public async Task GetAsync_ValidationEnvelope_ThrowsValidationExceptionWithFieldErrors()
    {
        Server.Server.Json("GET", $"{Collection}/1", 400, Fixtures.Read("lumoauth", "error.400.validation.json"), new Dictionary<string, string> { ["X-Request-Id"] = "req_123" });

        var error = await Assert.ThrowsAsync<OAuthClientsValidationException>(() => Sut.GetAsync("1"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("validation_error", error.ErrorCode);
        Assert.Equal("req_123", error.RequestId);
        Assert.Equal(["email: Invalid email format", "password: Must be at least 8 characters"], error.Errors);
        Assert.Contains("Validation failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("GET /t/acme-corp/api/v1/admin/oauth-clients/1", error.Message, StringComparison.Ordinal);
        Assert.Contains("req_123", error.Message, StringComparison.Ordinal);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task CreateAsync_MissingFieldsAndInvalidValues_AreListedAsFieldErrors()
    {
        Server.Server.Json("POST", Collection, 400, Fixtures.Read("lumoauth", "error.400.envelope.json"));

        var error = await Assert.ThrowsAsync<OAuthClientsValidationException>(() => Sut.CreateAsync(new CreateOAuthClientRequest { Name = "A", RedirectUris = ["https://a.example/cb"] }));

        Assert.Null(error.ErrorCode);
        Assert.Equal(["email: is required", "status: Must be one of: active, inactive, suspended"], error.Errors);
        Assert.Contains("Human-readable error description", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error.401.json", HttpStatusCode.Unauthorized, "invalid_token", "Invalid or expired access token")]
    [InlineData("error.409.json", HttpStatusCode.Conflict, "duplicate_resource", "User with this email already exists")]
    [InlineData("error.envelope.oauth-style.json", HttpStatusCode.Forbidden, "error_code", "Human-readable description of the error")]
    public async Task GetAsync_ErrorFixture_MapsStatusCodeAndMessage(string fixture, HttpStatusCode status, string code, string message)
    {
        Server.Server.Json("GET", $"{Collection}/1", (int)status, Fixtures.Read("lumoauth", fixture));

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Sut.GetAsync("1"));

        Assert.Equal(typeof(OAuthClientsApiException), error.GetType());
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(error.Errors);
    }

    [Theory]
    [InlineData("error.404.json", "resource_not_found")]
    [InlineData("error.404.api-reference-index.json", null)]
    [InlineData("error.derived-cli.json", "resource_not_found")]
    public async Task GetAsync_NotFound_ThrowsNotFoundException(string fixture, string? code)
    {
        Server.Server.Json("GET", $"{Collection}/1", 404, Fixtures.Read("lumoauth", fixture));

        var error = await Assert.ThrowsAsync<OAuthClientNotFoundException>(() => Sut.GetAsync("1"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.NotEmpty(error.Errors);
    }

    [Fact]
    public async Task RotateSecretAsync_RateLimitedWithRetryAfterSeconds_ThrowsRateLimitExceptionWithRetryAfter()
    {
        Server.Server.Json("POST", $"{Collection}/1/secret", 429, Fixtures.Read("lumoauth", "error.429.json"), new Dictionary<string, string> { ["Retry-After"] = "30", ["X-RateLimit-Remaining"] = "0" });

        var error = await Assert.ThrowsAsync<OAuthClientsRateLimitException>(() => Sut.RotateSecretAsync("1"));

        Assert.Equal((HttpStatusCode)429, error.StatusCode);
        Assert.Equal("rate_limit_exceeded", error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
    }

    [Fact]
    public async Task GetAsync_RetryAfterAsHttpDate_BecomesTheDelayUntilThatDate()
    {
        // The server (Kestrel) stamps its own Date header, which the SDK measures against to ignore clock skew.
        var at = DateTimeOffset.UtcNow.AddSeconds(90);
        Server.Server.Json("GET", $"{Collection}/1", 503, "{}", new Dictionary<string, string> { ["Retry-After"] = at.ToString("r") });

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Sut.GetAsync("1"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.InRange(error.RetryAfter!.Value, TimeSpan.FromSeconds(85), TimeSpan.FromSeconds(91));
    }

    [Fact]
    public async Task GetAsync_OAuthStyleRetryAfterInBody_IsUsedWithoutHeader()
    {
        Server.Server.Json("GET", $"{Collection}/1", 429, """{ "error": "rate_limit_exceeded", "error_description": "Slow down", "retry_after": 12 }""");

        var error = await Assert.ThrowsAsync<OAuthClientsRateLimitException>(() => Sut.GetAsync("1"));

        Assert.Equal(TimeSpan.FromSeconds(12), error.RetryAfter);
        Assert.Equal("rate_limit_exceeded", error.ErrorCode);
        Assert.Contains("Slow down", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_HtmlErrorPage_ThrowsApiExceptionWithStatusAndShortExcerpt()
    {
        var html = "<html><head><title>502 Bad Gateway</title></head><body>" + new string('x', 5000) + "</body></html>";
        Server.Server.Given(WireMock.RequestBuilders.Request.Create().UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody(html));

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Sut.GetAsync("1"));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Contains("<title>502 Bad Gateway</title>", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 600, $"The message is {error.Message.Length} characters long.");
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task GetAsync_SuccessWithHtmlBody_ThrowsApiExceptionNotJsonException()
    {
        Server.Server.Given(WireMock.RequestBuilders.Request.Create().UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody("<html>login</html>"));

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Sut.GetAsync("1"));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Contains("<html>login</html>", error.Message, StringComparison.Ordinal);
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException, exactMatch: false);
    }

    [Fact]
    public async Task CreateAsync_TruncatedSuccessBody_SaysTheClientMayHaveBeenCreatedAndHidesTheSecret()
    {
        Server.Server.Json("POST", Collection, 201, """{ "id": "c1", "name": "App", "secret": "cs_live_SuperSecretValue123""");

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Sut.CreateAsync(new CreateOAuthClientRequest { Name = "App", RedirectUris = ["https://a.example/cb"] }));

        Assert.Equal(HttpStatusCode.Created, error.StatusCode);
        Assert.Contains("reported success, so the client may have been created", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SuperSecretValue123", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"secret\": \"****\"", error.Message, StringComparison.Ordinal);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task RotateSecretAsync_SuccessWithoutSecret_SaysTheSecretMayHaveChanged()
    {
        Server.Server.Json("POST", $"{Collection}/1/secret", 200, """{ "message": "ok" }""");

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Sut.RotateSecretAsync("1"));

        Assert.Contains("old one may no longer work", error.Message, StringComparison.Ordinal);
        Assert.Contains("no 'secret'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    [InlineData("{ \"name\": \"no id\" }")]
    [InlineData("{ \"id\": \"1\", \"redirectUris\": \"not-a-list\" }")]
    [InlineData("")]
    public async Task GetAsync_SuccessWithWrongShape_ThrowsApiException(string body)
    {
        Server.Server.Json("GET", $"{Collection}/1", 200, body);

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Sut.GetAsync("1"));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Contains("not the expected JSON", error.Message, StringComparison.Ordinal);
    }
}
