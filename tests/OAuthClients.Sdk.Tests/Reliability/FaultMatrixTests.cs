using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace OAuthClients.Sdk.Tests.Reliability;

public enum Operation
{
    List,
    Get,
    Create,
    Update,
    Delete,
    RotateSecret,
}

public enum Fault
{
    Dropped,
    CutShort,
    TooSlow,
    RateLimitedSeconds,
    RateLimitedDate,
    Status500,
    Status502,
    Status503,
    Status504,
    HtmlPage,
    TruncatedJson,
    WrongShape,
    UnknownMembers,
    UnknownGrantType,
    NullLists,
    HugeList,
}

/// <summary>
/// Every operation of both dialects against every fault: the outcome (result, or the exact exception and its
/// members) and how many requests the server received. Retries are on (MaxRetries 3); time is fake.
/// </summary>
public sealed class FaultMatrixTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private const int MaxRetries = 3;
    private const int HugeListSize = 10_000;

    public static TheoryData<OAuthDialect, Operation, Fault> Cases()
    {
        var cases = new TheoryData<OAuthDialect, Operation, Fault>();
        foreach (var dialect in Enum.GetValues<OAuthDialect>())
        {
            foreach (var operation in Enum.GetValues<Operation>())
            {
                foreach (var fault in Enum.GetValues<Fault>().Where(f => f != Fault.HugeList || operation == Operation.List))
                {
                    cases.Add(dialect, operation, fault);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Operation_UnderFault_HasTheExpectedOutcomeAndRequestCount(OAuthDialect dialect, Operation operation, Fault fault)
    {
        server.Server.Reset();
        using var raw = fault switch
        {
            Fault.Dropped => new RawLoopbackServer(RawLoopbackServer.Drop),
            Fault.CutShort => new RawLoopbackServer(RawLoopbackServer.Truncated("""{ "id": "c1", """)),
            Fault.TooSlow => new RawLoopbackServer(RawLoopbackServer.Hang),
            _ => null,
        };
        if (raw is null)
        {
            server.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Answer(operation, fault));
        }

        using var host = new TestHost(o =>
        {
            o.Dialect = dialect;
            o.BaseAddress = raw?.BaseAddress ?? server.BaseAddress;
            o.Tenant = "acme";
            o.ApiKey = "sk_live_fault_matrix";
            o.MaxRetries = MaxRetries;
            o.Timeout = TimeSpan.FromSeconds(100);
        });
        var unsafeWrite = operation is Operation.Create or Operation.RotateSecret;
        var reportsOutcome = unsafeWrite || operation == Operation.Update;
        var attemptsIfRetried = unsafeWrite ? 1 : 1 + MaxRetries;
        int Requests() => raw?.Requests ?? server.Server.LogEntries.Count();

        var call = Run(host.Client, operation);
        var outcome = await Record.ExceptionAsync(() => host.Time.Drive(call, fault == Fault.TooSlow ? () => raw!.Arrived.WaitAsync() : null));

        switch (fault)
        {
            case Fault.CutShort when operation == Operation.Delete:
                // A delete's answer is its status line: the 200 arrived, and the body cut short after it is never read.
                Assert.Null(outcome);
                Assert.Equal(1, Requests());
                break;
            case Fault.Dropped or Fault.CutShort:
                var lost = Assert.IsType<HttpRequestException>(outcome);
                Assert.Contains($"({attemptsIfRetried} attempt(s))", lost.Message, StringComparison.Ordinal);
                Assert.Equal(reportsOutcome, lost.Message.Contains("The outcome is unknown", StringComparison.Ordinal));
                AssertRequests(attemptsIfRetried, Requests(), atLeast: fault == Fault.Dropped && operation is Operation.List or Operation.Get);
                break;
            case Fault.TooSlow:
                var timeout = Assert.IsType<TimeoutException>(outcome);
                Assert.Contains($"{attemptsIfRetried} attempt(s)", timeout.Message, StringComparison.Ordinal);
                Assert.Equal(reportsOutcome, timeout.Message.Contains("The outcome is unknown", StringComparison.Ordinal));
                Assert.Equal(attemptsIfRetried, Requests());
                break;
            case Fault.RateLimitedSeconds or Fault.RateLimitedDate:
                var limited = Assert.IsType<OAuthClientsRateLimitException>(outcome);
                Assert.Equal((HttpStatusCode)429, limited.StatusCode);
                Assert.NotNull(limited.RetryAfter);
                Assert.Equal(1 + MaxRetries, Requests());
                Assert.All(host.Time.Delays, d => Assert.InRange(d, TimeSpan.FromSeconds(fault == Fault.RateLimitedSeconds ? 2 : 1), TimeSpan.FromSeconds(3)));
                break;
            case Fault.Status500 or Fault.Status502 or Fault.Status503 or Fault.Status504:
                var failed = Assert.IsType<OAuthClientsApiException>(outcome);
                Assert.Equal(StatusOf(fault), failed.StatusCode);
                Assert.Equal(attemptsIfRetried, Requests());
                break;
            case Fault.HtmlPage or Fault.TruncatedJson or Fault.WrongShape when operation != Operation.Delete:
                var unreadable = Assert.IsType<OAuthClientsApiException>(outcome);
                Assert.Equal(HttpStatusCode.OK, unreadable.StatusCode);
                Assert.Contains("not the expected JSON", unreadable.Message, StringComparison.Ordinal);
                Assert.Equal(reportsOutcome, unreadable.Message.Contains("reported success, so the", StringComparison.Ordinal));
                Assert.Equal(1, Requests());
                break;
            default:
                Assert.Null(outcome);
                Assert.Equal(1, Requests());
                AssertResult(operation, fault, await call);
                break;
        }
    }

    private static void AssertRequests(int attempts, int received, bool atLeast)
    {
        // SocketsHttpHandler resends a GET on its own when the connection closes before any response byte.
        if (atLeast)
        {
            Assert.True(received >= attempts, $"{received} requests for {attempts} attempts");
        }
        else
        {
            Assert.Equal(attempts, received);
        }
    }

    private static HttpStatusCode StatusOf(Fault fault) => fault switch
    {
        Fault.Status500 => HttpStatusCode.InternalServerError,
        Fault.Status502 => HttpStatusCode.BadGateway,
        Fault.Status503 => HttpStatusCode.ServiceUnavailable,
        _ => HttpStatusCode.GatewayTimeout,
    };

    private static async Task<object?> Run(IOAuthClientsClient client, Operation operation) => operation switch
    {
        Operation.List => await client.ListAsync().ToListAsync(),
        Operation.Get => await client.GetAsync("c1"),
        Operation.Create => await client.CreateAsync(new CreateOAuthClientRequest { Name = "App", RedirectUris = ["https://app.example.com/cb"], AllowedScopes = ["openid"] }),
        Operation.Update => await client.UpdateAsync("c1", new UpdateOAuthClientRequest { Name = "App" }),
        Operation.Delete => await DeleteAsync(client),
        _ => await client.RotateSecretAsync("c1"),
    };

    private static async Task<object?> DeleteAsync(IOAuthClientsClient client)
    {
        await client.DeleteAsync("c1");
        return null;
    }

    private static string ClientJson(Fault fault, int index = 1) => fault switch
    {
        Fault.UnknownMembers => $$"""{ "id": "c{{index}}", "name": "App", "grantTypes": ["authorization_code"], "futureMember": { "nested": [1, { "x": null }] }, "applicationType": "web", "tokenEndpointAuthMethod": "none", "secret": "cs_live_0123456789abcdef", "clientSecret": "cs_live_0123456789abcdef" }""",
        Fault.UnknownGrantType => $$"""{ "id": "c{{index}}", "name": "App", "grantTypes": ["urn:ietf:params:oauth:grant-type:device_code", "future_grant"], "secret": "cs_live_0123456789abcdef", "clientSecret": "cs_live_0123456789abcdef" }""",
        Fault.NullLists => $$"""{ "id": "c{{index}}", "name": "App", "redirectUris": null, "allowedScopes": null, "scopes": null, "grantTypes": null, "allowedOrigins": null, "secret": "cs_live_0123456789abcdef", "clientSecret": "cs_live_0123456789abcdef" }""",
        _ => $$"""{ "id": "c{{index}}", "name": "App", "grantTypes": ["authorization_code"] }""",
    };

    private static IResponseBuilder Answer(Operation operation, Fault fault)
    {
        var json = Response.Create().WithHeader("Content-Type", "application/json");
        return fault switch
        {
            Fault.RateLimitedSeconds => json.WithStatusCode(429).WithHeader("Retry-After", "2").WithBody("{}"),
            Fault.RateLimitedDate => json.WithStatusCode(429).WithHeader("Retry-After", DateTimeOffset.UtcNow.AddSeconds(3).ToString("r")).WithBody("{}"),
            Fault.Status500 or Fault.Status502 or Fault.Status503 or Fault.Status504 => json.WithStatusCode((int)StatusOf(fault)).WithBody("{}"),
            Fault.HtmlPage => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody("<html><body><h1>Sign in</h1></body></html>"),
            Fault.TruncatedJson => json.WithStatusCode(200).WithBody("""{ "id": "c1", "name": "Ap"""),
            Fault.WrongShape => json.WithStatusCode(200).WithBody("[1, 2, 3]"),
            Fault.HugeList => json.WithStatusCode(200).WithBody("[" + string.Join(",", Enumerable.Range(1, HugeListSize).Select(i => ClientJson(fault, i))) + "]"),
            _ => operation switch
            {
                Operation.List => json.WithStatusCode(200).WithBody($"[{ClientJson(fault)}]"),
                Operation.Create => json.WithStatusCode(201).WithBody(ClientJson(fault)),
                Operation.Delete => Response.Create().WithStatusCode(204),
                Operation.RotateSecret => json.WithStatusCode(200).WithBody("""{ "secret": "cs_live_rotated_0123456789", "clientSecret": "cs_live_rotated_0123456789", "futureMember": true }"""),
                _ => json.WithStatusCode(200).WithBody(ClientJson(fault)),
            },
        };
    }

    private static void AssertResult(Operation operation, Fault fault, object? result)
    {
        var clients = result switch
        {
            List<OAuthClient> list => list,
            OAuthClient one => [one],
            CreatedOAuthClient created => [created.Client],
            _ => new List<OAuthClient>(),
        };
        switch (operation)
        {
            case Operation.Delete:
                Assert.Null(result);
                return;
            case Operation.RotateSecret:
                Assert.Equal("cs_live_rotated_0123456789", Assert.IsType<ClientSecret>(result).Reveal());
                return;
            case Operation.List when fault == Fault.HugeList:
                Assert.Equal(HugeListSize, clients.Count);
                Assert.Equal($"c{HugeListSize}", clients[^1].Id);
                return;
        }

        var client = Assert.Single(clients);
        Assert.Equal("c1", client.Id);
        switch (fault)
        {
            case Fault.UnknownGrantType:
                Assert.Equal(["urn:ietf:params:oauth:grant-type:device_code", "future_grant"], client.GrantTypes);
                break;
            case Fault.NullLists:
                Assert.Empty(client.RedirectUris);
                Assert.Empty(client.AllowedScopes);
                Assert.Empty(client.GrantTypes);
                Assert.Empty(client.AllowedOrigins);
                break;
            default:
                Assert.Equal(["authorization_code"], client.GrantTypes);
                break;
        }
    }
}
