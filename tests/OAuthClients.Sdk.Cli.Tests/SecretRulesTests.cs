using System;
using System.IO;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using Xunit;

namespace OAuthClients.Sdk.Cli.Tests;

/// <summary>A secret is printed only when asked, saved owner-only and atomically, and never issued to be thrown away.</summary>
public sealed class SecretRulesTests
{
    [Theory]
    [MemberData(nameof(Apis.All), MemberType = typeof(Apis))]
    public async Task Create_ConfidentialWithoutRevealOrSecretOut_RefusedBeforeSending(string api)
    {
        using var fake = Apis.Start(api);
        using var tool = new Tool();
        Apis.Connect(tool, fake);

        var result = await tool.RunAsync("clients", "create", "--name", "Billing", "--redirect-uri", "https://billing.example.com/cb", "--scope", "openid");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Refused before sending", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
        Assert.Empty(fake.Clients);
    }

    [Theory]
    [MemberData(nameof(Apis.All), MemberType = typeof(Apis))]
    public async Task RotateSecret_WithoutRevealOrSecretOut_RefusedBeforeSending(string api)
    {
        using var fake = Apis.Start(api);
        var (id, secret) = await CreateAsync(fake);
        using var tool = new Tool();
        Apis.Connect(tool, fake);
        var requests = fake.Requests.Count;

        var result = await tool.RunAsync("clients", "rotate-secret", id);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(requests, fake.Requests.Count);
        Assert.Equal(secret, fake.CurrentSecret(id));
    }

    [Fact]
    public async Task RotateSecret_SecretOutExistsWithoutForce_RefusedBeforeSendingAndFileKept()
    {
        using var fake = Apis.Start("LumoAuth");
        var (id, secret) = await CreateAsync(fake);
        using var tool = new Tool();
        Apis.Connect(tool, fake);
        var path = Path.Combine(tool.Home, "billing.secret");
        await File.WriteAllTextAsync(path, "the old secret");
        var requests = fake.Requests.Count;

        var result = await tool.RunAsync("clients", "rotate-secret", id, "--secret-out", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--force", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(requests, fake.Requests.Count);
        Assert.Equal(secret, fake.CurrentSecret(id));
        Assert.Equal("the old secret", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task RotateSecret_SecretOut_WritesAnOwnerOnlyFileAndLeavesNoTemporaryFile()
    {
        using var fake = Apis.Start("Cerberus");
        var (id, _) = await CreateAsync(fake);
        using var tool = new Tool();
        Apis.Connect(tool, fake);
        var directory = Directory.CreateDirectory(Path.Combine(tool.Home, "secrets")).FullName;

        var result = await tool.RunAsync("clients", "rotate-secret", id, "--secret-out", Path.Combine(directory, "billing.secret"), "--verbose");

        Assert.Equal(0, result.ExitCode);
        var path = Assert.Single(Directory.GetFiles(directory));
        Assert.Equal(fake.CurrentSecret(id) + "\n", await File.ReadAllTextAsync(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        Assert.DoesNotContain(fake.CurrentSecret(id)!, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Apis.All), MemberType = typeof(Apis))]
    public async Task CreateAndRotate_VerboseLog_NeverHoldsTheSecretOrTheApiKey(string api)
    {
        using var fake = Apis.Start(api);
        using var tool = new Tool();
        Apis.Connect(tool, fake);

        var created = await tool.RunAsync("clients", "create", "--name", "Billing", "--redirect-uri", "https://billing.example.com/cb", "--scope", "openid", "--secret-out", "first.secret", "--verbose");
        var id = Assert.Single(fake.Clients).Id;
        var firstSecret = fake.CurrentSecret(id)!;
        var rotated = await tool.RunAsync("clients", "rotate-secret", id, "--secret-out", "second.secret", "--verbose", "--output", "table");

        Assert.Equal(0, created.ExitCode);
        Assert.Equal(0, rotated.ExitCode);
        Assert.Contains("debug: ", created.Stderr, StringComparison.Ordinal);
        Assert.Contains("debug: ", rotated.Stderr, StringComparison.Ordinal);
        var everything = created.Stdout + created.Stderr + rotated.Stdout + rotated.Stderr;
        Assert.DoesNotContain(firstSecret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.CurrentSecret(id)!, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.ApiKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("\"secret\"", created.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_PublicClientWithSecretOut_RefusedBeforeSending()
    {
        using var fake = Apis.Start("LumoAuth");
        using var tool = new Tool();
        Apis.Connect(tool, fake);

        var result = await tool.RunAsync("clients", "create", "--name", "Spa", "--public", "--redirect-uri", "https://app.example.com/cb", "--secret-out", "spa.secret");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(fake.Requests);
        Assert.False(File.Exists(Path.Combine(tool.Home, "spa.secret")));
    }

    internal static async Task<(string Id, string? Secret)> CreateAsync(Testing.FakeOAuthClientsServer fake, string name = "Billing")
    {
        using var client = new OAuthClientsClient(fake.CreateOptions());
        var created = await client.CreateAsync(new CreateOAuthClientRequest { Name = name, RedirectUris = ["https://billing.example.com/cb"], AllowedScopes = ["openid"] });
        return (created.Client.Id, created.Secret?.Reveal());
    }
}
