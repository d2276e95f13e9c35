using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;
using Xunit;

namespace OAuthClients.Sdk.Tests.Reliability;

/// <summary>
/// One client instance, 64 concurrent tasks, a mixed workload against one server that echoes what it was asked, so
/// every result can be checked against its own request. Cerberus runs in session mode with a fresh CSRF token on
/// every response.
/// </summary>
public sealed class ConcurrencyTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private const int Tasks = 64;

    private readonly ConcurrentDictionary<string, bool> _issuedTokens = new();
    private int _tokenCounter;
    private int _writesWithoutValidToken;

    [Theory]
    [InlineData(OAuthDialect.LumoAuth)]
    [InlineData(OAuthDialect.Cerberus)]
    public async Task MixedWorkload_64ConcurrentTasksOnOneClient_EveryResultIsCorrect(OAuthDialect dialect)
    {
        server.Server.Reset();
        server.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(request => Answer(dialect, request)));
        using var host = new TestHost(o =>
        {
            o.Dialect = dialect;
            o.BaseAddress = server.BaseAddress;
            o.Tenant = "acme";
            if (dialect == OAuthDialect.Cerberus)
            {
                o.SessionCookie = "session-concurrency";
            }
            else
            {
                o.ApiKey = "sk_live_concurrency";
            }
        });
        var sut = host.Client;

        var results = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(i => Task.Run(() => Work(sut, i))));

        Assert.All(results, Assert.True);
        Assert.Equal(0, Volatile.Read(ref _writesWithoutValidToken));
        if (dialect == OAuthDialect.Cerberus)
        {
            Assert.True(_issuedTokens.Count > Tasks, $"{_issuedTokens.Count} tokens issued");
        }
    }

    private static async Task<bool> Work(IOAuthClientsClient sut, int i)
    {
        var id = $"c{i}";
        switch (i % 6)
        {
            case 0:
                var created = await sut.CreateAsync(new CreateOAuthClientRequest { Name = $"app-{i}", RedirectUris = ["https://app.example.com/cb"], AllowedScopes = ["openid"] });
                return created.Client.Name == $"app-{i}" && created.Secret!.Reveal() == $"cs_live_created_app-{i}";
            case 1:
                return (await sut.GetAsync(id)).Id == id;
            case 2:
                return (await sut.UpdateAsync(id, new UpdateOAuthClientRequest { Name = $"renamed-{i}" })).Name == $"renamed-{i}";
            case 3:
                return (await sut.RotateSecretAsync(id)).Reveal() == $"cs_live_rotated_{id}";
            case 4:
                await sut.DeleteAsync(id);
                return true;
            default:
                var listed = new List<OAuthClient>();
                await foreach (var each in sut.ListAsync())
                {
                    listed.Add(each);
                }

                return listed.Select(c => c.Id).SequenceEqual(["a", "b", "c"]);
        }
    }

    private static string Client(string id, string name) =>
        new JsonObject { ["id"] = id, ["name"] = name, ["redirectUris"] = new JsonArray("https://app.example.com/cb") }.ToJsonString();

    private ResponseMessage Answer(OAuthDialect dialect, IRequestMessage request)
    {
        var collection = dialect == OAuthDialect.LumoAuth ? "/t/acme/api/v1/admin/oauth-clients" : "/v1/admin/clients";
        // Outside the collection: the Cerberus CSRF token fetch (GET /v1/me/profile), whose body is not read.
        var rest = request.AbsolutePath.StartsWith(collection, StringComparison.Ordinal)
            ? request.AbsolutePath[collection.Length..].Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            : [];
        var headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") };
        if (dialect == OAuthDialect.Cerberus)
        {
            if (request.Method != "GET"
                && !(request.Headers!.TryGetValue("X-CSRF-Token", out var sent) && _issuedTokens.ContainsKey(sent.Single())))
            {
                Interlocked.Increment(ref _writesWithoutValidToken);
            }

            var token = $"tok-{Interlocked.Increment(ref _tokenCounter)}";
            _issuedTokens[token] = true;
            headers["X-CSRF-Token"] = new(token);
        }

        var name = string.IsNullOrEmpty(request.Body) ? null : (string?)JsonNode.Parse(request.Body)!["name"];
        var (status, body) = (request.Method, rest) switch
        {
            ("GET", []) => (200, $"[{Client("a", "A")}, {Client("b", "B")}, {Client("c", "C")}]"),
            ("POST", []) => (201, new JsonObject { ["id"] = $"new-{name}", ["name"] = name, ["secret"] = $"cs_live_created_{name}", ["clientSecret"] = $"cs_live_created_{name}" }.ToJsonString()),
            ("GET", [var id]) => (200, Client(id, "x")),
            ("PUT" or "PATCH", [var id]) => (200, Client(id, name!)),
            ("DELETE", [_]) => (204, string.Empty),
            ("POST", [var id, _]) => (200, new JsonObject { ["secret"] = $"cs_live_rotated_{id}", ["clientSecret"] = $"cs_live_rotated_{id}" }.ToJsonString()),
            _ => (404, "{}"),
        };
        return new ResponseMessage
        {
            StatusCode = status,
            Headers = headers,
            BodyData = body.Length == 0 ? null : new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
        };
    }
}
