using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using OAuthClients.Sdk.Testing;
using Xunit;

namespace OAuthClients.Sdk.Cli.Tests;

/// <summary>The three APIs the tool is tested against: LumoAuth's two admin APIs and Cerberus.</summary>
public static class Apis
{
    public static TheoryData<string> All => ["LumoAuth", "LumoAuthClients", "Cerberus"];

    public static FakeOAuthClientsServer Start(string api) => api switch
    {
        "LumoAuth" => FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth),
        "LumoAuthClients" => FakeOAuthClientsServer.Start(LumoAuthApi.Clients),
        "Cerberus" => FakeOAuthClientsServer.Start(OAuthDialect.Cerberus),
        _ => throw new ArgumentOutOfRangeException(nameof(api), api, null),
    };

    /// <summary>A fake whose clock runs <paramref name="ago"/> behind: the clients it creates are that old.</summary>
    public static FakeOAuthClientsServer StartInThePast(OAuthDialect dialect, TimeSpan ago) =>
        FakeOAuthClientsServer.Start(dialect, new FakeServerOptions { TimeProvider = new PastClock(ago) });

    private sealed class PastClock(TimeSpan ago) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() - ago;
    }

    /// <summary>The connection to <paramref name="fake"/> as environment variables (the API key in OAUTHCLIENTS_API_KEY).</summary>
    public static void Connect(Tool tool, FakeOAuthClientsServer fake)
    {
        var options = fake.CreateOptions();
        tool.Environment["OAUTHCLIENTS_DIALECT"] = options.Dialect.ToString();
        tool.Environment["OAUTHCLIENTS_LUMOAUTH_API"] = options.LumoAuthApi.ToString();
        tool.Environment["OAUTHCLIENTS_BASE_ADDRESS"] = options.BaseAddress!.ToString();
        tool.Environment["OAUTHCLIENTS_TENANT"] = options.Tenant!;
        tool.Environment["OAUTHCLIENTS_API_KEY"] = fake.ApiKey;
    }
}

/// <summary>A scrubbed record of tool runs: each command, its exit code, its standard output and error.</summary>
public sealed class Transcript(Tool tool, Scrubber scrubber)
{
    private readonly StringBuilder _text = new();

    public List<ToolResult> Results { get; } = [];

    public async Task<ToolResult> RunAsync(Action? beforeScrub, params string[] args)
    {
        var result = await tool.RunAsync(args);
        Results.Add(result);
        beforeScrub?.Invoke();
        _text.Append("$ oauthclients ").AppendLine(scrubber.Scrub(string.Join(' ', args)))
            .Append("exit ").Append(result.ExitCode).AppendLine()
            .AppendLine(scrubber.Scrub(result.Stdout).TrimEnd());
        if (result.Stderr.Length > 0)
        {
            _text.AppendLine("[stderr]").AppendLine(scrubber.Scrub(result.Stderr).TrimEnd());
        }

        _text.AppendLine();
        return result;
    }

    public Task<ToolResult> RunAsync(params string[] args) => RunAsync(null, args);

    public override string ToString() => _text.ToString();
}
