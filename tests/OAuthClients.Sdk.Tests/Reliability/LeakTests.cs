using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace OAuthClients.Sdk.Tests.Reliability;

/// <summary>
/// A full lifecycle of each dialect, with failures and retries, and every log line captured at Trace: no API key,
/// session cookie, CSRF token or client secret appears in any log line, exception or ToString().
/// </summary>
public sealed class LeakTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private const string ApiKey = "sk_live_LEAKCHECK_apikey_7f3a9c";
    private const string Session = "LEAKCHECK_session_5e8d1b";
    private const string InitialCsrf = "LEAKCHECK_csrf_initial_2a6f";
    private const string RotatedCsrf = "LEAKCHECK_csrf_rotated_9b4e";
    private const string CsrfCookie = "LEAKCHECK_csrfcookie_3c7d";
    private const string CreatedSecret = "cs_live_LEAKCHECK_created_8e2f";
    private const string RotatedSecret = "cs_live_LEAKCHECK_rotated_1d5a";

    private const string AdminSecret = "LEAKCHECK_admin_secret_4b1e";
    private const string FirstToken = "LEAKCHECK_token_first_6c2d";
    private const string SecondToken = "LEAKCHECK_token_second_0f9a";

    private const string LoginEmail = "LEAKCHECK.bot@acme.test";
    private const string LoginPassword = "LEAKCHECK password 7e1c";
    private const string LoginSession1 = "LEAKCHECK_login_session_1";
    private const string LoginSession2 = "LEAKCHECK_login_session_2";
    private const string LoginCsrf1 = "LEAKCHECK_login_csrf_1";
    private const string LoginCsrf2 = "LEAKCHECK_login_csrf_2";
    private const string LoginCsrfCookie1 = "LEAKCHECK_login_csrfcookie_1";
    private const string LoginCsrfCookie2 = "LEAKCHECK_login_csrfcookie_2";

    private static readonly string[] Secrets =
    [
        ApiKey, Session, InitialCsrf, RotatedCsrf, CsrfCookie, CreatedSecret, RotatedSecret, AdminSecret, FirstToken, SecondToken,
        LoginEmail, LoginPassword, LoginSession1, LoginSession2, LoginCsrf1, LoginCsrf2, LoginCsrfCookie1, LoginCsrfCookie2, "LEAKCHECK",
    ];

    [Fact]
    public async Task LumoAuthLifecycle_WithFailuresAndRetries_NeverLeaksACredentialOrSecret()
    {
        server.Server.Reset();
        const string Collection = "/t/acme/api/v1/admin/oauth-clients";
        var client = $$"""{ "id": "c1", "name": "App", "redirectUris": ["https://app.example.com/cb"], "secret": "{{CreatedSecret}}" }""";
        server.Server.OnceThen("POST", Collection, Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1").WithBody("{}"), Response.Create().WithStatusCode(201).WithBody(client));
        server.Server.OnceThen("GET", $"{Collection}/c1", Response.Create().WithStatusCode(503).WithBody("<html>down</html>"), Response.Create().WithStatusCode(200).WithBody(client));
        server.Server.Json("GET", Collection, 200, $"[{client}]");
        server.Server.Json("PUT", $"{Collection}/c1", 200, client);
        server.Server.Json("POST", $"{Collection}/c1/secret", 200, $$"""{ "data": { "secret": "{{RotatedSecret}}" } }""");
        server.Server.Status("DELETE", $"{Collection}/c1", 204);
        server.Server.Json("GET", $"{Collection}/echo", 401, $$"""{ "error": true, "message": "Invalid API key {{ApiKey}}", "code": "invalid_token", "details": { "apiKey": "{{ApiKey}}" } }""");
        server.Server.Json("POST", $"{Collection}/broken/secret", 200, $$"""{ "data": { "secret": "{{RotatedSecret}}" """);
        using var host = new TestHost(o => { o.BaseAddress = server.BaseAddress; o.Tenant = "acme"; o.ApiKey = ApiKey; });

        var seen = await RunLifecycle(host, brokenRotateId: "broken");

        AssertNoSecret(host, seen);
    }

    [Fact]
    public async Task LumoAuthClientsApiLifecycle_WithXApiKeyFailuresAndRetries_NeverLeaksTheKeyOrASecret()
    {
        server.Server.Reset();
        const string Collection = "/t/acme/api/v1/admin/clients";
        var client = $$"""{ "id": 1, "clientId": "c1", "name": "App", "isConfidential": true, "redirectUris": ["https://app.example.com/cb"], "scopes": [], "grantTypes": [] }""";
        var created = $$"""{ "data": { "id": 1, "clientId": "c1", "name": "App", "isConfidential": true, "secret": "{{CreatedSecret}}", "_note": "Store it" }, "message": "created" }""";
        server.Server.OnceThen("POST", Collection, Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1").WithBody("{}"), Response.Create().WithStatusCode(201).WithBody(created));
        server.Server.OnceThen("GET", $"{Collection}/c1", Response.Create().WithStatusCode(503).WithBody("<html>down</html>"), Response.Create().WithStatusCode(200).WithBody($$"""{ "data": {{client}} }"""));
        server.Server.Json("GET", Collection, 200, $$"""{ "data": [{{client}}], "meta": { "page": 1, "limit": 100, "hasNextPage": false } }""");
        server.Server.Json("PATCH", $"{Collection}/c1", 200, $$"""{ "data": {{client}}, "message": "updated" }""");
        server.Server.Json("POST", $"{Collection}/c1/rotate-secret", 200, $$"""{ "data": { "clientId": "c1", "secret": "{{RotatedSecret}}" }, "message": "rotated" }""");
        server.Server.Json("POST", $"{Collection}/c1/disable", 200, $$"""{ "data": {{client}}, "message": "disabled" }""");
        server.Server.Json("DELETE", $"{Collection}/c1/tokens", 200, """{ "message": "1 token(s) revoked successfully" }""");
        server.Server.Json("DELETE", $"{Collection}/c1", 200, """{ "message": "deleted" }""");
        server.Server.Json("GET", $"{Collection}/echo", 401, $$"""{ "error": true, "message": "Invalid API key {{ApiKey}}", "code": "invalid_token", "details": { "X-API-Key": "{{ApiKey}}", "x-api-key": "{{ApiKey}}" } }""");
        server.Server.Json("POST", $"{Collection}/broken/rotate-secret", 200, $$"""{ "data": { "secret": "{{RotatedSecret}}" """);
        using var host = new TestHost(o => { o.LumoAuthApi = LumoAuthApi.Clients; o.BaseAddress = server.BaseAddress; o.Tenant = "acme"; o.ApiKey = ApiKey; });

        var seen = await RunLifecycle(host, brokenRotateId: "broken");
        await host.Time.Drive(host.Client.DisableAsync("c1"));
        await host.Time.Drive(host.Client.RevokeTokensAsync("c1"));

        AssertNoSecret(host, seen);
        Assert.All(server.Requests, r => Assert.Equal(ApiKey, LoopbackServer.Header(r, "X-API-Key")));
        Assert.All(server.Requests, r => Assert.Null(LoopbackServer.Header(r, "Authorization")));
    }

    [Fact]
    public async Task LumoAuthClientsApi_CallerAddsHttpClientLoggingBack_XApiKeyIsRedactedInItsLines()
    {
        server.Server.Reset();
        server.Server.Json("GET", "/t/acme/api/v1/admin/clients/c1", 200, """{ "data": { "id": 1, "clientId": "c1", "name": "App" } }""");
        using var host = new TestHost(
            o => { o.LumoAuthApi = LumoAuthApi.Clients; o.BaseAddress = server.BaseAddress; o.Tenant = "acme"; o.ApiKey = ApiKey; },
            builder => builder.AddDefaultLogger());

        await host.Time.Drive(host.Client.GetAsync("c1"));

        var lines = host.Logs.GetSnapshot().Where(r => r.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true).Select(r => r.Message).ToList();
        Assert.Contains(lines, line => line.Contains("X-API-Key", StringComparison.OrdinalIgnoreCase));
        Assert.All(lines, line => Assert.DoesNotContain(ApiKey, line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LumoAuthClientCredentialsLifecycle_WithTokenRenewalAndRefusals_NeverLeaksATokenOrSecret()
    {
        server.Server.Reset();
        const string Collection = "/t/acme/api/v1/admin/oauth-clients";
        const string TokenPath = "/t/acme/api/v1/oauth/token";
        var client = $$"""{ "id": "c1", "name": "App", "redirectUris": ["https://app.example.com/cb"], "secret": "{{CreatedSecret}}" }""";
        server.Server.OnceThen("POST", TokenPath, Token(FirstToken), Token(SecondToken));

        // The first token is refused once (the server quotes it), which renews it; the create is then replayed.
        server.Server.Given(Request.Create().WithPath(Collection).UsingPost().WithHeader("Authorization", $"Bearer {FirstToken}")).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(401).WithBody($$"""{ "error": true, "code": "invalid_token", "message": "Token {{FirstToken}} expired" }"""));
        server.Server.Json("POST", Collection, 201, client);
        server.Server.OnceThen("GET", $"{Collection}/c1", Response.Create().WithStatusCode(503).WithBody("<html>down</html>"), Response.Create().WithStatusCode(200).WithBody(client));
        server.Server.Json("GET", Collection, 200, $"[{client}]");
        server.Server.Json("PUT", $"{Collection}/c1", 200, client);
        server.Server.Json("POST", $"{Collection}/c1/secret", 200, $$"""{ "data": { "secret": "{{RotatedSecret}}" } }""");
        server.Server.Status("DELETE", $"{Collection}/c1", 204);
        server.Server.Json("GET", $"{Collection}/echo", 401, $$"""{ "error": true, "message": "Invalid token {{SecondToken}} for secret {{AdminSecret}}", "code": "invalid_token" }""");
        server.Server.Json("POST", $"{Collection}/broken/secret", 200, $$"""{ "data": { "secret": "{{RotatedSecret}}" """);
        using var host = new TestHost(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Tenant = "acme";
            o.ClientCredentials = new ClientCredentialsOptions { ClientId = "admin-bot", ClientSecret = AdminSecret };
        });

        var seen = await RunLifecycle(host, brokenRotateId: "broken");

        AssertNoSecret(host, seen);
        Assert.Contains(server.Requests, r => LoopbackServer.Header(r, "Authorization") == $"Bearer {SecondToken}");
    }

    [Fact]
    public async Task CerberusSessionLifecycle_WithCsrfRotationAndFailures_NeverLeaksACredentialOrSecret()
    {
        server.Server.Reset();
        const string Collection = "/v1/admin/clients";
        var client = $$"""{ "id": "c1", "name": "App", "clientType": "confidential", "redirectUris": ["https://app.example.com/cb"], "clientSecret": "{{CreatedSecret}}" }""";
        var refusal = $$"""{ "title": "Forbidden", "status": 403, "detail": "Invalid CSRF token {{InitialCsrf}}" }""";
        server.Server.OnceThen("POST", Collection, Response.Create().WithStatusCode(403).WithHeader("X-CSRF-Token", RotatedCsrf).WithHeader("Set-Cookie", $"cerb_csrf={CsrfCookie}; Path=/").WithBody(refusal), Response.Create().WithStatusCode(201).WithBody(client));
        server.Server.OnceThen("GET", $"{Collection}/c1", Response.Create().WithStatusCode(502).WithBody("bad gateway"), Response.Create().WithStatusCode(200).WithHeader("X-CSRF-Token", RotatedCsrf).WithBody(client));
        server.Server.Json("GET", Collection, 200, $$"""{ "data": [{{client}}], "total": 1 }""");
        server.Server.Json("PATCH", $"{Collection}/c1", 200, client);
        server.Server.Json("POST", $"{Collection}/c1/rotate-secret", 200, $$"""{ "clientSecret": "{{RotatedSecret}}" }""");
        server.Server.Status("DELETE", $"{Collection}/c1", 204);
        server.Server.Json("GET", $"{Collection}/echo", 401, $$"""{ "title": "Unauthorized", "status": 401, "detail": "Session {{Session}} expired", "errors": ["cookie {{Session}}"] }""");
        server.Server.Json("POST", $"{Collection}/broken/rotate-secret", 200, $$"""{ "clientSecret": "{{RotatedSecret}}""");
        using var host = new TestHost(o =>
        {
            o.Dialect = OAuthDialect.Cerberus;
            o.BaseAddress = server.BaseAddress;
            o.Tenant = "acme";
            o.SessionCookie = Session;
            o.CsrfToken = InitialCsrf;
        });

        var seen = await RunLifecycle(host, brokenRotateId: "broken");

        AssertNoSecret(host, seen);
        Assert.Contains(server.Requests, r => LoopbackServer.Header(r, "X-CSRF-Token") == RotatedCsrf);
    }

    [Fact]
    public async Task CerberusLoginLifecycle_WithReLoginsEchoesAndLogout_NeverLeaksThePasswordOrAnySessionCookieOrCsrfToken()
    {
        server.Server.Reset();
        const string Collection = "/v1/admin/clients";
        var client = $$"""{ "id": "c1", "name": "App", "clientType": "confidential", "redirectUris": ["https://app.example.com/cb"], "clientSecret": "{{CreatedSecret}}" }""";
        var echo = $$"""{ "title": "Unauthorized", "status": 401, "detail": "Session {{LoginSession1}} {{LoginSession2}} of {{LoginEmail}} ({{LoginPassword}}) expired; csrf {{LoginCsrf1}} {{LoginCsrfCookie2}}" }""";
        server.Server.OnceThen("POST", "/v1/auth/login", Login(LoginSession1, LoginCsrf1, LoginCsrfCookie1), Login(LoginSession2, LoginCsrf2, LoginCsrfCookie2));

        // The first session is refused (the server quotes everything), which logs in again; the create is replayed.
        server.Server.Given(Request.Create().WithPath(Collection).UsingPost().WithHeader("Cookie", $"*{LoginSession1}*")).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(401).WithBody(echo));
        server.Server.Json("POST", Collection, 201, client);
        server.Server.OnceThen("GET", $"{Collection}/c1", Response.Create().WithStatusCode(502).WithBody(echo), Response.Create().WithStatusCode(200).WithBody(client));
        server.Server.Json("GET", Collection, 200, $$"""{ "data": [{{client}}], "total": 1 }""");
        server.Server.Json("PATCH", $"{Collection}/c1", 200, client);
        server.Server.Json("POST", $"{Collection}/c1/rotate-secret", 200, $$"""{ "clientSecret": "{{RotatedSecret}}" }""");
        server.Server.Status("DELETE", $"{Collection}/c1", 204);
        server.Server.Json("GET", $"{Collection}/echo", 401, echo);
        server.Server.Json("POST", $"{Collection}/broken/rotate-secret", 200, $$"""{ "clientSecret": "{{RotatedSecret}}""");
        server.Server.Json("DELETE", "/v1/auth/session", 500, echo);
        var host = new TestHost(o =>
        {
            o.Dialect = OAuthDialect.Cerberus;
            o.BaseAddress = server.BaseAddress;
            o.Tenant = "acme";
            o.Login = new LoginOptions { Email = LoginEmail, Password = LoginPassword };
        });

        var seen = await RunLifecycle(host, brokenRotateId: "broken");
        var mfa = new OAuthClientsClient(new OAuthClientsOptions { Dialect = OAuthDialect.Cerberus, BaseAddress = new Uri(server.BaseAddress, "mfa/"), Login = new LoginOptions { Email = LoginEmail, Password = LoginPassword } });
        server.Server.Json("POST", "/mfa/v1/auth/login", 401, $$"""{ "status": 401, "detail": "Multi-factor authentication required for {{LoginEmail}} / {{LoginPassword}}", "requiresMfa": true }""");
        seen.Add((await Assert.ThrowsAsync<Errors.OAuthClientsMfaRequiredException>(() => mfa.WhoAmIAsync())).ToString());
        seen.Add(new LoginOptions { Email = LoginEmail, Password = LoginPassword }.ToString()!);
        host.Dispose();

        AssertNoSecret(host, seen);
        Assert.Contains(server.Requests, r => r.AbsolutePath == "/v1/auth/session" && r.Method == "DELETE");
        Assert.Equal(3, server.Requests.Count(r => r.AbsolutePath == "/v1/auth/login"));
    }

    private static IResponseBuilder Login(string session, string csrf, string csrfCookie) =>
        Response.Create().WithStatusCode(200).WithHeader("X-CSRF-Token", csrf)
            .WithHeader("Set-Cookie", $"cerb_sid={session}; Path=/; HttpOnly; Max-Age=3600", $"cerb_csrf={csrfCookie}; Path=/; HttpOnly")
            .WithBody($$"""{ "message": "ok", "user": { "email": "{{LoginEmail}}" } }""");

    private static async Task<List<string>> RunLifecycle(TestHost host, string brokenRotateId)
    {
        var seen = new List<string>();
        var sut = host.Client;
        var created = await host.Time.Drive(sut.CreateAsync(new CreateOAuthClientRequest { Name = "App", RedirectUris = ["https://app.example.com/cb"], AllowedScopes = ["openid"] }));
        Assert.Equal(CreatedSecret, created.Secret!.Reveal());
        seen.Add(created.ToString());
        seen.Add(System.Text.Json.JsonSerializer.Serialize(created));
        await foreach (var each in sut.ListAsync())
        {
            seen.Add(each.ToString());
        }

        seen.Add((await host.Time.Drive(sut.GetAsync("c1"))).ToString());
        seen.Add((await host.Time.Drive(sut.UpdateAsync("c1", new UpdateOAuthClientRequest { Name = "App" }))).ToString());
        var rotated = await host.Time.Drive(sut.RotateSecretAsync("c1"));
        Assert.Equal(RotatedSecret, rotated.Reveal());
        seen.Add(rotated.ToString());
        await host.Time.Drive(sut.DeleteAsync("c1"));
        seen.Add((await Assert.ThrowsAnyAsync<Exception>(() => host.Time.Drive(sut.GetAsync("echo")))).ToString());
        var broken = await Assert.ThrowsAnyAsync<Exception>(() => host.Time.Drive(sut.RotateSecretAsync(brokenRotateId)));
        Assert.Contains("may have been rotated", broken.Message, StringComparison.Ordinal);
        seen.Add(broken.ToString());
        return seen;
    }

    private static IResponseBuilder Token(string accessToken) =>
        Response.Create().WithStatusCode(200).WithBody($$"""{ "access_token": "{{accessToken}}", "token_type": "Bearer", "expires_in": 3600 }""");

    private static void AssertNoSecret(TestHost host, List<string> seen)
    {
        var logs = host.Logs.GetSnapshot();
        Assert.Contains(logs, r => r.Category == "OAuthClients.Sdk" && r.Id.Name == "Retrying");
        Assert.Contains(logs, r => r.Level == Microsoft.Extensions.Logging.LogLevel.Debug && r.Id.Name == "Answered");
        var texts = logs.SelectMany(r => new[] { r.Message, r.Exception?.ToString() ?? string.Empty }
                .Concat(r.StructuredState?.Select(kv => $"{kv.Key}={kv.Value}") ?? []))
            .Concat(seen)
            .ToList();
        foreach (var text in texts)
        {
            foreach (var secret in Secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"'{secret}' leaked into: {text}");
            }
        }
    }
}
