using System.Collections.Generic;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace OAuthClients.Sdk.Tests.Infrastructure;

/// <summary>Short ways to stub a JSON answer.</summary>
public static class Stub
{
    /// <summary>Stubs made here lose to any stub a test gives a more specific priority (WireMock: lower wins).</summary>
    public const int DefaultPriority = 10;

    public static void Json(this WireMockServer server, string method, string path, int status, string body, IDictionary<string, string>? headers = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
        foreach (var header in headers ?? new Dictionary<string, string>())
        {
            response = response.WithHeader(header.Key, header.Value);
        }

        server.Given(Request.Create().WithPath(path).UsingMethod(method)).AtPriority(DefaultPriority).RespondWith(response);
    }

    public static void Status(this WireMockServer server, string method, string path, int status) =>
        server.Given(Request.Create().WithPath(path).UsingMethod(method)).AtPriority(DefaultPriority).RespondWith(Response.Create().WithStatusCode(status));

    /// <summary>Answers the first request to <paramref name="path"/> with <paramref name="first"/>, every later one with <paramref name="then"/>.</summary>
    public static void OnceThen(this WireMockServer server, string method, string path, IResponseBuilder first, IResponseBuilder then)
    {
        server.Given(Request.Create().WithPath(path).UsingMethod(method)).InScenario(method + path).WillSetStateTo("answered").RespondWith(first);
        server.Given(Request.Create().WithPath(path).UsingMethod(method)).InScenario(method + path).WhenStateIs("answered").RespondWith(then);
    }
}
