using System;
using System.IO;
using System.Linq;
using System.Reflection;
using PublicApiGenerator;
using Xunit;

namespace OAuthClients.Sdk.Tests.PublicApi;

/// <summary>
/// The public API is approved in a checked-in file, so every change to it shows in review. To approve a change,
/// copy the .received.txt file this test writes over the .approved.txt file.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void OAuthClientsSdk_PublicApi_MatchesTheApprovedFile()
    {
        var options = new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,

            // Names the compiler's state machine type, which changes whenever members are added: not API.
            ExcludeAttributes = ["System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute"],
        };

        AssertApproved(typeof(OAuthClientsClient).Assembly.GeneratePublicApi(options), "OAuthClients.Sdk");
    }

    [Fact]
    public void OAuthClientsSdkTesting_PublicApi_MatchesTheApprovedFile()
    {
        AssertApproved(typeof(Sdk.Testing.FakeOAuthClientsServer).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }), "OAuthClients.Sdk.Testing");
    }

    [Fact]
    public void OAuthClientsSdkHealthChecks_PublicApi_MatchesTheApprovedFile()
    {
        AssertApproved(typeof(OAuthClientsHealthChecksBuilderExtensions).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }), "OAuthClients.Sdk.HealthChecks");
    }

    private static void AssertApproved(string api, string name)
    {
        var projectDirectory = typeof(PublicApiTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!;
        var folder = Path.Combine(projectDirectory, "PublicApi");
        var approvedPath = Path.Combine(folder, $"{name}.approved.txt");
        var receivedPath = Path.Combine(folder, $"{name}.received.txt");
        var received = api.ReplaceLineEndings("\n");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        if (received == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        var approvedLines = approved.Split('\n');
        var receivedLines = received.Split('\n');
        var diff = string.Join(
            Environment.NewLine,
            approvedLines.Except(receivedLines).Select(line => "- " + line).Concat(receivedLines.Except(approvedLines).Select(line => "+ " + line)));
        Assert.Fail($"The public API of {name} changed. Review it, then copy {receivedPath} over {approvedPath}.{Environment.NewLine}{diff}");
    }
}
