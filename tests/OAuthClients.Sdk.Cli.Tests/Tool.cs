using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Cli.Tests;

/// <summary>What one run of the tool did.</summary>
public sealed record ToolResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs the real <c>oauthclients</c> process: the build output by default, or the installed command named by
/// OAUTHCLIENTS_TOOL (CI's packed and installed tool). Standard output and error are redirected (so JSON is the
/// default output); the environment has no OAUTHCLIENTS_* variable but the ones a test gives, and HOME is a fresh
/// directory (no settings file leaks in).
/// </summary>
public sealed class Tool : IDisposable
{
    private static readonly string BuiltTool = typeof(Tool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ToolPath").Value!;

    public Tool()
    {
        Home = Directory.CreateTempSubdirectory("oauthclients-cli-tests-").FullName;
    }

    /// <summary>A fresh directory: HOME and the working directory of every run.</summary>
    public string Home { get; }

    public Dictionary<string, string> Environment { get; } = [];

    public async Task<ToolResult> RunWithInputAsync(string? stdin, params string[] args)
    {
        var installed = System.Environment.GetEnvironmentVariable("OAUTHCLIENTS_TOOL");
        var start = new ProcessStartInfo(installed ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Home,
        };
        if (installed is null)
        {
            start.ArgumentList.Add(BuiltTool);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("OAUTHCLIENTS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["HOME"] = Home;
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(Home, ".config");
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new ToolResult(process.ExitCode, await stdout, await stderr);
    }

    public Task<ToolResult> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    public void Dispose() => Directory.Delete(Home, recursive: true);
}
