using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using OAuthClients.Sdk.Rotation.Ledger;
using OAuthClients.Sdk.Rotation.Tests.Infrastructure;
using OAuthClients.Sdk.Rotation.Verification;
using OAuthClients.Sdk.Testing;
using Xunit;

namespace OAuthClients.Sdk.Rotation.Tests.Rotation;

/// <summary>The embedded default: a SQLite ledger with file locks, one host.</summary>
public sealed class SqliteRotationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("oauthclients-rotation-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task RunPassAsync_StoreFailsTwiceThenSucceeds_DeliversWithoutASecondRotate()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        var client = (await Provider.SeedAsync(server, confidential: 1))[0];
        var time = Provider.TimeWhenAllAreDue();
        var store = new RecordingStore(failures: 2);
        await using var host = new RotationHost(server, time, Sqlite, store);

        var first = await host.Service.RunPassAsync();
        Assert.Equal(RotationOutcome.DeliveryPending, Assert.Single(first.Clients).Outcome);
        Assert.Equal(HealthStatus.Unhealthy, (await host.CheckHealthAsync()).Status);
        host.PendingDeliveries.RecordObservableInstruments();
        Assert.Equal(1, host.PendingDeliveries.LastMeasurement!.Value);

        // Before the backoff has passed nothing is retried; after it, the store fails again, and the wait doubles.
        Assert.DoesNotContain((await host.Service.RunPassAsync()).Clients, r => r.ClientId == client.Id);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(RotationOutcome.DeliveryPending, Assert.Single((await host.Service.RunPassAsync()).Clients).Outcome);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.DoesNotContain((await host.Service.RunPassAsync()).Clients, r => r.ClientId == client.Id);
        time.Advance(TimeSpan.FromSeconds(5));
        var delivered = await host.Service.RunPassAsync();

        Assert.Equal(RotationOutcome.Rotated, delivered.Clients.Single(r => r.ClientId == client.Id).Outcome);
        Assert.Equal(SecretVerification.Accepted, delivered.Clients.Single(r => r.ClientId == client.Id).Verification);
        Assert.Equal(1, Provider.RotateRequests(server, client.Id));
        Assert.Equal(server.CurrentSecret(client.Id), Assert.Single(store.Stored).Secret);
        Assert.Equal(3, store.Calls);
        Assert.Equal(2, host.Count(host.DeliveryFailures, "store", "recording"));
        Assert.Equal(HealthStatus.Healthy, (await host.CheckHealthAsync()).Status);
        host.PendingDeliveries.RecordObservableInstruments();
        Assert.Equal(0, host.PendingDeliveries.LastMeasurement!.Value);
    }

    [Fact]
    public async Task RunPassAsync_AfterARestart_RotatesNothingThatIsNotDue()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var clients = await Provider.SeedAsync(server, confidential: 3);
        var time = Provider.TimeWhenAllAreDue();
        await using (var before = new RotationHost(server, time, Sqlite, new RecordingStore()))
        {
            Assert.All((await before.Service.RunPassAsync()).Clients, r => Assert.Equal(RotationOutcome.Rotated, r.Outcome));
        }

        time.Advance(TimeSpan.FromDays(89));
        var store = new RecordingStore();
        await using var after = new RotationHost(server, time, Sqlite, store);
        var restarted = await after.Service.RunPassAsync();

        Assert.All(restarted.Clients, r => Assert.Equal(RotationOutcome.NotDue, r.Outcome));
        Assert.All(clients, c => Assert.Equal(1, Provider.RotateRequests(server, c.Id)));
        Assert.Empty(store.Stored);
        after.OldestSecretAge.RecordObservableInstruments();
        Assert.Equal(TimeSpan.FromDays(89).TotalSeconds, after.OldestSecretAge.LastMeasurement!.Value);

        time.Advance(TimeSpan.FromDays(1));
        Assert.All((await after.Service.RunPassAsync()).Clients, r => Assert.Equal(RotationOutcome.Rotated, r.Outcome));
        Assert.All(clients, c => Assert.Equal(2, Provider.RotateRequests(server, c.Id)));
    }

    [Fact]
    public async Task DryRunAsync_DueAndFreshClients_ReportsWhatWouldRotateAndWhyChangingNothing()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        var clients = await Provider.SeedAsync(server, confidential: 2, publicClients: 1);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new RecordingStore();
        await using var host = new RotationHost(server, time, o => { Sqlite(o); o.MaxSecretAge = TimeSpan.FromDays(30); o.ClientIds.Add(clients[0].Id); }, store);

        var fresh = await host.Service.DryRunAsync();
        time.Advance(TimeSpan.FromDays(31));
        var due = await host.Service.DryRunAsync();

        Assert.Equal(RotationOutcome.NotDue, Assert.Single(fresh.Clients).Outcome);
        var report = Assert.Single(due.Clients);
        Assert.Equal((clients[0].Id, RotationOutcome.WouldRotate), (report.ClientId, report.Outcome));
        Assert.Contains("days old", report.Reason, StringComparison.Ordinal);
        Assert.True(due.DryRun);
        Assert.Equal(0, Provider.RotateRequests(server, clients[0].Id));
        Assert.Empty(store.Stored);
        Assert.Empty(await host.Ledger.ReadAllAsync());
    }

    [Fact]
    public async Task RunPassAsync_ProviderRefusesTheNewSecret_IsUnhealthyCountsItAndDoesNotRotateAgain()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        var client = (await Provider.SeedAsync(server, confidential: 1))[0];
        var time = Provider.TimeWhenAllAreDue();

        // Someone rotates the client behind the service's back right after delivery: the delivered secret is dead.
        var store = new RotatingBehindTheBackStore(server);
        await using var host = new RotationHost(server, time, Sqlite, store);

        var pass = await host.Service.RunPassAsync();
        var again = await host.Service.RunPassAsync();

        Assert.Equal(SecretVerification.Refused, Assert.Single(pass.Clients).Verification);
        Assert.Equal(RotationState.VerificationFailed, (await host.Ledger.ReadAsync(client.Id))!.State);
        Assert.Equal(1, host.Count(host.Verifications, "result", "refused"));
        Assert.Equal(HealthStatus.Unhealthy, (await host.CheckHealthAsync()).Status);
        Assert.Equal(RotationOutcome.NotDue, Assert.Single(again.Clients).Outcome);
        Assert.Equal(2, Provider.RotateRequests(server, client.Id));
    }

    [Fact]
    public async Task ExecuteAsync_RunOnce_MakesOnePassAndStopsTheApplication()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var client = (await Provider.SeedAsync(server, confidential: 1))[0];
        var time = Provider.TimeWhenAllAreDue();
        var store = new RecordingStore();
        await using var host = new RotationHost(server, time, o => { Sqlite(o); o.RunOnce = true; }, store);

        await host.Service.StartAsync(default);
        await host.Service.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(host.Lifetime.StopRequested);
        Assert.Equal(server.CurrentSecret(client.Id), Assert.Single(store.Stored).Secret);
    }

    [Fact]
    public async Task RunPassAsync_TwoHostsOnOneSqliteLedger_FileLocksRotateEachClientOnce()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var clients = await Provider.SeedAsync(server, confidential: 20);
        var time = Provider.TimeWhenAllAreDue();
        var store = new RecordingStore();
        await using var first = new RotationHost(server, time, Sqlite, store);
        await using var second = new RotationHost(server, time, Sqlite, store);

        var passes = await Task.WhenAll(first.Service.RunPassAsync(), second.Service.RunPassAsync());

        Assert.All(clients, c =>
        {
            Assert.Equal(1, Provider.RotateRequests(server, c.Id));
            Assert.Equal(server.CurrentSecret(c.Id), Assert.Single(store.SecretsOf(c.ClientId)));
        });
        Assert.Equal(20, passes.SelectMany(p => p.Clients).Count(r => r.Outcome == RotationOutcome.Rotated));
    }

    [Fact]
    public async Task RunPassAsync_LedgerSaysStartedButNotDelivered_RotatesAgainAtOnceEvenWhenNotDue()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        var client = (await Provider.SeedAsync(server, confidential: 1))[0];
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new RecordingStore();
        await using var host = new RotationHost(server, time, Sqlite, store);

        // A host died after recording "started": its rotate request may have reached the provider.
        await host.Ledger.InitializeAsync();
        await host.Ledger.WriteAsync(new RotationRecord { ClientId = client.Id, State = RotationState.Started, LastRotatedAt = time.GetUtcNow(), StartedAt = time.GetUtcNow(), UpdatedAt = time.GetUtcNow() });
        var pass = await host.Service.RunPassAsync();

        var result = Assert.Single(pass.Clients);
        Assert.Equal(RotationOutcome.Recovered, result.Outcome);
        Assert.Equal(server.CurrentSecret(client.Id), Assert.Single(store.Stored).Secret);
        Assert.Equal(RotationState.Verified, (await host.Ledger.ReadAsync(client.Id))!.State);
        Assert.Equal(1, host.Count(host.Rotations, "outcome", "recovered"));
    }

    [Fact]
    public async Task RunPassAsync_OneClientCannotBeRead_RotatesTheOthersAndFailsThePassInHealth()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        var clients = await Provider.SeedAsync(server, confidential: 2);
        var store = new RecordingStore();
        var injected = false;

        // Runs while the pass lists, so the next request (the first client's GET) gets the 404.
        bool FailTheNextRead(Models.OAuthClient client)
        {
            if (!injected && client.Id == clients[0].Id)
            {
                injected = true;
                server.FailNext(1, System.Net.HttpStatusCode.NotFound);
            }

            return true;
        }

        await using var host = new RotationHost(server, Provider.TimeWhenAllAreDue(), o => { Sqlite(o); o.MaxConcurrency = 1; o.Filter = FailTheNextRead; }, store);

        var pass = await host.Service.RunPassAsync();

        Assert.Equal(RotationOutcome.Failed, pass.Clients.Single(r => r.ClientId == clients[0].Id).Outcome);
        Assert.Equal(RotationOutcome.Rotated, pass.Clients.Single(r => r.ClientId == clients[1].Id).Outcome);
        Assert.Equal(0, Provider.RotateRequests(server, clients[0].Id));
        Assert.Null(await host.Ledger.ReadAsync(clients[0].Id));
        Assert.Equal(HealthStatus.Unhealthy, (await host.CheckHealthAsync()).Status);
    }

    [Fact]
    public async Task RunPassAsync_LockLostWhileDeliveryPending_DropsTheSecretInsteadOfDeliveringIt()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        var client = (await Provider.SeedAsync(server, confidential: 1))[0];
        var time = Provider.TimeWhenAllAreDue();
        var store = new RecordingStore(failures: 1);
        var locks = new LosableLock();
        await using var host = new RotationHost(server, time, Sqlite, services => services.AddSingleton<ISecretRotationLock>(locks), store);
        Assert.Equal(RotationOutcome.DeliveryPending, Assert.Single((await host.Service.RunPassAsync()).Clients).Outcome);

        locks.Lose(client.Id);
        time.Advance(TimeSpan.FromSeconds(5));
        var pass = await host.Service.RunPassAsync();

        Assert.Equal(RotationOutcome.Failed, pass.Clients.Single(r => r.ClientId == client.Id && r.Reason.Contains("lock was lost", StringComparison.Ordinal)).Outcome);
        Assert.Empty(store.Stored);
        Assert.Equal(1, store.Calls);
        Assert.False(locks.IsHeld(client.Id));
        Assert.Equal(RotationState.Rotated, (await host.Ledger.ReadAsync(client.Id))!.State);
        Assert.Equal(1, host.Count(host.Rotations, "outcome", "lock_lost"));
    }

    [Fact]
    public async Task CheckHealthAsync_PendingDelivery_ReportsCountsOnly()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        await Provider.SeedAsync(server, confidential: 2);
        await using var host = new RotationHost(server, Provider.TimeWhenAllAreDue(), Sqlite, new RecordingStore(failures: int.MaxValue));

        await host.Service.RunPassAsync();
        var entry = (await host.CheckHealthAsync()).Entries["secret-rotation"];

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("2 new secret(s) are waiting for a secret store.", entry.Description);
        Assert.Equal(2, entry.Data["pendingDeliveries"]);
        Assert.Equal(0, entry.Data["failedVerifications"]);
    }

    [Fact]
    public async Task RunPassAsync_CerberusLoginModeAcrossTwoSessionExpiries_RotatesEveryPassWithOneLoginEach()
    {
        // The worker runs unattended on a Cerberus service account: its session lasts an hour, the passes are two hours
        // apart, so each pass finds the session expired and logs in again, exactly once.
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus, new FakeServerOptions { TimeProvider = time, SessionLifetime = TimeSpan.FromHours(1) });
        var clients = await Provider.SeedAsync(server, confidential: 3);
        var store = new RecordingStore();
        await using var host = new RotationHost(server.CreateLoginOptions(), time, o => { Sqlite(o); o.MaxSecretAge = TimeSpan.FromHours(1); }, _ => { }, store);

        for (var pass = 1; pass <= 3; pass++)
        {
            time.Advance(TimeSpan.FromHours(2));
            var result = await host.Service.RunPassAsync();

            Assert.All(result.Clients, r => Assert.Equal(RotationOutcome.Rotated, r.Outcome));
            Assert.All(result.Clients, r => Assert.Equal(SecretVerification.Accepted, r.Verification));
            Assert.Equal(pass, server.Requests.Count(r => r.Method == "POST" && r.Path == "/v1/auth/login"));
        }

        Assert.All(clients, c => Assert.Equal(3, Provider.RotateRequests(server, c.Id)));
        Assert.All(clients, c => Assert.Equal(server.CurrentSecret(c.Id), store.SecretsOf(c.ClientId)[^1]));
    }

    private void Sqlite(SecretRotationOptions options) => options.ConnectionString = $"Data Source={Path.Combine(_directory, "rotation.db")}";
}
