using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Npgsql;
using OAuthClients.Sdk.Rotation.Tests.Infrastructure;
using OAuthClients.Sdk.Testing;
using Xunit;

namespace OAuthClients.Sdk.Rotation.Tests.Rotation;

/// <summary>
/// The whole service, through failures, a crash, a recovery, a refused verification and a dry run, with every log
/// line captured at Trace (the SDK's own included), every metric, the health report, the pass reports and the ledger:
/// no secret ever issued, no admin API key and no database password appears in any of them.
/// </summary>
public sealed class RotationLeakTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const string DatabasePassword = "LEAKCHECK_pg_password_5d1c";

    [Fact]
    public async Task RotationService_ThroughFailuresCrashRecoveryAndRefusals_NeverLeaksASecretOrCredential()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        var clients = await Provider.SeedAsync(server, confidential: 3);
        var connectionString = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync()) { Password = DatabasePassword }.ConnectionString;
        var time = Provider.TimeWhenAllAreDue();
        void Configure(SecretRotationOptions o)
        {
            o.Ledger = LedgerProvider.PostgreSql;
            o.ConnectionString = connectionString;
        }

        var texts = new List<string>();
        var stores = new List<RecordingStore>();
        var crashedStore = new RecordingStore(failures: int.MaxValue, name: "vault-down");
        stores.Add(crashedStore);
        await using (var crashed = new RotationHost(server, time, Configure, crashedStore))
        {
            texts.AddRange((await crashed.Service.RunPassAsync()).Clients.Select(r => r.ToString()));
            texts.AddRange(Describe(await crashed.CheckHealthAsync()));
            await crashed.Service.StopAsync(default);
            texts.AddRange(crashed.AllText());
            texts.AddRange(Tags(crashed));
        }

        var flaky = new RecordingStore(failures: 1, name: "vault-flaky");
        stores.Add(flaky);
        await using (var recovering = new RotationHost(server, time, Configure, flaky, new RotatingBehindTheBackStore(server)))
        {
            texts.AddRange((await recovering.Service.RunPassAsync()).Clients.Select(r => r.ToString()));
            time.Advance(TimeSpan.FromMinutes(1));
            texts.AddRange((await recovering.Service.RunPassAsync()).Clients.Select(r => r.ToString()));
            texts.AddRange((await recovering.Service.DryRunAsync()).Clients.Select(r => r.ToString()));
            texts.AddRange(Describe(await recovering.CheckHealthAsync()));
            texts.AddRange((await recovering.Ledger.ReadAllAsync()).Values.Select(r => r.ToString()));
            texts.AddRange(recovering.AllText());
            texts.AddRange(Tags(recovering));
            Assert.Contains(recovering.Logs.GetSnapshot(), r => r.Message.Contains("Recovering client", StringComparison.Ordinal));
            Assert.Contains(recovering.Logs.GetSnapshot(), r => r.Message.Contains("did not accept", StringComparison.Ordinal));
            Assert.DoesNotContain(recovering.Logs.GetSnapshot(), r => r.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true);
        }

        var secrets = stores.SelectMany(s => s.Offered)
            .Concat(clients.Select(c => server.CurrentSecret(c.Id)!))
            .Append(server.ApiKey)
            .Append(DatabasePassword)
            .ToList();
        Assert.True(secrets.Count >= 3 + 3 + 3 + 2, $"Expected every issued secret to be known to the test, got {secrets.Count}.");
        Assert.NotEmpty(texts);
        Assert.All(texts, text => Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal)));
    }

    private static IEnumerable<string> Describe(Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report) =>
        report.Entries.SelectMany(e => new[] { e.Key, e.Value.Description ?? string.Empty, e.Value.Exception?.ToString() ?? string.Empty }
            .Concat(e.Value.Data.Select(d => $"{d.Key}={d.Value}")));

    private static IEnumerable<string> Tags(RotationHost host) =>
        host.Rotations.GetMeasurementSnapshot().Concat(host.Verifications.GetMeasurementSnapshot()).Concat(host.DeliveryFailures.GetMeasurementSnapshot())
            .SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}"));
}
