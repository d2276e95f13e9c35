using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using OAuthClients.Sdk.Sync.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using Xunit;

namespace OAuthClients.Sdk.Sync.Tests;

/// <summary>The rate governor against a server whose headers the fake would never send.</summary>
public sealed class GovernorTests
{
    [Fact]
    public async Task ApplyAsync_ServerSaysNothingIsLeftButNotWhenItResets_AsksAgainEverySecondInsteadOfStalling()
    {
        using var server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        const string Collection = "/t/acme/api/v1/admin/oauth-clients";
        server.Given(Request.Create().WithPath(Collection).UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("[]"));
        server.Given(Request.Create().WithPath(Collection).UsingPost()).RespondWith(Response.Create().WithStatusCode(201)
            .WithHeader("Content-Type", "application/json").WithHeader("X-RateLimit-Limit", "100").WithHeader("X-RateLimit-Remaining", "0")
            .WithBody("""{ "id": "c1", "name": "App", "redirectUris": ["https://app.example.com/cb"], "secret": "cs_test_0123456789abcdef" }"""));
        var fake = new FakeTimeProvider();
        var store = new RecordingStore();
        var client = new OAuthClientsClient(new OAuthClientsOptions { BaseAddress = new Uri(server.Url! + "/"), Tenant = "acme", ApiKey = "sk_test_governor" });
        var sync = new ClientsSync(client, new ClientsSyncOptions { SecretStores = [store], MaxConcurrency = 1, TimeProvider = new AdvancingTime(fake) });
        var started = fake.GetUtcNow();
        // A bound on a hang, not a measurement: the apply needs no real time to wait.
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var result = await sync.ApplyAsync(await sync.PlanAsync(Tenant.Numbered(3)), hang.Token);

        Assert.True(result.Succeeded);
        Assert.Equal(3, server.LogEntries.Count(e => e.RequestMessage!.Method == "POST"));
        // Each write after the first waited for the one-second window the governor assumes.
        Assert.True(fake.GetUtcNow() - started >= TimeSpan.FromSeconds(2), $"{fake.GetUtcNow() - started}");
    }
}
