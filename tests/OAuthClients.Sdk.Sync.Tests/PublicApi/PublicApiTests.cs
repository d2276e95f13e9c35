using System.IO;
using System.Linq;
using System.Reflection;
using PublicApiGenerator;
using Xunit;

namespace OAuthClients.Sdk.Sync.Tests.PublicApi;

/// <summary>
/// The public API of the Sync package is approved in checked-in files. To approve a change, copy the
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
    public void OAuthClientsSdkSync_PublicApi_MatchesTheApprovedFile() =>
        AssertApproved(typeof(ClientsSync).Assembly.GeneratePublicApi(Options), "OAuthClients.Sdk.Sync");

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
