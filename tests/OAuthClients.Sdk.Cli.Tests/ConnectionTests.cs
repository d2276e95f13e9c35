using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace OAuthClients.Sdk.Cli.Tests;

/// <summary>Where the connection and the API key come from: options, environment, settings profiles, a file, stdin.</summary>
public sealed class ConnectionTests
{
    [Fact]
    public async Task List_ProfileOfTheSettingsFile_ConnectsWithItsKeyFile()
    {
        using var fake = Apis.Start("Cerberus");
        using var tool = new Tool();
        var keyFile = Path.Combine(tool.Home, "cerberus.key");
        await File.WriteAllTextAsync(keyFile, fake.ApiKey + "\n");
        var settings = Directory.CreateDirectory(Path.Combine(tool.Home, ".config", "oauthclients")).FullName;
        var options = fake.CreateOptions();
        await File.WriteAllTextAsync(Path.Combine(settings, "settings.json"), $$"""
            {
              "profiles": {
                "test": { "dialect": "Cerberus", "baseAddress": "{{fake.BaseAddress}}", "tenant": "{{options.Tenant}}", "apiKeyFile": "~/cerberus.key" }
              }
            }
            """);
        await SecretRulesTests.CreateAsync(fake);

        var result = await tool.RunAsync("--profile", "test", "clients", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"name\": \"Billing\"", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task List_CommandLineOverProfile_TheCommandLineWins()
    {
        using var fake = Apis.Start("LumoAuth");
        using var tool = new Tool();
        Apis.Connect(tool, fake);
        var settings = Path.Combine(tool.Home, "settings.json");
        await File.WriteAllTextAsync(settings, """{ "defaultProfile": "broken", "profiles": { "broken": { "dialect": "Cerberus", "baseAddress": "http://127.0.0.1:1/" } } }""");
        tool.Environment.Remove("OAUTHCLIENTS_DIALECT");
        tool.Environment.Remove("OAUTHCLIENTS_BASE_ADDRESS");

        var result = await tool.RunAsync("--settings", settings, "--dialect", "LumoAuth", "--base-address", fake.BaseAddress.ToString(), "clients", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("[]", result.Stdout.Trim());
    }

    [Theory]
    [InlineData("""{ "profiles": { "p": { "apiKey": "k" } } }""", "apiKey")]
    [InlineData("""{ "profiles": { "other": { } } }""", "no profile 'p'")]
    public async Task List_BadSettingsFile_ExitsTwoNamingTheProblem(string json, string expected)
    {
        using var fake = Apis.Start("LumoAuth");
        using var tool = new Tool();
        Apis.Connect(tool, fake);
        var settings = Path.Combine(tool.Home, "settings.json");
        await File.WriteAllTextAsync(settings, json);

        var result = await tool.RunAsync("--settings", settings, "--profile", "p", "clients", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task WhoAmI_ApiKeyFromStdin_Connects()
    {
        using var fake = Apis.Start("LumoAuthClients");
        using var tool = new Tool();
        Apis.Connect(tool, fake);
        tool.Environment.Remove("OAUTHCLIENTS_API_KEY");

        var result = await tool.RunWithInputAsync(fake.ApiKey + "\n", "whoami", "--api-key-stdin");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"canReadClients\": true", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoAmI_ApiKeyOnTheCommandLine_WarnsAndNeverEchoesIt()
    {
        using var fake = Apis.Start("LumoAuth");
        using var tool = new Tool();
        Apis.Connect(tool, fake);
        tool.Environment.Remove("OAUTHCLIENTS_API_KEY");

        var result = await tool.RunAsync("whoami", "--api-key", fake.ApiKey);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("warning: --api-key", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.ApiKey, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoAmI_TwoApiKeySources_ExitsTwo()
    {
        using var fake = Apis.Start("LumoAuth");
        using var tool = new Tool();
        Apis.Connect(tool, fake);
        var keyFile = Path.Combine(tool.Home, "key");
        await File.WriteAllTextAsync(keyFile, fake.ApiKey);

        var result = await tool.RunWithInputAsync(fake.ApiKey + "\n", "whoami", "--api-key-stdin", "--api-key-file", keyFile);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("More than one API key", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }
}
