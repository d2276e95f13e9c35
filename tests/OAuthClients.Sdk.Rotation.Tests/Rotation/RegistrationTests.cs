using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OAuthClients.Sdk.Rotation.Tests.Infrastructure;
using OAuthClients.Sdk.Testing;
using Xunit;

namespace OAuthClients.Sdk.Rotation.Tests.Rotation;

public sealed class RegistrationTests
{
    [Fact]
    public void AddSecretRotation_FromConfiguration_BindsEverySetting()
    {
        using var provider = Build(new()
        {
            ["SecretRotation:MaxSecretAge"] = "30.00:00:00",
            ["SecretRotation:CheckInterval"] = "00:10:00",
            ["SecretRotation:Jitter"] = "00:01:00",
            ["SecretRotation:DryRun"] = "true",
            ["SecretRotation:ClientIds:0"] = "a",
            ["SecretRotation:ClientIds:1"] = "b",
            ["SecretRotation:Ledger"] = "PostgreSql",
            ["SecretRotation:ConnectionString"] = "Host=127.0.0.1;Database=rotation",
        });

        var sut = provider.GetRequiredService<IOptions<SecretRotationOptions>>().Value;

        Assert.Equal(TimeSpan.FromDays(30), sut.MaxSecretAge);
        Assert.Equal(TimeSpan.FromMinutes(10), sut.CheckInterval);
        Assert.True(sut.DryRun);
        Assert.Equal(["a", "b"], sut.ClientIds);
        Assert.Equal(LedgerProvider.PostgreSql, sut.Ledger);
    }

    [Fact]
    public void AddSecretRotation_MistypedKey_FailsAtStart()
    {
        using var provider = Build(new() { ["SecretRotation:MaxSecretAgee"] = "30.00:00:00" });

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<SecretRotationOptions>>().Value);
        Assert.Contains("MaxSecretAgee", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ConnectionString", "Data Source=:memory:", "in-memory ledger")]
    [InlineData("MaxSecretAge", "-1.00:00:00", "MaxSecretAge must be positive")]
    [InlineData("Jitter", "2.00:00:00", "Jitter must be between zero and CheckInterval")]
    [InlineData("MaxConcurrency", "0", "MaxConcurrency must be between 1 and 64")]
    public void AddSecretRotation_InvalidSetting_IsRefusedWithAMessageNamingIt(string key, string value, string expected)
    {
        using var provider = Build(new() { [$"SecretRotation:{key}"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SecretRotationOptions>>().Value);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSecretRotation_PostgreSqlConnectionStringWithPassword_IsNeverQuotedInAValidationMessage()
    {
        using var provider = Build(new()
        {
            ["SecretRotation:Ledger"] = "PostgreSql",
            ["SecretRotation:ConnectionString"] = "Host=db;Password=LEAKCHECK_pg",
            ["SecretRotation:MaxConcurrency"] = "0",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SecretRotationOptions>>().Value);
        Assert.DoesNotContain("LEAKCHECK", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSecretRotation_RegisteredTwice_AddsOneHostedService()
    {
        var services = Services(new());
        services.AddSingleton<IHostApplicationLifetime, StoppingLifetime>();
        services.AddOAuthClientsSdk(o =>
        {
            o.BaseAddress = new Uri("https://auth.example.com/");
            o.Tenant = "acme";
            o.ApiKey = "sk_test_key";
        });
        services.AddSecretRotation(_ => { });

        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IHostedService>().OfType<SecretRotationService>());
    }

    [Fact]
    public async Task RunPassAsync_NoSecretStore_ThrowsBeforeRotatingAnything()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        var client = (await Provider.SeedAsync(server, confidential: 1))[0];
        var directory = System.IO.Directory.CreateTempSubdirectory("oauthclients-rotation-").FullName;
        try
        {
            await using var host = new RotationHost(server, Provider.TimeWhenAllAreDue(), o => o.ConnectionString = $"Data Source={directory}/r.db");

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Service.RunPassAsync());

            Assert.Contains("ISecretStore", error.Message, StringComparison.Ordinal);
            Assert.Equal(0, Provider.RotateRequests(server, client.Id));
            Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, (await host.CheckHealthAsync()).Status);
        }
        finally
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) => Services(settings).BuildServiceProvider();

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSecretRotation(configuration.GetSection("SecretRotation"));
        return services;
    }
}
