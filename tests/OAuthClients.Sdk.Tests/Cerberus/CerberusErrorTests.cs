using System;
using System.Net;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace OAuthClients.Sdk.Tests.Cerberus;

/// <summary>RFC 7807 problem details, in every observed shape, become the contract's exceptions.</summary>
public sealed class CerberusErrorTests : CerberusTestBase
{
    public CerberusErrorTests(LoopbackServer server)
        : base(server)
    {
        Sut = new OAuthClientsClient(ApiKeyOptions());
    }

    private OAuthClientsClient Sut { get; }

    private static CreateOAuthClientRequest NewClient => new() { Name = "App", RedirectUris = ["https://app.example.com/cb"], AllowedScopes = ["openid"] };

    private void Problem(string method, string path, int status, string body, string? retryAfter = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/problem+json").WithHeader("X-Request-Id", "req_1234567890abcdef").WithBody(body);
        if (retryAfter is not null)
        {
            response = response.WithHeader("Retry-After", retryAfter);
        }

        Server.Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(response);
    }

    [Fact]
    public async Task CreateAsync_ZodIssues_BecomeFieldErrorsWithTheirPath()
    {
        Problem("POST", Collection, 400, """
            { "type": "https://api.cerberus-iam.com/errors/bad-request", "title": "Bad Request", "status": 400, "detail": "Invalid input",
              "errors": [ { "code": "invalid_type", "path": ["redirectUris", 0], "message": "Invalid url" }, { "code": "too_small", "path": [], "message": "Too small" } ] }
            """);

        var error = await Assert.ThrowsAsync<OAuthClientsValidationException>(() => Sut.CreateAsync(NewClient));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("bad-request", error.ErrorCode);
        Assert.Equal("req_1234567890abcdef", error.RequestId);
        Assert.Equal(["redirectUris.0: Invalid url", "Too small"], error.Errors);
        Assert.Contains("Invalid input", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error.400.json", "bad-request", new[] { "email: Expected string, received number" })]
    [InlineData("error.400.validation.json", "bad-request", new[] { "email: Invalid email", "password: String must contain at least 8 character(s)", "organisationSlug: Invalid" })]
    [InlineData("error.400.zod-with-instance.json", "bad-request", new[] { "email: Invalid email", "password: String must contain at least 8 character(s)" })]
    [InlineData("error.400.validation-error-field.json", "validation-error", new[] { "userId: User ID is required" })]
    [InlineData("error.400.no-errors.json", "bad-request", new string[0])]
    [InlineData("error.400.envelope.json", "error-type", new string[0])]
    [InlineData("error.400.overview.json", "bad-request", new string[0])]
    public async Task CreateAsync_ValidationFixtures_MapCodeAndErrors(string fixture, string code, string[] errors)
    {
        var body = Fixtures.Read("cerberus", fixture);
        Problem("POST", Collection, 400, body);

        var error = await Assert.ThrowsAsync<OAuthClientsValidationException>(() => Sut.CreateAsync(NewClient));

        Assert.Equal(code, error.ErrorCode);

        Assert.Equal(errors, error.Errors);
    }

    [Fact]
    public async Task UpdateAsync_StringErrorsAndFieldMap_AreBothRead()
    {
        Problem("PATCH", $"{Collection}/c1", 422, """
            { "title": "Unprocessable Entity", "status": 422, "errors": { "name": ["Too long", "Reserved"], "redirectUris": "Invalid" } }
            """);
        Problem("PATCH", $"{Collection}/c2", 400, """{ "title": "Bad Request", "status": 400, "errors": ["name is required", "scopes is required"] }""");

        var map = await Assert.ThrowsAsync<OAuthClientsValidationException>(() => Sut.UpdateAsync("c1", new UpdateOAuthClientRequest { Name = "x" }));
        var strings = await Assert.ThrowsAsync<OAuthClientsValidationException>(() => Sut.UpdateAsync("c2", new UpdateOAuthClientRequest { Name = "x" }));

        Assert.Equal((HttpStatusCode)422, map.StatusCode);
        Assert.Equal("Unprocessable Entity", map.ErrorCode);
        Assert.Equal(["name: Too long", "name: Reserved", "redirectUris: Invalid"], map.Errors);
        Assert.Equal(["name is required", "scopes is required"], strings.Errors);
    }

    [Theory]
    [InlineData("get-client.response.404.json")]
    [InlineData("error.404.json")]
    [InlineData("error.404.org-not-found.json")]
    [InlineData("error.problem-details.derived-app.json")]
    public async Task GetAsync_NotFoundProblems_ThrowNotFoundException(string fixture)
    {
        Problem("GET", $"{Collection}/c1", 404, Fixtures.Read("cerberus", fixture));

        var error = await Assert.ThrowsAsync<OAuthClientNotFoundException>(() => Sut.GetAsync("c1"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("req_1234567890abcdef", error.RequestId);
    }

    [Theory]
    [InlineData("error.401.json", HttpStatusCode.Unauthorized)]
    [InlineData("error.401.invalid-session.json", HttpStatusCode.Unauthorized)]
    [InlineData("error.401.with-instance.json", HttpStatusCode.Unauthorized)]
    [InlineData("error.401.mfa-required.json", HttpStatusCode.Unauthorized)]
    [InlineData("error.401.mfa-enrollment.json", HttpStatusCode.Unauthorized)]
    [InlineData("get-client.response.401.json", HttpStatusCode.Unauthorized)]
    [InlineData("error.403.json", HttpStatusCode.Forbidden)]
    [InlineData("error.409.json", HttpStatusCode.Conflict)]
    [InlineData("error.409.with-instance.json", HttpStatusCode.Conflict)]
    [InlineData("error.500.json", HttpStatusCode.InternalServerError)]
    public async Task GetAsync_OtherProblems_ThrowApiExceptionWithDetail(string fixture, HttpStatusCode status)
    {
        var body = Fixtures.Read("cerberus", fixture);
        Problem("GET", $"{Collection}/c1", (int)status, body);

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Sut.GetAsync("c1"));

        Assert.Equal(typeof(OAuthClientsApiException), error.GetType());
        Assert.Equal(status, error.StatusCode);
        var detail = System.Text.Json.Nodes.JsonNode.Parse(body)!["detail"]!.GetValue<string>();
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.ErrorCode);
    }

    [Fact]
    public async Task RotateSecretAsync_RateLimited_ThrowsRateLimitExceptionWithRetryAfter()
    {
        Problem("POST", $"{Collection}/c1/rotate-secret", 429, Fixtures.Read("cerberus", "error.429.json"), retryAfter: "30");

        var error = await Assert.ThrowsAsync<OAuthClientsRateLimitException>(() => Sut.RotateSecretAsync("c1"));

        Assert.Equal("rate-limit", error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
    }

    [Fact]
    public async Task GetAsync_RetryAfterOnlyInBody_IsRead()
    {
        Problem("GET", $"{Collection}/c1", 429, """{ "title": "Too Many Requests", "status": 429, "retryAfter": 7 }""");

        var error = await Assert.ThrowsAsync<OAuthClientsRateLimitException>(() => Sut.GetAsync("c1"));

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Fact]
    public async Task RotateSecretAsync_SuccessWithoutSecret_SaysTheSecretMayHaveChanged()
    {
        Server.Server.Json("POST", $"{Collection}/c1/rotate-secret", 200, Fixtures.Read("cerberus", "revoke-client.response.200.json"));

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Sut.RotateSecretAsync("c1"));

        Assert.Contains("no 'clientSecret'", error.Message, StringComparison.Ordinal);
        Assert.Contains("old one may no longer work", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_TruncatedCreateResponse_MasksTheClientSecretInTheExcerpt()
    {
        Server.Server.Json("POST", Collection, 201, """{ "id": "c1", "clientSecret": "secret_VeryPrivateValue9876", "name": "Ap""");

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Sut.CreateAsync(NewClient));

        Assert.DoesNotContain("VeryPrivateValue9876", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("reported success, so the client may have been created", error.Message, StringComparison.Ordinal);
    }
}
