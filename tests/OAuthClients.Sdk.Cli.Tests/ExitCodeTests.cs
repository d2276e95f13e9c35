using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Xunit;

namespace OAuthClients.Sdk.Cli.Tests;

/// <summary>The documented exit codes, and usage errors that send nothing.</summary>
public sealed class ExitCodeTests
{
    [Theory]
    [MemberData(nameof(Apis.All), MemberType = typeof(Apis))]
    public async Task Get_UnknownId_ExitsOneWithTheServersError(string api)
    {
        using var fake = Apis.Start(api);
        using var tool = new Tool();
        Apis.Connect(tool, fake);

        var result = await tool.RunAsync("clients", "get", "999999");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("HTTP 404", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task List_ServerUnreachable_ExitsFour()
    {
        using var fake = Apis.Start("LumoAuth");
        using var tool = new Tool();
        Apis.Connect(tool, fake);
        tool.Environment["OAUTHCLIENTS_BASE_ADDRESS"] = $"http://127.0.0.1:{ClosedPort()}/";

        var result = await tool.RunAsync("clients", "list");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("clients", "frobnicate")]
    [InlineData("clients")]
    [InlineData("clients", "get")]
    [InlineData("clients", "list", "--output", "xml")]
    [InlineData("clients", "delete", "42")]
    [InlineData("clients", "update", "42")]
    [InlineData("rotate-due", "--apply")]
    public async Task Command_UsageError_ExitsTwoAndSendsNothing(params string[] args)
    {
        using var fake = Apis.Start("LumoAuth");
        using var tool = new Tool();
        Apis.Connect(tool, fake);

        var result = await tool.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task List_NoDialect_ExitsTwoNamingTheSetting()
    {
        using var fake = Apis.Start("LumoAuth");
        using var tool = new Tool();
        Apis.Connect(tool, fake);
        tool.Environment.Remove("OAUTHCLIENTS_DIALECT");

        var result = await tool.RunAsync("clients", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("OAUTHCLIENTS_DIALECT", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Help_EveryCommand_ExitsZeroWithExamples()
    {
        using var tool = new Tool();
        var transcript = new Transcript(tool, new Scrubber());
        string[][] commands =
        [
            [], ["clients"], ["clients", "list"], ["clients", "get"], ["clients", "create"], ["clients", "update"], ["clients", "delete"],
            ["clients", "enable"], ["clients", "disable"], ["clients", "revoke-tokens"], ["clients", "rotate-secret"], ["whoami"], ["rotate-due"],
            ["plan"], ["apply"], ["drift"], ["export"],
        ];
        foreach (var command in commands)
        {
            var result = await transcript.RunAsync([.. command, "--help"]);
            Assert.Equal(0, result.ExitCode);
            if (command.Length > 0 && command is not ["clients"])
            {
                Assert.Contains("Examples:", result.Stdout, StringComparison.Ordinal);
            }
        }

        Approvals.Verify(transcript.ToString(), "Help");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
