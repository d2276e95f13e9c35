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

/// <summary>Login mode against exact wire answers: the login, its refusals, the re-login after a 401, and the CSRF/session edge cases.</summary>
public sealed class CerberusLoginTests(LoopbackServer server) : CerberusTestBase(server)
{
    private const string Email = "svc-bot@acme.test";
    private const string Password = "correct horse battery staple";
    private const string LoginPath = "/v1/auth/login";
    private const string Profile = "/v1/me/profile";
    private const string Client = """{ "id": "c1", "clientId": "cc1", "name": "App", "clientType": "confidential", "clientSecret": "secret_0123456789abcdef" }""";
    private const string LoginBody = """{ "message": "Login successful", "user": { "id": "u1", "email": "svc-bot@acme.test", "name": "Bot" }, "organisation": { "id": "o1", "slug": "acme-corp", "name": "Acme" } }""";

    private static CreateOAuthClientRequest NewClient => new() { Name = "App", RedirectUris = ["https://app.example.com/cb"], AllowedScopes = ["openid"] };

    [Fact]
    public async Task GetAsync_LoginMode_LogsInFirstWithoutCookieThenSendsTheServersSessionCookie()
    {
        StubLogin("sess-1");
        Server.Server.Json("GET", $"{Collection}/c1", 200, Client);
        var sut = new OAuthClientsClient(LoginOptions());

        await sut.GetAsync("c1");

        var requests = Server.Requests;
        Assert.Equal([LoginPath, $"{Collection}/c1"], requests.Select(r => r.AbsolutePath));
        JsonAssert.Equal($$"""{ "email": "{{Email}}", "password": "{{Password}}" }""", requests[0].Body!);
        Assert.Equal("acme-corp", LoopbackServer.Header(requests[0], "X-Org-Domain"));
        Assert.Null(LoopbackServer.Header(requests[0], "Cookie"));
        Assert.Null(LoopbackServer.Header(requests[0], "X-CSRF-Token"));

        // The server's SESSION_COOKIE_NAME (cerb_sid), not the configured default.
        Assert.Equal("cerb_sid=sess-1", LoopbackServer.Header(requests[1], "Cookie"));
        Assert.Null(LoopbackServer.Header(requests[1], "Authorization"));
    }

    [Fact]
    public async Task CreateAsync_LoginMode_FetchesTheTokenFromTheProfileAndSendsItWithItsCookie()
    {
        StubLogin("sess-1", withCsrf: false);
        Server.Server.Given(Request.Create().WithPath(Profile).UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("X-CSRF-Token", "csrf-1").WithHeader("Set-Cookie", "cerb_csrf=secret-1; Path=/; HttpOnly").WithBody("""{ "id": "u1" }"""));
        Server.Server.Json("POST", Collection, 201, Client);
        var sut = new OAuthClientsClient(LoginOptions());

        await sut.CreateAsync(NewClient);

        var requests = Server.Requests;
        Assert.Equal([LoginPath, Profile, Collection], requests.Select(r => r.AbsolutePath));
        Assert.Equal("csrf-1", LoopbackServer.Header(requests[2], "X-CSRF-Token"));
        Assert.Equal("cerb_sid=sess-1; cerb_csrf=secret-1", LoopbackServer.Header(requests[2], "Cookie"));
    }

    [Fact]
    public async Task CreateAsync_SessionRefusedWith401_LogsInOnceAndReplaysTheRefusedRequest()
    {
        Server.Server.OnceThen("POST", LoginPath, LoginResponse("sess-1"), LoginResponse("sess-2"));
        Server.Server.Given(Request.Create().WithPath(Collection).UsingPost().WithHeader("Cookie", "cerb_sid=sess-1*")).RespondWith(Response.Create()
            .WithStatusCode(401).WithBody("""{ "status": 401, "detail": "Invalid or expired session" }"""));
        Server.Server.Given(Request.Create().WithPath(Collection).UsingPost().WithHeader("Cookie", "cerb_sid=sess-2*")).RespondWith(Response.Create()
            .WithStatusCode(201).WithBody(Client));
        var sut = new OAuthClientsClient(LoginOptions());

        var created = await sut.CreateAsync(NewClient);

        Assert.Equal("secret_0123456789abcdef", created.Secret!.Reveal());
        Assert.Equal([LoginPath, Collection, LoginPath, Collection], Server.Requests.Select(r => r.AbsolutePath));
    }

    [Fact]
    public async Task CreateAsync_401AfterTheReLogin_ThrowsWithoutALoginStorm()
    {
        StubLogin("sess-1");
        Server.Server.Json("POST", Collection, 401, """{ "status": 401, "detail": "Invalid or expired session" }""");
        var sut = new OAuthClientsClient(LoginOptions());

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => sut.CreateAsync(NewClient));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(2, Server.Requests.Count(r => r.AbsolutePath == LoginPath));
        Assert.Equal(2, Server.Requests.Count(r => r.AbsolutePath == Collection));
    }

    [Fact]
    public async Task CreateAsync_PermissionRefusal_IsNeitherReplayedNorALogin()
    {
        StubLogin("sess-1");
        Server.Server.Json("POST", Collection, 403, """{ "status": 403, "title": "Forbidden", "detail": "Missing permission: clients:create" }""");
        var sut = new OAuthClientsClient(LoginOptions());

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => sut.CreateAsync(NewClient));

        Assert.Contains("Missing permission: clients:create", error.Message, StringComparison.Ordinal);
        Assert.Equal([LoginPath, Collection], Server.Requests.Select(r => r.AbsolutePath));
    }

    [Fact]
    public async Task GetAsync_OrganisationMismatch_IsNotReplayedAndTheNextCallLogsInAgain()
    {
        Server.Server.OnceThen("POST", LoginPath, LoginResponse("sess-1"), LoginResponse("sess-2"));
        Server.Server.Given(Request.Create().WithPath($"{Collection}/c1").UsingGet()).RespondWith(Response.Create().WithStatusCode(403)
            .WithHeader("Set-Cookie", "cerb_sid=; Path=/; Max-Age=0").WithBody("""{ "status": 403, "detail": "Session does not match organisation context" }"""));
        Server.Server.Json("GET", $"{Collection}/c2", 200, Client);
        var sut = new OAuthClientsClient(LoginOptions());

        await Assert.ThrowsAsync<OAuthClientsApiException>(() => sut.GetAsync("c1"));
        await sut.GetAsync("c2");

        var requests = Server.Requests;
        Assert.Equal([LoginPath, $"{Collection}/c1", LoginPath, $"{Collection}/c2"], requests.Select(r => r.AbsolutePath));
        Assert.Equal("cerb_sid=sess-2", LoopbackServer.Header(requests[3], "Cookie"));
    }

    [Theory]
    [InlineData("cerb_sid=deleted; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT")]
    [InlineData("cerb_sid=; Path=/")]
    [InlineData("cerb_sid=sess-1; Path=/; Max-Age=0")]
    public async Task GetAsync_SessionCookieCleared_DropsTheSessionAndLogsInOnce(string clearing)
    {
        Server.Server.OnceThen("POST", LoginPath, LoginResponse("sess-1"), LoginResponse("sess-2"));
        Server.Server.Given(Request.Create().WithPath($"{Collection}/c1").UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Set-Cookie", clearing).WithBody(Client));
        Server.Server.Json("GET", $"{Collection}/c2", 200, Client);
        var sut = new OAuthClientsClient(LoginOptions());

        await sut.GetAsync("c1");
        await sut.GetAsync("c2");
        await sut.GetAsync("c2");

        var requests = Server.Requests;
        Assert.Equal(2, requests.Count(r => r.AbsolutePath == LoginPath));
        Assert.Equal("cerb_sid=sess-2", LoopbackServer.Header(requests.Last(), "Cookie"));
    }

    [Theory]
    [InlineData("cerb_sid=sess-1; path=/; max-age=0")]
    [InlineData("cerb_sid=sess-1; Max-Age=-1")]
    [InlineData("cerb_sid=sess-1; Max-Age=3600; Max-Age=0")]
    [InlineData("cerb_sid=\"\"; Path=/")]
    [InlineData("cerb_sid; Path=/")]
    [InlineData("cerb_sid=sess-1; Max-Age=-99999999999999999")]
    public async Task GetAsync_SessionCookieClearedInAnyCaseOrSign_DropsTheSessionAndLogsInOnce(string clearing) =>
        await GetAsync_SessionCookieCleared_DropsTheSessionAndLogsInOnce(clearing);

    [Theory]
    [InlineData("cerb_sid=sess-renewed; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=3600", "sess-renewed")]
    [InlineData("cerb_sid=sess-renewed; Expires=Fri, 01 Jan 2100 00:00:00 GMT", "sess-renewed")]
    [InlineData("cerb_sid=sess-renewed; Max-Age=soon", "sess-renewed")]
    [InlineData("cerb_sid=sess-renewed; Max-Age=99999999999999999", "sess-renewed")]
    [InlineData("cerb_sid = \"sess-quoted\" ; HttpOnly; Max-Age=3600", "sess-quoted")]
    [InlineData("cerb_sid=abc==; Max-Age=3600", "abc==")]
    [InlineData("=sess-nameless; Max-Age=0", "sess-1")]
    [InlineData("other=x; Max-Age=0", "sess-1")]
    public async Task GetAsync_SessionCookieSetAndNotCleared_IsSentFromThenOnWithoutALogin(string setCookie, string sent)
    {
        StubLogin("sess-1");
        Server.Server.Given(Request.Create().WithPath($"{Collection}/c1").UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Set-Cookie", setCookie).WithBody(Client));
        var sut = new OAuthClientsClient(LoginOptions());

        await sut.GetAsync("c1");
        await sut.GetAsync("c1");

        Assert.Equal($"cerb_sid={sent}", LoopbackServer.Header(Server.Requests.Last(), "Cookie"));
        Assert.Single(Server.Requests, r => r.AbsolutePath == LoginPath);
    }

    [Fact]
    public async Task GetAsync_RenewedCookieOnAResponse_IsUsedFromThenOn()
    {
        StubLogin("sess-1");
        Server.Server.Given(Request.Create().WithPath($"{Collection}/c1").UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Set-Cookie", "cerb_sid=sess-renewed; Path=/; HttpOnly; Max-Age=3600").WithBody(Client));
        var sut = new OAuthClientsClient(LoginOptions());

        await sut.GetAsync("c1");
        await sut.GetAsync("c1");

        Assert.Equal("cerb_sid=sess-renewed", LoopbackServer.Header(Server.Requests.Last(), "Cookie"));
        Assert.Single(Server.Requests, r => r.AbsolutePath == LoginPath);
    }

    [Fact]
    public async Task CreateAsync_NewCsrfCookieWithoutItsToken_FetchesTheTokenThatBelongsToIt()
    {
        Server.Server.Given(Request.Create().WithPath($"{Collection}/c1").UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Set-Cookie", "cerb_csrf=secret-2; Path=/; HttpOnly").WithBody(Client));
        Server.Server.Given(Request.Create().WithPath(Profile).UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("X-CSRF-Token", "csrf-for-secret-2").WithBody("""{ "id": "u1" }"""));
        Server.Server.Json("POST", Collection, 201, Client);
        var sut = new OAuthClientsClient(SessionOptions(csrfToken: "csrf-for-an-older-secret"));

        await sut.GetAsync("c1");
        await sut.CreateAsync(NewClient);

        var requests = Server.Requests;
        Assert.Equal([$"{Collection}/c1", Profile, Collection], requests.Select(r => r.AbsolutePath));
        Assert.Equal("cerb_csrf=secret-2", SetCookiePair(LoopbackServer.Header(requests[1], "Cookie"), "cerb_csrf"));
        Assert.Equal("csrf-for-secret-2", LoopbackServer.Header(requests[2], "X-CSRF-Token"));
        Assert.Equal("cerb_csrf=secret-2", SetCookiePair(LoopbackServer.Header(requests[2], "Cookie"), "cerb_csrf"));
    }

    [Fact]
    public async Task CreateAsync_TokenOnALaterResponse_TravelsWithTheCookieItsRequestCarried()
    {
        // The GET carries secret-1 and gets a token for it; meanwhile nothing else changes the secret.
        Server.Server.Given(Request.Create().WithPath($"{Collection}/c1").UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("X-CSRF-Token", "csrf-a").WithHeader("Set-Cookie", "cerb_csrf=secret-1; Path=/").WithBody(Client));
        Server.Server.Given(Request.Create().WithPath($"{Collection}/c2").UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("X-CSRF-Token", "csrf-b").WithBody(Client));
        Server.Server.Json("POST", Collection, 201, Client);
        var sut = new OAuthClientsClient(SessionOptions(csrfToken: "csrf-initial"));

        await sut.GetAsync("c1");
        await sut.GetAsync("c2");
        await sut.CreateAsync(NewClient);

        var post = Server.Requests.Last();
        Assert.Equal("csrf-b", LoopbackServer.Header(post, "X-CSRF-Token"));
        Assert.Equal("cerb_csrf=secret-1", SetCookiePair(LoopbackServer.Header(post, "Cookie"), "cerb_csrf"));
    }

    [Fact]
    public async Task GetAsync_PastedSessionRefusedWith401_IsNotReplayed()
    {
        Server.Server.Json("GET", $"{Collection}/c1", 401, """{ "status": 401, "detail": "Invalid or expired session" }""");
        var sut = new OAuthClientsClient(SessionOptions());

        await Assert.ThrowsAsync<OAuthClientsApiException>(() => sut.GetAsync("c1"));

        Assert.Single(Server.Requests);
    }

    public static TheoryData<int, string, string> Refusals() => new()
    {
        { 401, "Account is blocked", "the account is blocked: ask a Cerberus administrator to unblock it" },
        { 401, "Invalid email or password", "the email or password is wrong: check Login:Email and Login:Password" },
        { 401, "Wrong password", "the email or password is wrong: check Login:Email and Login:Password" },
        { 401, "Unknown EMAIL", "the email or password is wrong: check Login:Email and Login:Password" },
        { 401, "Invalid credentials", "the credentials were not accepted: check Login:Email and Login:Password" },
        { 403, "Session authentication is disabled", "this deployment does not allow session logins (AUTH_ALLOW_SESSIONS=false): use an ApiKey instead" },
        { 403, "Forbidden", "this deployment does not allow session logins (AUTH_ALLOW_SESSIONS=false): use an ApiKey instead" },
        { 404, "Not Found", "this deployment does not allow session logins (AUTH_ALLOW_SESSIONS=false): use an ApiKey instead" },
        { 405, "Method Not Allowed", "this deployment does not allow session logins (AUTH_ALLOW_SESSIONS=false): use an ApiKey instead" },
        { 501, "Not Implemented", "this deployment does not allow session logins (AUTH_ALLOW_SESSIONS=false): use an ApiKey instead" },
        { 400, "Sessions are disabled here", "this deployment does not allow session logins (AUTH_ALLOW_SESSIONS=false): use an ApiKey instead" },
        { 500, "Internal error", "see the server's answer" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task GetAsync_LoginRefused_SaysWhatToDoAndSendsNothingElse(int status, string detail, string advice)
    {
        Server.Server.Json("POST", LoginPath, status, $$"""{ "status": {{status}}, "detail": "{{detail}}" }""");
        var sut = new OAuthClientsClient(LoginOptions());

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => sut.GetAsync("c1"));

        Assert.Equal(status, (int)error.StatusCode);
        Assert.StartsWith($"Cerberus refused the login of the configured service account (OAuthClients:Login): {advice}. ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($" to POST /v1/auth/login: {detail}.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Email, error.ToString(), StringComparison.Ordinal);
        Assert.Equal([LoginPath], Server.Requests.Select(r => r.AbsolutePath));
    }

    [Theory]
    [InlineData("""{ "status": 401, "detail": "Multi-factor authentication required", "requiresMfa": true }""", false)]
    [InlineData("""{ "status": 401, "detail": "Invalid MFA token", "requiresMfa": true }""", false)]
    [InlineData("""{ "status": 401, "detail": "MFA enrollment required before logging in", "requiresEnrollment": true }""", true)]
    public async Task GetAsync_LoginNeedsMfa_ThrowsTheMfaExceptionThatNamesTheWayOut(string body, bool enrollment)
    {
        var why = enrollment ? "the account must enroll in multi-factor authentication first" : "the account requires multi-factor authentication";
        Server.Server.Json("POST", LoginPath, 401, body);
        var sut = new OAuthClientsClient(LoginOptions());

        var error = await Assert.ThrowsAsync<OAuthClientsMfaRequiredException>(() => sut.GetAsync("c1"));

        Assert.Equal(enrollment, error.RequiresEnrollment);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.StartsWith($"Cerberus refused the login of the configured service account (OAuthClients:Login): {why}, which an unattended client cannot provide. Use a service account without MFA, or an ApiKey. ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task GetAsync_LoginRateLimited_ThrowsTheRateLimitExceptionWithTheWait()
    {
        Server.Server.Json("POST", LoginPath, 429, """{ "status": 429, "detail": "Too many login attempts" }""", new System.Collections.Generic.Dictionary<string, string> { ["Retry-After"] = "60" });
        var sut = new OAuthClientsClient(LoginOptions());

        var error = await Assert.ThrowsAsync<OAuthClientsRateLimitException>(() => sut.GetAsync("c1"));

        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
        Assert.Contains("30 a minute", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_LoginWithoutSessionCookie_ThrowsNamingTheCookieName()
    {
        Server.Server.Json("POST", LoginPath, 200, LoginBody);
        var sut = new OAuthClientsClient(LoginOptions());

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => sut.GetAsync("c1"));

        Assert.Contains("SessionCookieName", error.Message, StringComparison.Ordinal);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task GetAsync_LoginAnswerWithANamelessCookieOnly_ThrowsNamingTheCookieName()
    {
        Server.Server.Given(Request.Create().WithPath(LoginPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Set-Cookie", "=sess-nameless; Path=/; Max-Age=3600").WithBody(LoginBody));
        var sut = new OAuthClientsClient(LoginOptions());

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => sut.GetAsync("c1"));

        Assert.Contains("SessionCookieName", error.Message, StringComparison.Ordinal);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task GetAsync_LoginAnswerClearingTheConfiguredCookieAndSettingAnother_AdoptsTheOther()
    {
        Server.Server.Given(Request.Create().WithPath(LoginPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Set-Cookie", "cerberus_session=; Path=/; Max-Age=0", "cerb_sid=sess-1; Path=/; HttpOnly; Max-Age=3600").WithBody(LoginBody));
        Server.Server.Json("GET", $"{Collection}/c1", 200, Client);
        var sut = new OAuthClientsClient(LoginOptions());

        await sut.GetAsync("c1");

        Assert.Equal("cerb_sid=sess-1", LoopbackServer.Header(Server.Requests.Last(), "Cookie"));
    }

    [Fact]
    public async Task DisposeAsync_LoginMode_LogsOutWithTheSessionCookie()
    {
        StubLogin("sess-1");
        Server.Server.Json("GET", $"{Collection}/c1", 200, Client);
        Server.Server.Status("DELETE", "/v1/auth/session", 204);
        var sut = new OAuthClientsClient(LoginOptions());
        await sut.GetAsync("c1");

        await sut.DisposeAsync();
        await sut.DisposeAsync();

        var logout = Server.Requests.Last();
        Assert.Equal(("DELETE", "/v1/auth/session"), (logout.Method, logout.AbsolutePath));
        Assert.Equal("cerb_sid=sess-1", LoopbackServer.Header(logout, "Cookie"));
        Assert.Null(LoopbackServer.Header(logout, "X-CSRF-Token"));
        Assert.Single(Server.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task DisposeAsync_LogoutFails_DoesNotThrow()
    {
        StubLogin("sess-1");
        Server.Server.Json("GET", $"{Collection}/c1", 200, Client);
        Server.Server.Json("DELETE", "/v1/auth/session", 500, """{ "status": 500 }""");
        var sut = new OAuthClientsClient(LoginOptions());
        await sut.GetAsync("c1");

        await sut.DisposeAsync();

        Assert.Single(Server.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task DisposeAsync_PastedSessionOrNoLoginYet_SendsNothing()
    {
        var pasted = new OAuthClientsClient(SessionOptions());
        var unused = new OAuthClientsClient(LoginOptions());

        await pasted.DisposeAsync();
        await unused.DisposeAsync();

        Assert.Empty(Server.Requests);
    }

    private static string? SetCookiePair(string? cookieHeader, string name) =>
        cookieHeader?.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith(name + "=", StringComparison.Ordinal));

    private static IResponseBuilder LoginResponse(string session, bool withCsrf = true)
    {
        var response = Response.Create().WithStatusCode(200).WithBody(LoginBody)
            .WithHeader("Set-Cookie", $"cerb_sid={session}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=3600");
        return withCsrf ? response.WithHeader("X-CSRF-Token", "csrf-" + session) : response;
    }

    private void StubLogin(string session, bool withCsrf = true) =>
        Server.Server.Given(Request.Create().WithPath(LoginPath).UsingPost()).RespondWith(LoginResponse(session, withCsrf));

    private OAuthClientsOptions LoginOptions() => new()
    {
        Dialect = OAuthDialect.Cerberus,
        BaseAddress = Server.BaseAddress,
        Tenant = "acme-corp",
        Login = new LoginOptions { Email = Email, Password = Password },
        Timeout = TimeSpan.FromSeconds(10),
        MaxRetries = 0,
    };
}
