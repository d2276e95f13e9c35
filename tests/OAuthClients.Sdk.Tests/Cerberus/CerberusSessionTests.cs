using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace OAuthClients.Sdk.Tests.Cerberus;

/// <summary>Session mode: the cookie, and the CSRF token's whole lifecycle.</summary>
public sealed class CerberusSessionTests(LoopbackServer server) : CerberusTestBase(server)
{
    private const string Created = """{ "id": "c1", "clientId": "cc1", "name": "App", "clientType": "confidential", "clientSecret": "secret_0123456789abcdef" }""";
    private const string CsrfProblem = """{ "type": "https://cerberus-iam.dev/problems/forbidden", "title": "Forbidden", "status": 403, "detail": "Invalid CSRF token" }""";

    private const string Profile = "/v1/me/profile";
    private const string ProfileBody = """{ "id": "u1", "email": "bot@acme.test", "permissions": ["clients:read"] }""";

    private static CreateOAuthClientRequest NewClient => new() { Name = "App", RedirectUris = ["https://app.example.com/cb"], AllowedScopes = ["openid"] };

    [Fact]
    public async Task CreateAsync_InitialToken_SendsCookieAndTokenButNoAuthorization()
    {
        Server.Server.Json("POST", Collection, 201, Created);
        var sut = new OAuthClientsClient(SessionOptions(csrfToken: "csrf-initial"));

        await sut.CreateAsync(NewClient);

        var request = Server.SingleRequest();
        Assert.Equal($"cerberus_session={SessionCookie}", LoopbackServer.Header(request, "Cookie"));
        Assert.Equal("csrf-initial", LoopbackServer.Header(request, "X-CSRF-Token"));
        Assert.Equal("acme-corp", LoopbackServer.Header(request, "X-Org-Domain"));
        Assert.Null(LoopbackServer.Header(request, "Authorization"));
    }

    [Fact]
    public async Task GetAsync_SessionMode_SendsCookieWithoutCsrfToken()
    {
        Server.Server.Json("GET", $"{Collection}/c1", 200, Created);
        var sut = new OAuthClientsClient(SessionOptions(csrfToken: "csrf-initial"));

        await sut.GetAsync("c1");

        var request = Server.SingleRequest();
        Assert.Equal($"cerberus_session={SessionCookie}", LoopbackServer.Header(request, "Cookie"));
        Assert.Null(LoopbackServer.Header(request, "X-CSRF-Token"));
    }

    [Fact]
    public async Task CreateAsync_CustomCookieName_IsUsed()
    {
        Server.Server.Json("POST", Collection, 201, Created);
        var options = SessionOptions(csrfToken: "t");
        options.SessionCookieName = "cerb_sid";

        await new OAuthClientsClient(options).CreateAsync(NewClient);

        Assert.Equal($"cerb_sid={SessionCookie}", LoopbackServer.Header(Server.SingleRequest(), "Cookie"));
    }

    [Fact]
    public async Task Writes_TokenRotatedByResponses_UseTheNewestTokenAndSendBackTheCsrfCookie()
    {
        Server.Server.Given(Request.Create().WithPath($"{Collection}/c1").UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("X-CSRF-Token", "csrf-from-get")
            .WithHeader("Set-Cookie", "cerb_csrf=double-submit-1; Path=/; SameSite=Lax")
            .WithBody(Created));
        Server.Server.Given(Request.Create().WithPath($"{Collection}/c1").UsingPatch()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("X-CSRF-Token", "csrf-from-patch")
            .WithBody(Created));
        Server.Server.Status("DELETE", $"{Collection}/c1", 204);
        var sut = new OAuthClientsClient(SessionOptions(csrfToken: "csrf-initial"));

        await sut.GetAsync("c1");
        await sut.UpdateAsync("c1", new UpdateOAuthClientRequest { Name = "x" });
        await sut.DeleteAsync("c1");

        var requests = Server.Requests;
        Assert.Equal(["GET", "PATCH", "DELETE"], requests.Select(r => r.Method));
        Assert.Equal("csrf-from-get", LoopbackServer.Header(requests[1], "X-CSRF-Token"));
        Assert.Equal($"cerberus_session={SessionCookie}; cerb_csrf=double-submit-1", LoopbackServer.Header(requests[1], "Cookie"));
        Assert.Equal("csrf-from-patch", LoopbackServer.Header(requests[2], "X-CSRF-Token"));
    }

    [Fact]
    public async Task CreateAsync_NoToken_FetchesOneWithTheCheapProfileGetFirst()
    {
        Server.Server.Given(Request.Create().WithPath(Profile).UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("X-CSRF-Token", "csrf-fetched").WithBody(ProfileBody));
        Server.Server.Json("POST", Collection, 201, Created);
        var sut = new OAuthClientsClient(SessionOptions());

        var created = await sut.CreateAsync(NewClient);

        var requests = Server.Requests;
        Assert.Equal(["GET", "POST"], requests.Select(r => r.Method));
        Assert.Equal(Profile, requests[0].AbsolutePath);
        Assert.Null(LoopbackServer.Header(requests[0], "X-CSRF-Token"));
        Assert.Equal("csrf-fetched", LoopbackServer.Header(requests[1], "X-CSRF-Token"));
        Assert.Equal("c1", created.Client.Id);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(419)]
    public async Task CreateAsync_CsrfRefusalWithFreshToken_IsSentOnceMoreWithTheFreshToken(int status)
    {
        Server.Server.Given(Request.Create().WithPath(Collection).UsingPost().WithHeader("X-CSRF-Token", "csrf-stale")).RespondWith(Response.Create()
            .WithStatusCode(status).WithHeader("Content-Type", "application/problem+json").WithHeader("X-CSRF-Token", "csrf-fresh").WithBody(CsrfProblem));
        Server.Server.Given(Request.Create().WithPath(Collection).UsingPost().WithHeader("X-CSRF-Token", "csrf-fresh")).RespondWith(Response.Create()
            .WithStatusCode(201).WithBody(Created));
        var sut = new OAuthClientsClient(SessionOptions(csrfToken: "csrf-stale"));

        var created = await sut.CreateAsync(NewClient);

        Assert.Equal(["csrf-stale", "csrf-fresh"], Server.Requests.Select(r => LoopbackServer.Header(r, "X-CSRF-Token")));
        Assert.Equal("secret_0123456789abcdef", created.Secret!.Reveal());
    }

    [Fact]
    public async Task CreateAsync_CsrfRefusalWithFreshToken_LogsTheReplay()
    {
        Server.Server.Given(Request.Create().WithPath(Collection).UsingPost().WithHeader("X-CSRF-Token", "csrf-stale")).RespondWith(Response.Create()
            .WithStatusCode(403).WithHeader("Content-Type", "application/problem+json").WithHeader("X-CSRF-Token", "csrf-fresh").WithBody(CsrfProblem));
        Server.Server.Given(Request.Create().WithPath(Collection).UsingPost().WithHeader("X-CSRF-Token", "csrf-fresh")).RespondWith(Response.Create()
            .WithStatusCode(201).WithBody(Created));
        var session = SessionOptions(csrfToken: "csrf-stale");
        using var host = new TestHost(o =>
        {
            o.Dialect = session.Dialect;
            o.BaseAddress = session.BaseAddress;
            o.Tenant = session.Tenant;
            o.SessionCookie = session.SessionCookie;
            o.CsrfToken = session.CsrfToken;
            o.MaxRetries = 0;
        });

        await host.Time.Drive(host.Client.CreateAsync(NewClient));

        var replay = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Name == "ReplayingWithFreshCredentials");
        Assert.Equal("POST", replay.GetStructuredStateValue("Method"));
        Assert.Equal(2, Server.Requests.Length);
    }

    [Fact]
    public async Task DeleteAsync_CsrfRefusalWithoutToken_FetchesATokenAndRetriesOnce()
    {
        Server.Server.Given(Request.Create().WithPath($"{Collection}/c1").UsingDelete().WithHeader("X-CSRF-Token", "csrf-stale")).RespondWith(Response.Create()
            .WithStatusCode(403).WithBody(CsrfProblem));
        Server.Server.Given(Request.Create().WithPath(Profile).UsingGet()).RespondWith(Response.Create()
            .WithStatusCode(200).WithHeader("X-CSRF-Token", "csrf-fetched").WithBody(ProfileBody));
        Server.Server.Given(Request.Create().WithPath($"{Collection}/c1").UsingDelete().WithHeader("X-CSRF-Token", "csrf-fetched")).RespondWith(Response.Create()
            .WithStatusCode(204));
        var sut = new OAuthClientsClient(SessionOptions(csrfToken: "csrf-stale"));

        await sut.DeleteAsync("c1");

        Assert.Equal(["DELETE", "GET", "DELETE"], Server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task CreateAsync_CsrfRefusedTwice_SendsExactlyTwiceThenThrows()
    {
        Server.Server.Given(Request.Create().WithPath(Collection).UsingPost()).RespondWith(Response.Create()
            .WithStatusCode(403).WithHeader("X-CSRF-Token", "csrf-next").WithBody(CsrfProblem));
        var sut = new OAuthClientsClient(SessionOptions(csrfToken: "csrf-stale"));

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => sut.CreateAsync(NewClient));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(2, Server.Requests.Length);
    }

    [Fact]
    public async Task CreateAsync_PermissionRefusal_IsNotRetried()
    {
        Server.Server.Json("POST", Collection, 403, Fixtures.Read("cerberus", "get-client.response.403.json"));
        var sut = new OAuthClientsClient(SessionOptions(csrfToken: "csrf-ok"));

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => sut.CreateAsync(NewClient));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("forbidden", error.ErrorCode);
        Assert.Contains("Missing required permission", error.Message, StringComparison.Ordinal);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task GetAsync_ForbiddenMentioningCsrf_IsNotRetriedBecauseReadsNeedNoToken()
    {
        Server.Server.Json("GET", $"{Collection}/c1", 403, CsrfProblem);
        var sut = new OAuthClientsClient(SessionOptions(csrfToken: "csrf-ok"));

        await Assert.ThrowsAsync<OAuthClientsApiException>(() => sut.GetAsync("c1"));

        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task ApiKeyMode_CsrfRefusal_IsNotRetried()
    {
        Server.Server.Json("POST", Collection, 403, CsrfProblem);
        var sut = new OAuthClientsClient(ApiKeyOptions());

        await Assert.ThrowsAsync<OAuthClientsApiException>(() => sut.CreateAsync(NewClient));

        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task CreateAsync_ManyConcurrentWritesWithoutToken_ShareOneTokenFetch()
    {
        Server.Server.Given(Request.Create().WithPath(Profile).UsingGet()).RespondWith(Response.Create()
            .WithStatusCode(200).WithHeader("X-CSRF-Token", "csrf-shared").WithDelay(TimeSpan.FromMilliseconds(50)).WithBody(ProfileBody));
        Server.Server.Given(Request.Create().WithPath(Collection).UsingPost().WithHeader("X-CSRF-Token", "csrf-shared")).RespondWith(Response.Create()
            .WithStatusCode(201).WithBody(Created));
        var sut = new OAuthClientsClient(SessionOptions());

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => sut.CreateAsync(NewClient)));

        Assert.All(results, r => Assert.Equal("c1", r.Client.Id));
        Assert.Single(Server.Requests, r => r.Method == "GET");
        Assert.Equal(32, Server.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task Requests_ServerRenewsTheSession_UseTheRenewedCookie()
    {
        Server.Server.Given(Request.Create().WithPath($"{Collection}/c1").UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Set-Cookie", "cerberus_session=renewed-session; HttpOnly; Secure; Path=/").WithBody(Created));
        var sut = new OAuthClientsClient(SessionOptions(csrfToken: "t"));

        await sut.GetAsync("c1");
        await sut.GetAsync("c1");

        Assert.Equal("cerberus_session=renewed-session", LoopbackServer.Header(Server.Requests[1], "Cookie"));
    }
}
