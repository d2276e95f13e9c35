using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OAuthClients.Sdk.Testing;
using Xunit;

namespace OAuthClients.Sdk.Tests.HealthChecks;

/// <summary>The health check's three states, through the real health check service, and no secret in what it reports.</summary>
public sealed class OAuthClientsHealthCheckTests
{
    [Fact]
    public async Task CheckHealthAsync_WorkingCredentialThatCanReadClients_IsHealthy()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);

        var (report, entry) = await Check(server.CreateLoginOptions());

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(FakeOAuthClientsServer.DefaultTenant, entry.Data["organisation"]);
        Assert.Equal("True", entry.Data["canReadClients"]);
    }

    [Fact]
    public async Task CheckHealthAsync_LumoAuthKey_IsHealthy()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);

        var (report, _) = await Check(server.CreateOptions());

        Assert.Equal(HealthStatus.Healthy, report.Status);
    }

    [Fact]
    public async Task CheckHealthAsync_CredentialWithoutClientsRead_IsDegradedWithTheReason()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var account = new FakeAccount("auditor@acme.test", "pw-auditor-3") { Permissions = ["users:read"] };
        server.AddAccount(account);

        var (report, entry) = await Check(server.CreateLoginOptions(account));

        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Contains("clients:read", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealthAsync_RefusedCredential_IsUnhealthyWithTheReasonAndNoSecret()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var options = server.CreateLoginOptions();
        options.Login!.Password = "pw-wrong-LEAKCHECK";

        var (report, entry) = await Check(options);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("the email or password is wrong", entry.Description, StringComparison.Ordinal);
        var everything = string.Join("|", entry.Description, entry.Exception?.ToString(), string.Join(",", entry.Data.Select(d => $"{d.Key}={d.Value}")));
        Assert.DoesNotContain("LEAKCHECK", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealthAsync_UnreachableProvider_ReportsTheConfiguredFailureStatus()
    {
        var options = new OAuthClientsOptions
        {
            Dialect = OAuthDialect.Cerberus,
            BaseAddress = new Uri($"http://127.0.0.1:{Infrastructure.LoopbackServer.UnusedPort()}/"),
            ApiKey = "cerb_key_1",
            MaxRetries = 0,
        };

        var (report, _) = await Check(options, HealthStatus.Degraded);

        Assert.Equal(HealthStatus.Degraded, report.Status);
    }

    [Fact]
    public void AddOAuthClients_NullArguments_ThrowArgumentNullException()
    {
        var builder = new ServiceCollection().AddHealthChecks();

        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => OAuthClientsHealthChecksBuilderExtensions.AddOAuthClients(null!)).ParamName);
        Assert.Equal("clientName", Assert.Throws<ArgumentNullException>(() => builder.AddOAuthClients(clientName: null!)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => builder.AddOAuthClients(name: null!)).ParamName);
    }

    private static async Task<(HealthReport Report, HealthReportEntry Entry)> Check(OAuthClientsOptions source, HealthStatus? failureStatus = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOAuthClientsSdk("provider", o =>
        {
            o.Dialect = source.Dialect;
            o.BaseAddress = source.BaseAddress;
            o.Tenant = source.Tenant;
            o.ApiKey = source.ApiKey;
            o.Login = source.Login;
            o.SessionCookieName = source.SessionCookieName;
            o.MaxRetries = source.MaxRetries;
        });
        services.AddHealthChecks().AddOAuthClients("provider", failureStatus: failureStatus, tags: ["ready"]);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = Assert.Single(report.Entries);
        Assert.Equal(OAuthClientsHealthChecksBuilderExtensions.DefaultName, entry.Key);
        Assert.Equal(["ready"], entry.Value.Tags);
        return (report, entry.Value);
    }
}
