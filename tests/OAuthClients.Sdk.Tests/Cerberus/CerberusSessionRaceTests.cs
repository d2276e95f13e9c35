using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Cerberus;

/// <summary>
/// What a session does when answers cross: a refusal of a credential that another call has already replaced must not
/// throw the replacement away. The server is a scripted handler, so the order of the answers is exact.
/// </summary>
public sealed class CerberusSessionRaceTests
{
    private const string Collection = "/v1/admin/clients";
    private const string Created = """{ "id": "c1", "clientId": "cc1", "name": "App", "clientType": "confidential", "clientSecret": "secret_0123456789abcdef" }""";
    private const string CsrfProblem = """{ "title": "Forbidden", "status": 403, "detail": "Invalid CSRF token" }""";

    private static CreateOAuthClientRequest NewClient => new() { Name = "App", RedirectUris = ["https://app.example.com/cb"], AllowedScopes = ["openid"] };

    [Fact]
    public async Task CreateAsync_CsrfRefusalArrivingAfterAnotherCallGotAFreshToken_ReplaysWithThatTokenWithoutFetchingOne()
    {
        var refusalHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseRefusal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = new ScriptedHandler(async (request, number) =>
        {
            if (request.Method == HttpMethod.Post && number == 1)
            {
                // The first write, refused: its answer is held until a read has brought a fresh token.
                refusalHeld.SetResult();
                await releaseRefusal.Task;
                return Answer(HttpStatusCode.Forbidden, CsrfProblem);
            }

            var answer = Answer(request.Method == HttpMethod.Post ? HttpStatusCode.Created : HttpStatusCode.OK, Created);
            if (request.Method == HttpMethod.Get)
            {
                answer.Headers.Add("X-CSRF-Token", "csrf-fresh");
            }

            return answer;
        });
        var sut = new OAuthClientsClient(new HttpClient(handler), Options(csrfToken: "csrf-refused"));

        var create = sut.CreateAsync(NewClient);
        await refusalHeld.Task;
        await sut.GetAsync("c1");
        releaseRefusal.SetResult();
        await create;

        Assert.Equal(
            [("POST", Collection, "csrf-refused"), ("GET", $"{Collection}/c1", null), ("POST", Collection, "csrf-fresh")],
            handler.Requests.Select(r => (r.Method, r.Path, r.CsrfToken)));
    }

    [Fact]
    public async Task CreateAsync_CsrfRefusalOfTheTokenHeld_FetchesAFreshOneAndReplaysWithIt()
    {
        using var handler = new ScriptedHandler((request, number) =>
        {
            HttpResponseMessage answer = (request.Method.Method, number) switch
            {
                ("POST", 1) => Answer(HttpStatusCode.Forbidden, CsrfProblem),
                ("GET", _) => Answer(HttpStatusCode.OK, """{ "id": "u1", "email": "bot@acme.test", "permissions": ["clients:read"] }"""),
                _ => Answer(HttpStatusCode.Created, Created),
            };
            if (request.Method == HttpMethod.Get)
            {
                answer.Headers.Add("X-CSRF-Token", "csrf-fresh");
            }

            return Task.FromResult(answer);
        });
        var sut = new OAuthClientsClient(new HttpClient(handler), Options(csrfToken: "csrf-refused"));

        await sut.CreateAsync(NewClient);

        Assert.Equal(
            [("POST", Collection, "csrf-refused"), ("GET", "/v1/me/profile", null), ("POST", Collection, "csrf-fresh")],
            handler.Requests.Select(r => (r.Method, r.Path, r.CsrfToken)));
    }

    private static OAuthClientsOptions Options(string csrfToken) => new()
    {
        Dialect = OAuthDialect.Cerberus,
        BaseAddress = new Uri("https://cerberus.example.com/"),
        Tenant = "acme-corp",
        SessionCookie = "sess_9f8e7d6c5b4a3928",
        CsrfToken = csrfToken,
        MaxRetries = 0,
    };

    private static HttpResponseMessage Answer(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
