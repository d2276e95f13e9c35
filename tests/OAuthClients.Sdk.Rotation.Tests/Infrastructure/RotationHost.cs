using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using OAuthClients.Sdk.Rotation.Ledger;
using OAuthClients.Sdk.Secrets;
using OAuthClients.Sdk.Testing;

namespace OAuthClients.Sdk.Rotation.Tests.Infrastructure;

/// <summary>
/// One rotation host, wired as an app would wire it (AddOAuthClientsSdk + AddSecretRotation + stores + health checks),
/// against a fake provider, with fake time, every log line captured at Trace and every rotation metric collected.
/// </summary>
public sealed class RotationHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public RotationHost(FakeOAuthClientsServer server, FakeTimeProvider time, Action<SecretRotationOptions> configure, params ISecretStore[] stores)
        : this(server, time, configure, _ => { }, stores)
    {
    }

    public RotationHost(FakeOAuthClientsServer server, FakeTimeProvider time, Action<SecretRotationOptions> configure, Action<IServiceCollection> replace, params ISecretStore[] stores)
        : this(server.CreateOptions(), time, configure, replace, stores)
    {
    }

    /// <summary>A host whose SDK client uses <paramref name="fake"/> (for example the fake's login options).</summary>
    public RotationHost(OAuthClientsOptions fake, FakeTimeProvider time, Action<SecretRotationOptions> configure, Action<IServiceCollection> replace, params ISecretStore[] stores)
    {
        var services = new ServiceCollection();
        replace(services);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IHostApplicationLifetime>(Lifetime);
        services.AddOAuthClientsSdk(o =>
        {
            o.Dialect = fake.Dialect;
            o.BaseAddress = fake.BaseAddress;
            o.Tenant = fake.Tenant;
            o.ApiKey = fake.ApiKey;
            o.Login = fake.Login;
        });
        foreach (var store in stores)
        {
            services.AddSingleton(store);
        }

        services.AddSecretRotation(configure);
        services.AddHealthChecks().AddSecretRotation();
        _provider = services.BuildServiceProvider();
        Service = _provider.GetRequiredService<SecretRotationService>();
        Ledger = _provider.GetRequiredService<ISecretRotationLedger>();
        Logs = _provider.GetFakeLogCollector();
        var meters = _provider.GetRequiredService<IMeterFactory>();
        Rotations = new MetricCollector<long>(meters, "OAuthClients.Sdk.Rotation", "oauthclients.rotation.rotations");
        Verifications = new MetricCollector<long>(meters, "OAuthClients.Sdk.Rotation", "oauthclients.rotation.verifications");
        DeliveryFailures = new MetricCollector<long>(meters, "OAuthClients.Sdk.Rotation", "oauthclients.rotation.delivery.failures");
        PendingDeliveries = new MetricCollector<int>(meters, "OAuthClients.Sdk.Rotation", "oauthclients.rotation.pending_deliveries");
        OldestSecretAge = new MetricCollector<double>(meters, "OAuthClients.Sdk.Rotation", "oauthclients.rotation.oldest_secret_age");
    }

    public StoppingLifetime Lifetime { get; } = new();

    public SecretRotationService Service { get; }

    public ISecretRotationLedger Ledger { get; }

    public FakeLogCollector Logs { get; }

    public MetricCollector<long> Rotations { get; }

    public MetricCollector<long> Verifications { get; }

    public MetricCollector<long> DeliveryFailures { get; }

    public MetricCollector<int> PendingDeliveries { get; }

    public MetricCollector<double> OldestSecretAge { get; }

    public Task<HealthReport> CheckHealthAsync() => _provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

    public long Count(MetricCollector<long> collector, string tag, string value)
    {
        long total = 0;
        foreach (var measurement in collector.GetMeasurementSnapshot())
        {
            if (measurement.Tags.TryGetValue(tag, out var v) && Equals(v, value))
            {
                total += measurement.Value;
            }
        }

        return total;
    }

    public IEnumerable<string> AllText()
    {
        foreach (var record in Logs.GetSnapshot())
        {
            yield return record.ToString();
            yield return record.Exception?.ToString() ?? string.Empty;
            foreach (var pair in record.StructuredState ?? [])
            {
                yield return pair.Key + "=" + pair.Value;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Rotations.Dispose();
        Verifications.Dispose();
        DeliveryFailures.Dispose();
        PendingDeliveries.Dispose();
        OldestSecretAge.Dispose();
        await _provider.DisposeAsync();
    }
}
