using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using OAuthClients.Sdk.Secrets;
using Xunit;

namespace OAuthClients.Sdk.Cli.Tests;

/// <summary><c>rotate-due</c>: a dry run by default; <c>--apply</c> rotates into a file store, never printing a secret.</summary>
public sealed class RotateDueTests
{
    [Theory]
    [InlineData(OAuthDialect.LumoAuth)]
    [InlineData(OAuthDialect.Cerberus)]
    public async Task RotateDue_DryRunThenApply_ReportsThenRotatesIntoTheSecretDirectory(OAuthDialect dialect)
    {
        using var fake = Apis.StartInThePast(dialect, TimeSpan.FromDays(45));
        var (id, secret) = await SecretRulesTests.CreateAsync(fake);
        using var tool = new Tool();
        Apis.Connect(tool, fake);
        var scrubber = new Scrubber();
        scrubber.Add(tool.Home, "{home}");
        foreach (var client in fake.Clients)
        {
            scrubber.Add(client.ClientId, "{client-1.clientId}");
            scrubber.Add(client.Id, "{client-1.id}");
        }

        var transcript = new Transcript(tool, scrubber);
        var dryRun = await transcript.RunAsync("rotate-due", "--max-age-days", "30", "--output", "table");
        Assert.Equal(secret, fake.CurrentSecret(id));
        var secrets = Directory.CreateDirectory(Path.Combine(tool.Home, "secrets")).FullName;
        var applied = await transcript.RunAsync("rotate-due", "--max-age-days", "30", "--apply", "--secret-dir", secrets, "--no-verify");

        Assert.Equal(0, dryRun.ExitCode);
        Assert.Equal(0, applied.ExitCode);
        Approvals.Verify(transcript.ToString(), $"RotateDue.{dialect}");
        var newSecret = fake.CurrentSecret(id)!;
        Assert.NotEqual(secret, newSecret);
        Assert.Contains(Directory.GetFiles(secrets), f => File.ReadAllText(f).Contains(newSecret, StringComparison.Ordinal));
        Assert.DoesNotContain(newSecret, string.Concat(transcript.Results.Select(r => r.Stdout + r.Stderr)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotateDue_ApplyWhereOneDeliveryFails_ExitsFivePartiallyDone()
    {
        using var fake = Apis.StartInThePast(OAuthDialect.LumoAuth, TimeSpan.FromDays(100));
        var (first, _) = await SecretRulesTests.CreateAsync(fake, "Billing");
        var (second, _) = await SecretRulesTests.CreateAsync(fake, "Payroll");
        using var tool = new Tool();
        Apis.Connect(tool, fake);
        var secrets = Directory.CreateDirectory(Path.Combine(tool.Home, "secrets")).FullName;
        // The file store cannot write the second client's file: a directory stands where it goes.
        Directory.CreateDirectory(new FileSecretStore(secrets).PathFor(fake.Clients.Single(c => c.Id == second).ClientId));

        var result = await tool.RunAsync("rotate-due", "--apply", "--secret-dir", secrets, "--no-verify", "--output", "table");

        Assert.True(result.ExitCode == 5, result.Stdout + result.Stderr);
        Assert.Contains("Rotated", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(File.ReadAllText(new FileSecretStore(secrets).PathFor(fake.Clients.Single(c => c.Id == first).ClientId)).Trim(), fake.CurrentSecret(first)!, StringComparison.Ordinal);
    }
}
