using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace OAuthClients.Sdk.Cli.Tests;

/// <summary>plan, apply, drift and export, run as the real process against each fake: the clients-as-code lifecycle.</summary>
public sealed class ClientsAsCodeTests
{
    private const string Document = """
        {
          "clients": [
            { "name": "Billing", "redirectUris": ["https://billing.example.com/callback"], "allowedScopes": ["openid"] },
            { "name": "Spa", "isConfidential": false, "redirectUris": ["https://app.example.com/cb"], "allowedScopes": ["openid"] }
          ]
        }
        """;

    [Theory]
    [MemberData(nameof(Apis.All), MemberType = typeof(Apis))]
    public async Task PlanApplyDriftExport_AgainstTheFake_MatchesTheApprovedTranscript(string api)
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
            // By name: concurrent creates reach the fake in either order.
            foreach (var (client, index) in fake.Clients.OrderBy(c => c.Name, StringComparer.Ordinal).Select((c, i) => (c, i + 1)))
            {
                scrubber.Add(client.ClientId, $"{{client-{index}.clientId}}");
                scrubber.Add(client.Id, $"{{client-{index}.id}}");
            }
        }

        // Plans carry a fingerprint of the tenant's state (generated ids, times): each one gets a stable name.
        var fingerprints = new List<string>();
        Task<ToolResult> Run(params string[] args) => transcript.RunAsync(
            () =>
            {
                NameClients();
                foreach (var fingerprint in Regex.Matches(transcript.Results[^1].Stdout, "[0-9a-f]{64}").Select(m => m.Value).Where(f => !fingerprints.Contains(f)).Distinct().ToList())
                {
                    fingerprints.Add(fingerprint);
                    scrubber.Add(fingerprint, $"{{fingerprint-{fingerprints.Count}}}");
                }
            },
            args);

        File.WriteAllText(Path.Combine(tool.Home, "oauth-clients.json"), Document);
        Assert.Equal(0, (await Run("export")).ExitCode);
        Assert.Equal(0, (await Run("plan", "--file", "oauth-clients.json", "--output", "table")).ExitCode);
        Assert.Equal(3, (await Run("plan", "--file", "oauth-clients.json", "--out", "plan.json", "--detailed-exitcode")).ExitCode);
        Assert.True(File.Exists(Path.Combine(tool.Home, "plan.json")));

        // A plan that creates a confidential client needs a secret store: refused before anything is sent.
        var requestsBefore = fake.Requests.Count;
        Assert.Equal(2, (await Run("apply", "--plan", "plan.json")).ExitCode);
        Assert.Equal(requestsBefore, fake.Requests.Count);
        Assert.Empty(fake.Clients);

        Assert.Equal(0, (await Run("apply", "--plan", "plan.json", "--secret-dir", "secrets", "--output", "table")).ExitCode);
        var billing = fake.Clients.SingleOrDefault(c => c.Name == "Billing") ?? throw new Xunit.Sdk.XunitException("Not created:\n" + transcript);
        Assert.Single(fake.Clients, c => c.Name == "Spa");
        var secret = fake.CurrentSecret(billing.Id)!;
        var secretFiles = Directory.GetFiles(Path.Combine(tool.Home, "secrets"));
        Assert.Contains(secretFiles, f => File.ReadAllText(f).Contains(secret, StringComparison.Ordinal));

        Assert.Equal(0, (await Run("drift", "--file", "oauth-clients.json")).ExitCode);
        Assert.Equal(0, (await Run("drift", "--file", "oauth-clients.json", "--output", "table")).ExitCode);
        Assert.Equal(0, (await Run("plan", "--file", "oauth-clients.json", "--detailed-exitcode", "--output", "table")).ExitCode);
        Assert.Equal(0, (await Run("export", "--out", "exported.json")).ExitCode);
        Assert.Equal(0, (await Run("drift", "--file", "exported.json")).ExitCode);
        Assert.DoesNotContain(secret, File.ReadAllText(Path.Combine(tool.Home, "exported.json")), StringComparison.Ordinal);

        // A plan computed before the tenant changed is refused, and nothing is written.
        Assert.Equal(0, (await Run("plan", "--file", "exported.json", "--out", "stale.json", "--detailed-exitcode")).ExitCode);
        Assert.Equal(0, (await Run("clients", "update", billing.Id, "--scope", "openid", "--scope", "profile")).ExitCode);
        Assert.Equal(3, (await Run("drift", "--file", "oauth-clients.json", "--output", "table")).ExitCode);
        Assert.Equal(3, (await Run("drift", "--file", "oauth-clients.json")).ExitCode);
        var beforeStale = fake.Requests.Count;
        var stale = await Run("apply", "--plan", "stale.json", "--secret-dir", "secrets");
        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("changed since the plan was computed", stale.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.Requests.Skip(beforeStale), r => !string.Equals(r.Method, "GET", StringComparison.OrdinalIgnoreCase));

        // Back in sync: plan and apply the change away.
        Assert.Equal(3, (await Run("plan", "--file", "oauth-clients.json", "--out", "fix.json", "--detailed-exitcode")).ExitCode);
        Assert.Equal(0, (await Run("apply", "--plan", "fix.json")).ExitCode);
        Assert.Equal(0, (await Run("drift", "--file", "oauth-clients.json")).ExitCode);

        Approvals.Verify(transcript.ToString(), $"ClientsAsCode.{api}");
        var everything = string.Concat(transcript.Results.Select(r => r.Stdout + r.Stderr));
        Assert.DoesNotContain(fake.ApiKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanAndDrift_WithAMissingOrInvalidDocument_ExitTwoAndSendNothing()
    {
        using var fake = Apis.Start("LumoAuth");
        using var tool = new Tool();
        Apis.Connect(tool, fake);
        File.WriteAllText(Path.Combine(tool.Home, "bad.json"), """{ "clients": [ { "name": "x" } ] }""");
        Assert.Equal(2, (await tool.RunAsync("plan", "--file", "missing.json")).ExitCode);
        Assert.Equal(2, (await tool.RunAsync("drift", "--file", "bad.json")).ExitCode);
        Assert.Equal(2, (await tool.RunAsync("apply", "--plan", "missing.json")).ExitCode);
        Assert.Equal(2, (await tool.RunAsync("plan")).ExitCode);
        Assert.Empty(fake.Requests);
    }
}
