using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Cerberus;

/// <summary>
/// The session's cookies on a fake clock, against a scripted server in process: which <c>Set-Cookie</c> clears the
/// session at exactly which time, and what the session makes of the <c>Cookie</c> header a request carried when another
/// handler in the app's pipeline added a cookie of its own.
/// </summary>
public sealed class CerberusSessionCookieTests
{
    private const string Session = "sess_9f8e7d6c5b4a3928";
    private const string Collection = "/v1/admin/clients";
    private const string Client = """{ "id": "c1", "clientId": "cc1", "name": "App", "clientType": "confidential", "clientSecret": "secret_0123456789abcdef" }""";

    private static CreateOAuthClientRequest NewClient => new() { Name = "App", RedirectUris = ["https://app.example.com/cb"], AllowedScopes = ["openid"] };

    [Theory]
    [InlineData(0, true)]
    [InlineData(-1, true)]
    [InlineData(1, false)]
    public async Task GetAsync_SessionCookieExpiringAt_IsClearedWhenThatIsNowOrPast(int secondsFromNow, bool cleared)
    {
        var cookies = new ConcurrentQueue<string?>();
        DateTimeOffset now = default;
        using var handler = new ScriptedHandler((request, number) =>
        {
            cookies.Enqueue(CookieHeader(request));
            var answer = Answer(HttpStatusCode.OK, Client);
            if (number == 1)
            {
                var expires = now.AddSeconds(secondsFromNow).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
                answer.Headers.Add("Set-Cookie", $"cerberus_session=sess-renewed; Path=/; Expires={expires}");
            }

            return Task.FromResult(answer);
        });
        using var host = Host(handler, o => o.SessionCookie = Session);
        now = host.Time.GetUtcNow();

        await host.Client.GetAsync("c1");
        await host.Client.GetAsync("c1");

        Assert.Equal([$"cerberus_session={Session}", cleared ? null : "cerberus_session=sess-renewed"], cookies);
    }

    [Fact]
    public async Task CreateAsync_TokenOnAnAnswerToARequestCarryingAnotherHandlersCookieToo_TravelsWithItsOwnCsrfCookie()
    {
        var cookies = new ConcurrentQueue<string?>();
        using var handler = new ScriptedHandler((request, number) =>
        {
            cookies.Enqueue(CookieHeader(request));
            request.Headers.Add("Cookie", "lb=node-1");
            var answer = Answer(request.Method == HttpMethod.Post ? HttpStatusCode.Created : HttpStatusCode.OK, Client);
            if (number == 1)
            {
                answer.Headers.Add("X-CSRF-Token", "csrf-a");
                answer.Headers.Add("Set-Cookie", "cerb_csrf=secret-1; Path=/");
            }
            else if (number == 2)
            {
                // A token without a new secret: it belongs to the secret this request carried.
                answer.Headers.Add("X-CSRF-Token", "csrf-b");
            }

            return Task.FromResult(answer);
        });
        using var host = Host(handler, o => o.SessionCookie = Session);

        await host.Client.GetAsync("c1");
        await host.Client.GetAsync("c1");
        await host.Client.CreateAsync(NewClient);

        Assert.Equal($"cerberus_session={Session}; cerb_csrf=secret-1", cookies.Last());
        Assert.Equal("csrf-b", handler.Requests.Last().CsrfToken);
    }

    [Fact]
    public async Task GetAsync_401ToARequestCarryingAnotherHandlersCookieToo_LogsInAgainAndReplays()
    {
        var cookies = new ConcurrentQueue<string?>();
        var logins = 0;
        using var handler = new ScriptedHandler((request, number) =>
        {
            var cookie = CookieHeader(request);
            cookies.Enqueue(cookie);
            request.Headers.Add("Cookie", "lb=node-1");
            if (request.RequestUri!.AbsolutePath == "/v1/auth/login")
            {
                var login = Answer(HttpStatusCode.OK, """{ "message": "Login successful" }""");
                login.Headers.Add("Set-Cookie", $"cerb_sid=sess-{++logins}; Path=/; HttpOnly; Max-Age=3600");
                return Task.FromResult(login);
            }

            return Task.FromResult(cookie == "cerb_sid=sess-1"
                ? Answer(HttpStatusCode.Unauthorized, """{ "status": 401, "detail": "Invalid or expired session" }""")
                : Answer(HttpStatusCode.OK, Client));
        });
        using var host = Host(handler, o => o.Login = new LoginOptions { Email = "svc-bot@acme.test", Password = "correct horse battery staple" });

        var client = await host.Client.GetAsync("c1");

        Assert.Equal("c1", client.Id);
        Assert.Equal([null, "cerb_sid=sess-1", null, "cerb_sid=sess-2"], cookies);
    }

    [Fact]
    public async Task CreateAsync_CsrfRefusalThatIsNotLinkedToItsRequest_IsNotReplayed()
    {
        // A handler in the app's pipeline may answer without RequestMessage: the refusal cannot be matched to a token.
        using var handler = new UnlinkedHandler();
        using var host = Host(handler, o =>
        {
            o.SessionCookie = Session;
            o.CsrfToken = "csrf-refused";
        });

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => host.Client.CreateAsync(NewClient));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(1, handler.Attempts);
    }

    [Fact]
    public async Task CreateAsync_BlankTokenOnAnAnswer_KeepsTheTokenHeld()
    {
        using var handler = new ScriptedHandler((request, number) =>
        {
            var answer = Answer(number == 1 ? HttpStatusCode.OK : HttpStatusCode.Created, Client);
            answer.Headers.TryAddWithoutValidation("X-CSRF-Token", " ");
            return Task.FromResult(answer);
        });
        using var host = Host(handler, o =>
        {
            o.SessionCookie = Session;
            o.CsrfToken = "csrf-held";
        });

        await host.Client.GetAsync("c1");
        await host.Client.CreateAsync(NewClient);

        Assert.Equal([("GET", $"{Collection}/c1", null), ("POST", Collection, "csrf-held")], handler.Requests);
    }

    [Fact]
    public async Task CreateAsync_CsrfCookieClearedWithATokenOnTheSameAnswer_FetchesANewTokenFirst()
    {
        var cookies = new ConcurrentQueue<string?>();
        using var handler = new ScriptedHandler((request, number) =>
        {
            cookies.Enqueue(CookieHeader(request));
            var answer = Answer(request.Method == HttpMethod.Post ? HttpStatusCode.Created : HttpStatusCode.OK, Client);
            if (number == 1)
            {
                answer.Headers.Add("X-CSRF-Token", "csrf-for-the-cleared-secret");
                answer.Headers.Add("Set-Cookie", "cerb_csrf=; Path=/; Max-Age=0");
            }
            else if (number == 2)
            {
                answer.Headers.Add("X-CSRF-Token", "csrf-fresh");
            }

            return Task.FromResult(answer);
        });
        using var host = Host(handler, o =>
        {
            o.SessionCookie = Session;
            o.CsrfToken = "csrf-held";
        });

        await host.Client.GetAsync("c1");
        await host.Client.CreateAsync(NewClient);

        Assert.Equal(
            [("GET", $"{Collection}/c1", null), ("GET", "/v1/me/profile", null), ("POST", Collection, "csrf-fresh")],
            handler.Requests);
        Assert.All(cookies, c => Assert.Equal($"cerberus_session={Session}", c));
    }

    [Fact]
    public async Task CreateAsync_PlainTextCsrfRefusal_IsSentOnceMoreWithTheFreshToken()
    {
        using var handler = new ScriptedHandler((request, number) =>
        {
            if (number == 1)
            {
                var refusal = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("CSRF token mismatch", Encoding.UTF8, "text/plain") };
                refusal.Headers.Add("X-CSRF-Token", "csrf-fresh");
                return Task.FromResult(refusal);
            }

            return Task.FromResult(Answer(HttpStatusCode.Created, Client));
        });
        using var host = Host(handler, o =>
        {
            o.SessionCookie = Session;
            o.CsrfToken = "csrf-stale";
        });

        await host.Client.CreateAsync(NewClient);

        Assert.Equal([("POST", Collection, "csrf-stale"), ("POST", Collection, "csrf-fresh")], handler.Requests);
    }

    [Fact]
    public async Task CreateAsync_CsrfRefusalOfAWriteSentWithoutToken_FetchesAgainAndReplays()
    {
        using var handler = new ScriptedHandler((request, number) =>
        {
            HttpResponseMessage answer = number switch
            {
                1 => Answer(HttpStatusCode.OK, """{ "id": "u1" }"""),
                2 => Answer(HttpStatusCode.Forbidden, """{ "status": 403, "detail": "Invalid CSRF token" }"""),
                3 => Answer(HttpStatusCode.OK, """{ "id": "u1" }"""),
                _ => Answer(HttpStatusCode.Created, Client),
            };
            if (number == 3)
            {
                answer.Headers.Add("X-CSRF-Token", "csrf-2");
            }

            return Task.FromResult(answer);
        });
        using var host = Host(handler, o => o.SessionCookie = Session);

        await host.Client.CreateAsync(NewClient);

        Assert.Equal(
            [("GET", "/v1/me/profile", null), ("POST", Collection, null), ("GET", "/v1/me/profile", null), ("POST", Collection, "csrf-2")],
            handler.Requests);
    }

    [Theory]
    [InlineData(20, 0, 1)]
    [InlineData(20, 9_999, 1)]
    [InlineData(20, 10_000, 2)]
    [InlineData(3600, 8 * 60_000 + 59_999, 1)]
    [InlineData(3600, 9 * 60_000, 2)]
    public async Task GetAsync_LoginSession_IsRenewedAtHalfAShortLifeOrAMinuteBeforeTheIdleTimeout(int maxAgeSeconds, int laterMs, int logins)
    {
        // Idle timeout 10 minutes: renewed after 9 idle minutes. A 20-second session: renewed after 10 seconds.
        var sessions = 0;
        using var handler = LoginHandler(() => $"cerb_sid=sess-{++sessions}; Path=/; HttpOnly; Max-Age={maxAgeSeconds}");
        using var host = Host(handler, o => o.Login = new LoginOptions { Email = "svc-bot@acme.test", Password = "correct horse battery staple", IdleTimeout = TimeSpan.FromMinutes(10) });

        await host.Client.GetAsync("c1");
        host.Time.Advance(TimeSpan.FromMilliseconds(laterMs));
        await host.Client.GetAsync("c1");

        Assert.Equal(logins, sessions);
    }

    [Fact]
    public async Task GetAsync_RenewingLoginAnsweredWithoutSessionCookie_ThrowsNamingTheCookieName()
    {
        var sessions = 0;
        using var handler = LoginHandler(() => ++sessions == 1 ? "cerb_sid=sess-1; Path=/; Max-Age=20" : null);
        using var host = Host(handler, o => o.Login = new LoginOptions { Email = "svc-bot@acme.test", Password = "correct horse battery staple" });
        await host.Client.GetAsync("c1");
        host.Time.Advance(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => host.Client.GetAsync("c1"));

        Assert.Contains("set no session cookie named 'cerb_sid'", error.Message, StringComparison.Ordinal);
        Assert.Equal(["/v1/auth/login", $"{Collection}/c1", "/v1/auth/login"], handler.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task GetAsync_LateRefusalOfASessionAlreadyReplaced_ReplaysWithTheReplacementWithoutAnotherLogin()
    {
        var refusalHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseRefusal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cookies = new ConcurrentQueue<(string Path, string? Cookie)>();
        var logins = 0;
        using var handler = new ScriptedHandler(async (request, number) =>
        {
            var path = request.RequestUri!.AbsolutePath;
            var cookie = CookieHeader(request);
            cookies.Enqueue((path, cookie));
            if (path == "/v1/auth/login")
            {
                var login = Answer(HttpStatusCode.OK, """{ "message": "Login successful" }""");
                login.Headers.Add("Set-Cookie", $"cerb_sid=sess-{++logins}; Path=/; HttpOnly; Max-Age=3600");
                return login;
            }

            if (cookie == "cerb_sid=sess-1" && path.EndsWith("/c1", StringComparison.Ordinal))
            {
                // This call's refusal is held until another call has logged in again.
                refusalHeld.SetResult();
                await releaseRefusal.Task;
            }

            return cookie == "cerb_sid=sess-1" && !path.EndsWith("/c0", StringComparison.Ordinal)
                ? Answer(HttpStatusCode.Unauthorized, """{ "status": 401, "detail": "Invalid or expired session" }""")
                : Answer(HttpStatusCode.OK, Client);
        });
        using var host = Host(handler, o => o.Login = new LoginOptions { Email = "svc-bot@acme.test", Password = "correct horse battery staple" });
        await host.Client.GetAsync("c0");

        var held = host.Client.GetAsync("c1");
        await refusalHeld.Task;
        await host.Client.GetAsync("c2");
        releaseRefusal.SetResult();
        await held;

        Assert.Equal(2, logins);
        Assert.Equal(($"{Collection}/c1", "cerb_sid=sess-2"), cookies.Last());
    }

    [Fact]
    public async Task GetAsync_FactoryClientAfterTheContainerLoggedItsSessionOut_LogsInAgain()
    {
        var sessions = 0;
        using var handler = LoginHandler(() => $"cerb_sid=sess-{++sessions}; Path=/; HttpOnly; Max-Age=3600");
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        services.AddOAuthClientsSdk(o =>
        {
            o.Dialect = OAuthDialect.Cerberus;
            o.BaseAddress = new Uri("https://cerberus.example.com/");
            o.Tenant = "acme-corp";
            o.MaxRetries = 0;
            o.Login = new LoginOptions { Email = "svc-bot@acme.test", Password = "correct horse battery staple" };
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IOAuthClientsClientFactory>().CreateClient(Microsoft.Extensions.Options.Options.DefaultName);
        await client.GetAsync("c1");

        await provider.DisposeAsync();
        await client.GetAsync("c1");

        Assert.Equal(
            [("POST", "/v1/auth/login"), ("GET", $"{Collection}/c1"), ("DELETE", "/v1/auth/session"), ("POST", "/v1/auth/login"), ("GET", $"{Collection}/c1")],
            handler.Requests.Select(r => (r.Method, r.Path)));
    }

    private static ScriptedHandler LoginHandler(Func<string?> loginCookie) => new((request, number) =>
    {
        if (request.RequestUri!.AbsolutePath != "/v1/auth/login")
        {
            return Task.FromResult(Answer(HttpStatusCode.OK, Client));
        }

        var login = Answer(HttpStatusCode.OK, """{ "message": "Login successful" }""");
        if (loginCookie() is { } cookie)
        {
            login.Headers.Add("Set-Cookie", cookie);
        }

        return Task.FromResult(login);
    });

    private static TestHost Host(HttpMessageHandler handler, Action<OAuthClientsOptions> configure) => new(
        o =>
        {
            o.Dialect = OAuthDialect.Cerberus;
            o.BaseAddress = new Uri("https://cerberus.example.com/");
            o.Tenant = "acme-corp";
            o.MaxRetries = 0;
            configure(o);
        },
        builder => builder.ConfigurePrimaryHttpMessageHandler(() => handler));

    private static string? CookieHeader(HttpRequestMessage request) =>
        request.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : null;

    private static HttpResponseMessage Answer(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>Refuses every request for its CSRF token, with an answer that does not say which request it answers.</summary>
    private sealed class UnlinkedHandler : HttpMessageHandler
    {
        private int _attempts;

        public int Attempts => _attempts;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            System.Threading.Interlocked.Increment(ref _attempts);
            return Task.FromResult(Answer(HttpStatusCode.Forbidden, """{ "status": 403, "detail": "Invalid CSRF token" }"""));
        }
    }
}
