using System;
using System.Net;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace OAuthClients.Sdk.Tests.Reliability;

/// <summary>A credential goes to the configured origin and nowhere else.</summary>
public sealed class TransportSecurityTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Theory]
    [InlineData(OAuthDialect.LumoAuth, 302)]
    [InlineData(OAuthDialect.Cerberus, 307)]
    public async Task Request_RedirectToAnotherOrigin_IsNotFollowed(OAuthDialect dialect, int status)
    {
        server.Server.Reset();
        using var elsewhere = new RawLoopbackServer(RawLoopbackServer.Respond(200, """{ "id": "c1", "name": "stolen" }"""));
        server.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Location", new Uri(elsewhere.BaseAddress, "collect").AbsoluteUri));
        using var host = new TestHost(o =>
        {
            o.Dialect = dialect;
            o.BaseAddress = server.BaseAddress;
            o.Tenant = "acme";
            o.ApiKey = "sk_live_must_stay_home";
        });

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => host.Time.Drive(host.Client.GetAsync("c1")));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(0, elsewhere.Requests);
    }

    [Theory]
    [InlineData(OAuthDialect.LumoAuth, "http://iam.example.com")]
    [InlineData(OAuthDialect.Cerberus, "http://iam.internal.example:4000")]
    public void Options_CredentialOverPlainHttpToANonLoopbackHost_AreRejectedBeforeAnyRequest(OAuthDialect dialect, string baseAddress)
    {
        var options = new OAuthClientsOptions { Dialect = dialect, BaseAddress = new Uri(baseAddress), Tenant = "acme", ApiKey = "sk_live_x" };

        var error = Assert.Throws<ArgumentException>(() => new OAuthClientsClient(options));

        Assert.Contains("plain http", error.Message, StringComparison.Ordinal);
    }
}
