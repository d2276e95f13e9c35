using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OAuthClients.Sdk.Rotation.Ledger;
using OAuthClients.Sdk.Rotation.Tests.Infrastructure;
using OAuthClients.Sdk.Rotation.Verification;
using OAuthClients.Sdk.Testing;
using Xunit;

namespace OAuthClients.Sdk.Rotation.Tests.Rotation;

/// <summary>The required scenarios on a real PostgreSQL server, against the Testing package's fake providers.</summary>
public sealed class PostgresRotationTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Theory]
    [InlineData(OAuthDialect.LumoAuth)]
    [InlineData(OAuthDialect.Cerberus)]
    public async Task RunPassAsync_ThreeHostsAndFiftyDueClients_RotatesEachClientExactlyOnceAndDeliversWhatTheProviderHolds(OAuthDialect dialect)
    {
        using var server = FakeOAuthClientsServer.Start(dialect);
        var clients = await Provider.SeedAsync(server, confidential: 50, publicClients: 2);
        var connectionString = await postgres.CreateDatabaseAsync();
        var time = Provider.TimeWhenAllAreDue();
        var store = new RecordingStore();
        void Configure(SecretRotationOptions o)
        {
            o.Ledger = LedgerProvider.PostgreSql;
            o.ConnectionString = connectionString;
        }

        await using var first = new RotationHost(server, time, Configure, store);
        await using var second = new RotationHost(server, time, Configure, store);
        await using var third = new RotationHost(server, time, Configure, store);

        var passes = await Task.WhenAll(first.Service.RunPassAsync(), second.Service.RunPassAsync(), third.Service.RunPassAsync());

        var confidential = clients.Where(c => c.IsConfidential).ToList();
        var records = await first.Ledger.ReadAllAsync();
        Assert.All(confidential, client =>
        {
            Assert.Equal(1, Provider.RotateRequests(server, client.Id));
            var delivered = Assert.Single(store.SecretsOf(client.ClientId));
            Assert.Equal(server.CurrentSecret(client.Id), delivered);
            Assert.Equal(RotationState.Verified, records[client.Id].State);
            Assert.Equal(time.GetUtcNow(), records[client.Id].LastRotatedAt);
        });
        var rotated = passes.SelectMany(p => p.Clients).Where(r => r.Outcome == RotationOutcome.Rotated).ToList();
        Assert.DoesNotContain(passes.SelectMany(p => p.Clients), r => r.Outcome is not (RotationOutcome.Rotated or RotationOutcome.NotDue or RotationOutcome.LockedElsewhere));
        Assert.Equal(50, rotated.Count);
        Assert.DoesNotContain(new[] { first, second, third }.SelectMany(h => h.Logs.GetSnapshot()), l => l.Level >= LogLevel.Warning);
        Assert.All(rotated, r => Assert.Equal(SecretVerification.Accepted, r.Verification));
        Assert.Equal(50, first.Count(first.Rotations, "outcome", "rotated") + second.Count(second.Rotations, "outcome", "rotated") + third.Count(third.Rotations, "outcome", "rotated"));
        Assert.Equal(HealthStatus.Healthy, (await first.CheckHealthAsync()).Status);
    }

    [Fact]
    public async Task RunPassAsync_HostStoppedBetweenRotateAndDelivery_NextHostRecoversAtOnceWithAWarningAndAMetric()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        var client = (await Provider.SeedAsync(server, confidential: 1))[0];
        var connectionString = await postgres.CreateDatabaseAsync();
        var time = Provider.TimeWhenAllAreDue();
        void Configure(SecretRotationOptions o)
        {
            o.Ledger = LedgerProvider.PostgreSql;
            o.ConnectionString = connectionString;
        }

        var crashed = new RecordingStore(failures: int.MaxValue);
        await using (var host = new RotationHost(server, time, Configure, crashed))
        {
            var pass = await host.Service.RunPassAsync();
            Assert.Equal(RotationOutcome.DeliveryPending, Assert.Single(pass.Clients).Outcome);
            Assert.Equal(RotationState.Rotated, (await host.Ledger.ReadAsync(client.Id))!.State);

            // While this host holds the secret, another host must not touch the client.
            var store = new RecordingStore();
            await using var other = new RotationHost(server, time, Configure, store);
            Assert.Equal(RotationOutcome.LockedElsewhere, Assert.Single((await other.Service.RunPassAsync()).Clients).Outcome);
            Assert.Empty(store.Stored);
        }

        var healthy = new RecordingStore();
        await using var next = new RotationHost(server, time, Configure, healthy);
        var recovery = await next.Service.RunPassAsync();

        var result = Assert.Single(recovery.Clients);
        Assert.Equal(RotationOutcome.Recovered, result.Outcome);
        Assert.Equal(2, Provider.RotateRequests(server, client.Id));
        Assert.Equal(server.CurrentSecret(client.Id), Assert.Single(healthy.SecretsOf(client.ClientId)));
        Assert.Equal(RotationState.Verified, (await next.Ledger.ReadAsync(client.Id))!.State);
        Assert.Equal(1, next.Count(next.Rotations, "outcome", "recovered"));
        Assert.Contains(next.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("Recovering client", System.StringComparison.Ordinal));
    }
}
