using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace OAuthClients.Sdk.Cli.Tests;

/// <summary>Every client command and whoami, in table and JSON output, run as the real process against each fake.</summary>
public sealed class LifecycleTests
{
    [Theory]
    [MemberData(nameof(Apis.All), MemberType = typeof(Apis))]
    public async Task EveryCommand_AgainstTheFake_MatchesTheApprovedTranscript(string api)
    {
        using var fake = Apis.Start(api);
        using var tool = new Tool();
        Apis.Connect(tool, fake);
        var scrubber = new Scrubber();
        scrubber.Add(fake.BaseAddress.ToString().TrimEnd('/'), "{base-address}");
        scrubber.Add(tool.Home, "{home}");
        var transcript = new Transcript(tool, scrubber);
        void NameClients()
        {
            foreach (var (client, index) in fake.Clients.Select((c, i) => (c, i + 1)))
            {
                scrubber.Add(client.ClientId, $"{{client-{index}.clientId}}");
                scrubber.Add(client.Id, $"{{client-{index}.id}}");
            }
        }

        await transcript.RunAsync("whoami", "--output", "table");
        await transcript.RunAsync("whoami");
        await transcript.RunAsync(NameClients, "clients", "create", "--name", "Billing", "--redirect-uri", "https://billing.example.com/callback", "--scope", "openid", "--secret-out", "billing.secret");
        var billing = fake.Clients.SingleOrDefault(c => c.Name == "Billing") ?? throw new Xunit.Sdk.XunitException("Not created:\n" + transcript);
        var firstSecret = fake.CurrentSecret(billing.Id)!;
        Assert.Equal(firstSecret, File.ReadAllText(Path.Combine(tool.Home, "billing.secret")).TrimEnd('\n'));
        await transcript.RunAsync(NameClients, "clients", "create", "--name", "Spa", "--public", "--redirect-uri", "https://app.example.com/cb", "--scope", "openid", "--output", "table");
        var spa = fake.Clients.SingleOrDefault(c => c.Name == "Spa") ?? throw new Xunit.Sdk.XunitException("Not created:\n" + transcript);
        await transcript.RunAsync("clients", "list", "--output", "table");
        await transcript.RunAsync("clients", "list");
        await transcript.RunAsync("clients", "get", billing.Id, "--output", "table");
        await transcript.RunAsync("clients", "get", billing.Id);
        await transcript.RunAsync("clients", "update", billing.Id, "--name", "Billing EU", "--output", "table");
        await transcript.RunAsync("clients", "disable", billing.Id, "--output", "table");
        await transcript.RunAsync("clients", "enable", billing.Id);
        await transcript.RunAsync("clients", "revoke-tokens", billing.Id, "--output", "table");
        var revealed = await transcript.RunAsync(() => scrubber.Add(fake.CurrentSecret(billing.Id), "{revealed-secret}"), "clients", "rotate-secret", billing.Id, "--reveal-secret");
        Assert.Contains(fake.CurrentSecret(billing.Id)!, revealed.Stdout, StringComparison.Ordinal);
        await transcript.RunAsync("clients", "rotate-secret", billing.Id, "--secret-out", "billing.secret", "--force", "--output", "table");
        var savedSecret = fake.CurrentSecret(billing.Id)!;
        Assert.Equal(savedSecret, File.ReadAllText(Path.Combine(tool.Home, "billing.secret")).TrimEnd('\n'));
        await transcript.RunAsync("clients", "delete", spa.Id, "--yes", "--output", "table");
        await transcript.RunAsync("clients", "list", "--output", "table");

        Approvals.Verify(transcript.ToString(), $"Lifecycle.{api}");
        Assert.DoesNotContain(fake.Clients, c => c.Name == "Spa");
        var everything = string.Concat(transcript.Results.Select(r => r.Stdout + r.Stderr));
        Assert.DoesNotContain(fake.ApiKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(firstSecret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(savedSecret, everything, StringComparison.Ordinal);
    }
}
