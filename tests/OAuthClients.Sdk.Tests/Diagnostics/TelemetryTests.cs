using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Testing;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Diagnostics;

[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>
/// The ActivitySource and Meter named OAuthClients.Sdk: one activity per operation, and duration and count
/// instruments tagged by dialect, operation and outcome. Listeners are process-wide, so this class runs alone.
/// </summary>
[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener = new();
    private readonly ConcurrentQueue<Instrument> _instruments = new();

    public TelemetryTests()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "OAuthClients.Sdk",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "OAuthClients.Sdk")
            {
                _instruments.Enqueue(instrument);
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();
    }

    public void Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    [Fact]
    public async Task Operations_EmitOneActivityEachWithOperationDialectStatusAndRetryCount()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        using var host = new TestHost(o =>
        {
            var options = server.CreateOptions();
            o.Dialect = options.Dialect;
            o.BaseAddress = options.BaseAddress;
            o.Tenant = options.Tenant;
            o.ApiKey = options.ApiKey;
        });
        var created = await host.Time.Drive(host.Client.CreateAsync(new CreateOAuthClientRequest { Name = "App", RedirectUris = ["https://a.example/cb"], AllowedScopes = ["openid"] }));
        server.FailNext(1, HttpStatusCode.ServiceUnavailable);

        await host.Time.Drive(host.Client.GetAsync(created.Client.Id));
        await Assert.ThrowsAsync<OAuthClientNotFoundException>(() => host.Time.Drive(host.Client.DeleteAsync("cli_missing")));

        var activities = _activities.ToArray();
        Assert.Equal(["OAuthClients create", "OAuthClients get", "OAuthClients delete"], activities.Select(a => a.DisplayName));
        Assert.All(activities, a => Assert.Equal(ActivityKind.Client, a.Kind));
        Assert.All(activities, a => Assert.Equal("Cerberus", a.GetTagItem("oauthclients.dialect")));
        var get = activities[1];
        Assert.Equal("get", get.GetTagItem("oauthclients.operation"));
        Assert.Equal(200, get.GetTagItem("http.response.status_code"));
        Assert.Equal(1, get.GetTagItem("oauthclients.retry_count"));
        Assert.Equal(ActivityStatusCode.Unset, get.Status);
        Assert.Equal(ActivityStatusCode.Error, activities[2].Status);
        Assert.Equal(404, activities[2].GetTagItem("http.response.status_code"));
        Assert.Equal("404", activities[2].GetTagItem("error.type"));
        Assert.Null(get.GetTagItem("error.type"));
        var tagValues = activities.SelectMany(a => a.TagObjects).Select(t => t.Value?.ToString() ?? string.Empty).ToArray();
        Assert.DoesNotContain(tagValues, v => v.Contains(created.Client.Id, StringComparison.Ordinal) || v.Contains(server.ApiKey, StringComparison.Ordinal) || v.Contains(created.Secret!.Reveal(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Operations_RecordDurationAndCountByDialectOperationAndOutcome()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        var options = server.CreateOptions();
        options.MaxRetries = 0;
        var sut = new OAuthClientsClient(options);
        server.FailNext(1, HttpStatusCode.InternalServerError);

        await Assert.ThrowsAsync<OAuthClientsApiException>(() => sut.ListAsync().ToListAsync().AsTask());
        await sut.ListAsync().ToListAsync();

        var counts = _measurements.Where(m => m.Instrument == "oauthclients.client.operations").ToArray();
        Assert.Equal(["server_error", "success"], counts.Select(m => m.Tags["oauthclients.outcome"]));
        Assert.All(counts, m => Assert.Equal(1d, m.Value));
        Assert.All(counts, m => Assert.Equal("LumoAuth", m.Tags["oauthclients.dialect"]));
        Assert.All(counts, m => Assert.Equal("list", m.Tags["oauthclients.operation"]));
        Assert.Equal(["500", null], counts.Select(m => m.Tags.GetValueOrDefault("error.type")));
        var durations = _measurements.Where(m => m.Instrument == "oauthclients.client.operation.duration").ToArray();
        Assert.Equal(2, durations.Length);
        Assert.All(durations, m => Assert.True(m.Value >= 0));
        Assert.Equal(["500", null], durations.Select(m => m.Tags.GetValueOrDefault("error.type")));
    }

    [Fact]
    public async Task Operations_FailingWithoutAResponse_TagTheExceptionTypeAsErrorType()
    {
        var options = new OAuthClientsOptions
        {
            BaseAddress = new Uri($"http://127.0.0.1:{LoopbackServer.UnusedPort()}/"),
            Tenant = "acme",
            ApiKey = "sk_x",
            MaxRetries = 0,
        };
        var sut = new OAuthClientsClient(options);

        await Assert.ThrowsAsync<System.Net.Http.HttpRequestException>(() => sut.GetAsync("1"));

        var activity = Assert.Single(_activities);
        Assert.Equal("System.Net.Http.HttpRequestException", activity.GetTagItem("error.type"));
        Assert.Contains(_measurements, m => m.Instrument == "oauthclients.client.operations" && Equals(m.Tags["error.type"], "System.Net.Http.HttpRequestException"));
    }

    [Theory]
    [InlineData(404, "client_error", "404")]
    [InlineData(499, "client_error", "499")]
    [InlineData(500, "server_error", "500")]
    [InlineData(503, "server_error", "503")]
    public async Task Operations_RefusedWithAStatus_TagTheStatusClassAsOutcome(int status, string outcome, string errorType)
    {
        using var raw = new RawLoopbackServer(RawLoopbackServer.Respond(status, """{ "error": "no" }"""));
        var sut = new OAuthClientsClient(new OAuthClientsOptions { BaseAddress = raw.BaseAddress, Tenant = "acme", ApiKey = "sk_x", MaxRetries = 0 });

        var thrown = await Assert.ThrowsAnyAsync<OAuthClientsApiException>(() => sut.GetAsync("c1"));

        AssertOutcome(outcome, errorType, thrown);
    }

    [Fact]
    public async Task Operations_TimingOut_TagTimeoutAsOutcome()
    {
        using var raw = new RawLoopbackServer(RawLoopbackServer.Hang);
        using var host = new TestHost(o =>
        {
            o.BaseAddress = raw.BaseAddress;
            o.Tenant = "acme";
            o.ApiKey = "sk_x";
            o.MaxRetries = 0;
        });

        var thrown = await Assert.ThrowsAsync<TimeoutException>(() => host.Time.Drive(host.Client.GetAsync("c1"), () => raw.Arrived.WaitAsync()));

        AssertOutcome("timeout", "System.TimeoutException", thrown);
    }

    [Fact]
    public async Task Operations_CanceledByTheCaller_TagCanceledAsOutcome()
    {
        using var raw = new RawLoopbackServer(RawLoopbackServer.Hang);
        var sut = new OAuthClientsClient(new OAuthClientsOptions { BaseAddress = raw.BaseAddress, Tenant = "acme", ApiKey = "sk_x", MaxRetries = 0 });
        using var cancel = new System.Threading.CancellationTokenSource();

        var call = sut.GetAsync("c1", cancel.Token);
        await raw.Arrived.WaitAsync();
        await cancel.CancelAsync();
        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        AssertOutcome("canceled", thrown.GetType().FullName!, thrown);
    }

    [Fact]
    public async Task Operations_FailingWithoutAResponse_TagTransportErrorAsOutcome()
    {
        var sut = new OAuthClientsClient(new OAuthClientsOptions { BaseAddress = new Uri($"http://127.0.0.1:{LoopbackServer.UnusedPort()}/"), Tenant = "acme", ApiKey = "sk_x", MaxRetries = 0 });

        var thrown = await Assert.ThrowsAsync<System.Net.Http.HttpRequestException>(() => sut.GetAsync("c1"));

        AssertOutcome("transport_error", "System.Net.Http.HttpRequestException", thrown);
    }

    [Fact]
    public void DurationHistogram_AdvisesBucketsForHttpCalls()
    {
        var histogram = Assert.IsType<Histogram<double>>(_instruments.Single(i => i.Name == "oauthclients.client.operation.duration"));

        var buckets = histogram.Advice?.HistogramBucketBoundaries;

        Assert.NotNull(buckets);
        Assert.Equal(0.005, buckets[0]);
        Assert.Contains(0.1, buckets);
        Assert.Contains(1d, buckets);
        Assert.Equal(60d, buckets[^1]);
    }

    /// <summary>One operation, failed: its count and duration tagged with the outcome and error type, its activity an error named after the exception.</summary>
    private void AssertOutcome(string outcome, string errorType, Exception thrown)
    {
        var activity = Assert.Single(_activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(thrown.GetType().Name, activity.StatusDescription);
        Assert.Equal(errorType, activity.GetTagItem("error.type"));
        foreach (var instrument in new[] { "oauthclients.client.operations", "oauthclients.client.operation.duration" })
        {
            var measurement = Assert.Single(_measurements, m => m.Instrument == instrument);
            Assert.Equal(outcome, measurement.Tags["oauthclients.outcome"]);
            Assert.Equal(errorType, measurement.Tags["error.type"]);
            Assert.Equal("get", measurement.Tags["oauthclients.operation"]);
        }
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
}
