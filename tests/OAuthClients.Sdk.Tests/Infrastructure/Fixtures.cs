using System;
using System.IO;

namespace OAuthClients.Sdk.Tests.Infrastructure;

/// <summary>The vendors' example payloads, copied from shared/fixtures into the test project.</summary>
public static class Fixtures
{
    public static string Read(string dialect, string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", dialect, name));

    public static string[] All(string dialect) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", dialect), "*.json");
}
