using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using WireMock.ResponseBuilders;
using Xunit;

namespace OAuthClients.Sdk.Tests.Reliability;

/// <summary>What is retried, how often and after how long, with fake time: no test here sleeps.</summary>
public sealed class RetryTests : IClassFixture<LoopbackServer>, IDisposable
{
    private const string Collection = "/t/acme/api/v1/admin/oauth-clients";
    private const string Client = """{ "id": "c1", "name": "App" }""";
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(100);

    private readonly LoopbackServer _server;
    private readonly TestHost _host;

    public RetryTests(LoopbackServer server)
    {
        _server = server;
        server.Server.Reset();
        _host = Host(server.BaseAddress);
    }

    private static CreateOAuthClientRequest NewClient => new() { Name = "App", RedirectUris = ["https://app.example.com/cb"] };

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task GetAsync_TransientStatusEveryTime_IsTriedOncePlusMaxRetriesWithCappedExponentialBackoff(int status)
    {
        _server.Server.Json("GET", $"{Collection}/c1", status, "{}");

        var error = await Assert.ThrowsAnyAsync<OAuthClientsApiException>(() => _host.Time.Drive(_host.Client.GetAsync("c1")));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(4, _server.Requests.Length);
        var delays = _host.Time.Delays.ToArray();
        Assert.Equal(3, delays.Length);
        Assert.InRange(delays[0], TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(600));
        Assert.InRange(delays[1], TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(1200));
        Assert.InRange(delays[2], TimeSpan.FromMilliseconds(1600), TimeSpan.FromMilliseconds(2400));
    }

    [Fact]
    public async Task UpdateAndDelete_TransientThenSuccess_Succeed()
    {
        FailOnceThen("PUT", $"{Collection}/c1", 503, Response.Create().WithStatusCode(200).WithBody(Client));
        FailOnceThen("DELETE", $"{Collection}/c1", 502, Response.Create().WithStatusCode(204));

        var updated = await _host.Time.Drive(_host.Client.UpdateAsync("c1", new UpdateOAuthClientRequest { Name = "App" }));
        await _host.Time.Drive(_host.Client.DeleteAsync("c1"));

        Assert.Equal("App", updated.Name);
        Assert.Equal(["PUT", "PUT", "DELETE", "DELETE"], _server.Requests.Select(r => r.Method));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    public async Task CreateAndRotate_ServerError_AreNeverRepeated(int status)
    {
        _server.Server.Json("POST", Collection, status, "{}");
        _server.Server.Json("POST", $"{Collection}/c1/secret", status, "{}");

        await Assert.ThrowsAnyAsync<OAuthClientsApiException>(() => _host.Time.Drive(_host.Client.CreateAsync(NewClient)));
        await Assert.ThrowsAnyAsync<OAuthClientsApiException>(() => _host.Time.Drive(_host.Client.RotateSecretAsync("c1")));

        Assert.Equal(2, _server.Requests.Length);
        Assert.Empty(_host.Time.Delays);
    }

    [Fact]
    public async Task GetAsync_EachAttempt_IsLoggedOnceWithMethodPathStatusAttemptAndRequestId()
    {
        FailOnceThen("GET", $"{Collection}/c1", 503, Response.Create().WithStatusCode(200).WithHeader("X-Request-Id", "req-2").WithBody(Client));

        await _host.Time.Drive(_host.Client.GetAsync("c1"));

        var answered = _host.Logs.GetSnapshot().Where(r => r.Id.Name == "Answered").ToArray();
        Assert.Equal(2, answered.Length);
        Assert.Equal(["503", "200"], answered.Select(r => r.GetStructuredStateValue("StatusCode")));
        Assert.Equal(["1", "2"], answered.Select(r => r.GetStructuredStateValue("Attempt")));
        Assert.All(answered, r => Assert.Equal("GET", r.GetStructuredStateValue("Method")));
        Assert.All(answered, r => Assert.Equal("t/acme/api/v1/admin/oauth-clients/c1", r.GetStructuredStateValue("Path")));
        Assert.All(answered, r => Assert.NotNull(r.GetStructuredStateValue("ElapsedMilliseconds")));
        Assert.Equal("req-2", answered[1].GetStructuredStateValue("RequestId"));
        var retrying = Assert.Single(_host.Logs.GetSnapshot(), r => r.Id.Name == "Retrying");
        Assert.Equal("503 ServiceUnavailable", retrying.GetStructuredStateValue("Reason"));
    }

    [Fact]
    public async Task CreateAsync_RateLimited_IsRetriedAfterTheServersRetryAfter()
    {
        FailOnceThen("POST", Collection, 429, Response.Create().WithStatusCode(201).WithBody("""{ "id": "c1", "name": "App", "secret": "cs_live_abcdefghijklmnop" }"""), retryAfter: "2");

        var created = await _host.Time.Drive(_host.Client.CreateAsync(NewClient));

        Assert.Equal("cs_live_abcdefghijklmnop", created.Secret!.Reveal());
        Assert.Equal(2, _server.Requests.Length);
        Assert.Equal([TimeSpan.FromSeconds(2)], _host.Time.Delays);
    }

    [Fact]
    public async Task GetAsync_RetryAfterAsHttpDate_IsHonoured()
    {
        FailOnceThen("GET", $"{Collection}/c1", 503, Response.Create().WithStatusCode(200).WithBody(Client), retryAfter: DateTimeOffset.UtcNow.AddSeconds(6).ToString("r"));

        await _host.Time.Drive(_host.Client.GetAsync("c1"));

        Assert.InRange(Assert.Single(_host.Time.Delays), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task GetAsync_RetryAfterLongerThanMaxRetryDelay_IsNotWaitedFor()
    {
        _server.Server.Json("GET", $"{Collection}/c1", 429, "{}", new Dictionary<string, string> { ["Retry-After"] = "3600" });

        var error = await Assert.ThrowsAsync<OAuthClientsRateLimitException>(() => _host.Time.Drive(_host.Client.GetAsync("c1")));

        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task GetAsync_RetryAfterEqualToMaxRetryDelay_IsWaitedForExactly()
    {
        var limit = new OAuthClientsOptions().MaxRetryDelay;
        FailOnceThen("GET", $"{Collection}/c1", 429, Response.Create().WithStatusCode(200).WithBody(Client), retryAfter: ((int)limit.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));

        await _host.Time.Drive(_host.Client.GetAsync("c1"));

        Assert.Equal(limit, Assert.Single(_host.Time.Delays));
        Assert.Equal(2, _server.Requests.Length);
    }

    [Fact]
    public async Task GetAsync_RetryAfterOneSecondLongerThanMaxRetryDelay_IsNotWaitedFor()
    {
        var limit = new OAuthClientsOptions().MaxRetryDelay;
        FailOnceThen("GET", $"{Collection}/c1", 429, Response.Create().WithStatusCode(200).WithBody(Client), retryAfter: ((int)limit.TotalSeconds + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var error = await Assert.ThrowsAsync<OAuthClientsRateLimitException>(() => _host.Time.Drive(_host.Client.GetAsync("c1")));

        Assert.Equal(limit + TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.Empty(_host.Time.Delays);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task GetAsync_DroppedConnection_IsRetried()
    {
        using var raw = new RawLoopbackServer(RawLoopbackServer.Drop);
        using var host = Host(raw.BaseAddress);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => host.Time.Drive(host.Client.GetAsync("c1")));

        // SocketsHttpHandler itself resends a GET on a connection closed before any response byte, so the server
        // sees more requests than the SDK's four attempts.
        Assert.Contains("response was lost (4 attempt(s))", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, host.Logs.GetSnapshot().Count(r => r.Id.Name == "Failed"));
        Assert.Equal(3, host.Time.Delays.Count);
        Assert.True(raw.Requests >= 4, $"{raw.Requests} requests");
    }

    [Fact]
    public async Task GetAsync_DroppedOnceThenAnswered_Succeeds()
    {
        using var raw = new RawLoopbackServer(RawLoopbackServer.Drop, RawLoopbackServer.Respond(200, Client));
        using var host = Host(raw.BaseAddress);

        var client = await host.Time.Drive(host.Client.GetAsync("c1"));

        Assert.Equal("c1", client.Id);
    }

    [Fact]
    public async Task RotateSecretAsync_DroppedResponse_IsNotRepeatedAndSaysTheSecretMayHaveChanged()
    {
        using var raw = new RawLoopbackServer(RawLoopbackServer.Drop);
        using var host = Host(raw.BaseAddress);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => host.Time.Drive(host.Client.RotateSecretAsync("c1")));

        Assert.Equal(1, raw.Requests);
        Assert.Contains("The outcome is unknown: the secret may have been rotated, so the old one may no longer work", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_ConnectionRefused_IsRetriedBecauseNothingWasSent()
    {
        using var host = Host(new Uri($"http://127.0.0.1:{LoopbackServer.UnusedPort()}/"));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => host.Time.Drive(host.Client.CreateAsync(NewClient)));

        Assert.Equal(3, host.Time.Delays.Count);
        Assert.Contains("failed before it was sent (4 attempt(s))", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("outcome is unknown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAsync_404AfterALostResponse_CountsAsDeleted()
    {
        using var raw = new RawLoopbackServer(RawLoopbackServer.Drop, RawLoopbackServer.Respond(404, Fixtures.Read("lumoauth", "error.404.json")));
        using var host = Host(raw.BaseAddress);

        await host.Time.Drive(host.Client.DeleteAsync("c1"));

        Assert.Equal(1, host.Logs.GetSnapshot().Count(r => r.Id.Name == "DeletedByEarlierAttempt"));
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(429, false)]
    [InlineData(408, false)]
    public async Task DeleteAsync_404AfterARetriedStatus_CountsAsDeletedOnlyAfterAServerError(int first, bool deleted)
    {
        // A 5xx may have been processed; a 429 or 408 was not, so the 404 that follows is the caller's to see.
        FailOnceThen("DELETE", $"{Collection}/c1", first, Response.Create().WithStatusCode(404).WithBody(Fixtures.Read("lumoauth", "error.404.json")));

        var error = await Record.ExceptionAsync(() => _host.Time.Drive(_host.Client.DeleteAsync("c1")));

        Assert.Equal(deleted ? null : typeof(OAuthClientNotFoundException), error?.GetType());
        Assert.Equal(2, _server.Requests.Length);
        Assert.Equal(deleted ? 1 : 0, _host.Logs.GetSnapshot().Count(r => r.Id.Name == "DeletedByEarlierAttempt"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DeleteAsync_404AfterTwoAttemptsOfUnknownOutcome_CountsAsDeleted(bool serverErrors)
    {
        // Lost responses (or 500s), then 404: either earlier attempt may have deleted the client.
        var unknown = serverErrors ? RawLoopbackServer.Respond(500, "{}") : RawLoopbackServer.Drop;
        using var raw = new RawLoopbackServer(unknown, unknown, RawLoopbackServer.Respond(404, Fixtures.Read("lumoauth", "error.404.json")));
        using var host = Host(raw.BaseAddress);

        await host.Time.Drive(host.Client.DeleteAsync("c1"));

        Assert.Equal(3, raw.Requests);
        Assert.Equal(1, host.Logs.GetSnapshot().Count(r => r.Id.Name == "DeletedByEarlierAttempt"));
    }

    [Fact]
    public async Task DeleteAsync_404OnTheFirstAttempt_IsNotFound()
    {
        _server.Server.Json("DELETE", $"{Collection}/c1", 404, Fixtures.Read("lumoauth", "error.404.json"));

        await Assert.ThrowsAsync<OAuthClientNotFoundException>(() => _host.Time.Drive(_host.Client.DeleteAsync("c1")));
    }

    [Fact]
    public async Task GetAsync_SlowServer_TimesOutPerAttemptAndRetries()
    {
        using var raw = new RawLoopbackServer(RawLoopbackServer.Hang);
        using var host = Host(raw.BaseAddress);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => host.Time.Drive(host.Client.GetAsync("c1"), timeoutWhen: () => raw.Arrived.WaitAsync()));

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.Contains("4 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, host.Time.Delays.Count);
        Assert.Equal(4, raw.Requests);
    }

    [Fact]
    public async Task GetAsync_HandlerThrowingItsOwnTimeoutException_IsRetriedAndReportedWithIt()
    {
        var thrown = new TimeoutException("The handler's own timeout.");
        using var handler = new ScriptedHandler((_, _) => Task.FromException<HttpResponseMessage>(thrown));
        using var host = Host(handler);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => host.Time.Drive(host.Client.GetAsync("c1")));

        Assert.Same(thrown, error.InnerException);
        Assert.Contains("4 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, handler.Attempts);
        Assert.All(host.Logs.GetSnapshot().Where(r => r.Id.Name == "Retrying"), r => Assert.Equal("timed out", r.GetStructuredStateValue("Reason")));
    }

    [Fact]
    public async Task GetAsync_HandlerCancelingOnItsOwn_IsATimeoutAndRetried()
    {
        // As HttpClient does when its own Timeout elapses: canceled, though neither the caller nor the attempt canceled.
        using var handler = new ScriptedHandler((_, _) => Task.FromException<HttpResponseMessage>(new TaskCanceledException("The handler gave up.")));
        using var host = Host(handler);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => host.Time.Drive(host.Client.GetAsync("c1")));

        Assert.IsType<TaskCanceledException>(error.InnerException);
        Assert.Equal(4, handler.Attempts);
    }

    [Fact]
    public async Task CreateAsync_SlowServer_TimesOutOnceAndSaysTheClientMayExist()
    {
        using var raw = new RawLoopbackServer(RawLoopbackServer.Hang);
        using var host = Host(raw.BaseAddress);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => host.Time.Drive(host.Client.CreateAsync(NewClient), timeoutWhen: () => raw.Arrived.WaitAsync()));

        Assert.Contains("The outcome is unknown: the client may have been created", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Time.Delays);
        Assert.Equal(1, raw.Requests);
    }

    [Fact]
    public async Task GetAsync_CallerCancelsDuringBackoff_ThrowsOperationCanceledAtOnce()
    {
        _server.Server.Json("GET", $"{Collection}/c1", 503, "{}");
        using var cts = new CancellationTokenSource();
        var call = _host.Client.GetAsync("c1", cts.Token);
        await _host.Time.NextBackoff();

        await cts.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(cts.Token, error.CancellationToken);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task GetAsync_AfterAnEarlierCallersTokenWasCanceled_IsNotCanceled()
    {
        // The earlier call's attempt timeout is reused; the earlier caller's token must no longer reach it.
        _server.Server.Json("GET", $"{Collection}/c1", 200, Client);
        using var cts = new CancellationTokenSource();
        await _host.Time.Drive(_host.Client.GetAsync("c1", cts.Token));
        await cts.CancelAsync();

        var client = await _host.Time.Drive(_host.Client.GetAsync("c1"));

        Assert.Equal("c1", client.Id);
        Assert.Equal(2, _server.Requests.Length);
        Assert.DoesNotContain(_host.Logs.GetSnapshot(), r => r.Id.Name == "Failed");
    }

    [Fact]
    public async Task GetAsync_CallerCancelsDuringTheRequest_ThrowsOperationCanceledNotTimeout()
    {
        using var raw = new RawLoopbackServer(RawLoopbackServer.Hang);
        using var host = Host(raw.BaseAddress);
        using var cts = new CancellationTokenSource();
        var call = host.Client.GetAsync("c1", cts.Token);
        await raw.Arrived.WaitAsync();

        await cts.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cts.Token, error.CancellationToken);
        Assert.Equal("The operation was canceled.", error.Message);
        Assert.Empty(host.Time.Delays);
    }

    private static TestHost Host(Uri baseAddress) => new(o =>
    {
        o.BaseAddress = baseAddress;
        o.Tenant = "acme";
        o.ApiKey = "sk_live_retry_tests";
        o.Timeout = AttemptTimeout;
    });

    private static TestHost Host(ScriptedHandler handler) => new(
        o =>
        {
            o.BaseAddress = new Uri("https://provider.example.com/");
            o.Tenant = "acme";
            o.ApiKey = "sk_live_retry_tests";
            o.Timeout = AttemptTimeout;
        },
        builder => builder.ConfigurePrimaryHttpMessageHandler(() => handler));

    private void FailOnceThen(string method, string path, int status, IResponseBuilder then, string? retryAfter = null)
    {
        var failure = Response.Create().WithStatusCode(status).WithBody("{}");
        _server.Server.OnceThen(method, path, retryAfter is null ? failure : failure.WithHeader("Retry-After", retryAfter), then);
    }
}
