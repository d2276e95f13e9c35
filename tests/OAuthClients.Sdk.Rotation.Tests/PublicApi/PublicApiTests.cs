using System.IO;
using System.Linq;
using System.Reflection;
using OAuthClients.Sdk.Secrets;
using PublicApiGenerator;
using Xunit;

namespace OAuthClients.Sdk.Rotation.Tests.PublicApi;

/// <summary>
/// The public API of the Secrets and Rotation packages is approved in checked-in files. To approve a change, copy the
/// .received.txt file this test writes over the .approved.txt file.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly ApiGeneratorOptions Options = new()
    {
        IncludeAssemblyAttributes = false,
        ExcludeAttributes = ["System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute"],
    };

    [Fact]
    public void OAuthClientsSdkSecrets_PublicApi_MatchesTheApprovedFile() =>
        AssertApproved(typeof(ISecretStore).Assembly.GeneratePublicApi(Options), "OAuthClients.Sdk.Secrets");

    [Fact]
    public void OAuthClientsSdkRotation_PublicApi_MatchesTheApprovedFile() =>
        AssertApproved(typeof(SecretRotationService).Assembly.GeneratePublicApi(Options), "OAuthClients.Sdk.Rotation");

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
        Assert.Fail($"The public API of {name} changed. Review it, then copy {receivedPath} over {approvedPath}.");
    }
}
