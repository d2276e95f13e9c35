using System;
using System.Net.Http;
using System.Threading.Tasks;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Reliability;

/// <summary>
/// The per-attempt timeout on the system clock. Under a fake clock the SDK never reuses an attempt's token source
/// (<c>CancellationTokenSource.TryReset</c> fails for a timer that is not the system's), so only the real clock reaches
/// the path where a source kept from an earlier call is armed again.
/// </summary>
public sealed class SystemClockTimeoutTests
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task GetAsync_SlowServerAfterACallThatEndedInTime_TimesOutOnTheReusedSource()
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(200, """{ "id": "c1", "name": "App" }"""), RawLoopbackServer.Hang);
        using var http = new HttpClient();
        var client = new OAuthClientsClient(http, new OAuthClientsOptions { BaseAddress = server.BaseAddress, Tenant = "acme", ApiKey = "sk_test", MaxRetries = 0, Timeout = AttemptTimeout });
        Assert.Equal("c1", (await client.GetAsync("c1")).Id);

        var call = client.GetAsync("c1");
        var ended = await Task.WhenAny(call, Task.Delay(AttemptTimeout * 12));

        Assert.Same(call, ended);
        var error = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Contains("timed out (the per-attempt Timeout is 00:00:05; 1 attempt(s))", error.Message, StringComparison.Ordinal);
    }
}
