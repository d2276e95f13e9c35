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
