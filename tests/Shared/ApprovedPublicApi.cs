using System;
using System.IO;
using System.Linq;
using System.Reflection;
using PublicApiGenerator;
using Xunit;

namespace OAuthClients.Sdk.TestSupport;

/// <summary>
/// A package's public API, approved in a checked-in file beside the test (<c>PublicApi/{name}.approved.txt</c>) so that
/// every change to it shows in review. To approve a change, copy the .received.txt file the failing test writes over
/// the .approved.txt file. Linked into each test project.
/// </summary>
internal static class ApprovedPublicApi
{
    private static readonly ApiGeneratorOptions Options = new()
    {
        IncludeAssemblyAttributes = false,

        // Names the compiler's state machine type, which changes whenever members are added: not API.
        ExcludeAttributes = ["System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute"],
    };

    public static void Verify(Assembly package, string name)
    {
        // The test assembly this file is compiled into knows its project directory (CI maps source paths).
        var projectDirectory = typeof(ApprovedPublicApi).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!;
        var folder = Path.Combine(projectDirectory, "PublicApi");
        var approvedPath = Path.Combine(folder, $"{name}.approved.txt");
        var receivedPath = Path.Combine(folder, $"{name}.received.txt");
        var received = package.GeneratePublicApi(Options).ReplaceLineEndings("\n");
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
