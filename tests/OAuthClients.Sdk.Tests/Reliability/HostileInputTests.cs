using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Reliability;

/// <summary>
/// Options and inputs at their extremes (issue 19, classes 4 and 8; issue 17, item 5): refused before anything is
/// sent, with the setting or parameter named, or they work.
/// </summary>
public sealed class HostileInputTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private const string ApiKey = "sk_live_HOSTILE_input_8d2e";

    public static TheoryData<string, Action<OAuthClientsOptions>, string> RefusedOptions() => new()
    {
        { "Timeout TimeSpan.MaxValue", o => o.Timeout = TimeSpan.MaxValue, "Timeout is" },
        { "Timeout 60 days", o => o.Timeout = TimeSpan.FromDays(60), "Timeout is" },
        { "Timeout just over an hour", o => o.Timeout = TimeSpan.FromHours(1) + TimeSpan.FromTicks(1), "Timeout is" },
        { "MaxRetryDelay TimeSpan.MaxValue", o => o.MaxRetryDelay = TimeSpan.MaxValue, "MaxRetryDelay is" },
        { "MaxRetryDelay 60 days", o => o.MaxRetryDelay = TimeSpan.FromDays(60), "MaxRetryDelay is" },
        { "MaxRetryDelay infinite", o => o.MaxRetryDelay = System.Threading.Timeout.InfiniteTimeSpan, "MaxRetryDelay is" },
        { "MaxResponseSize zero", o => o.MaxResponseSize = 0, "MaxResponseSize is 0" },
        { "MaxResponseSize 1 GiB", o => o.MaxResponseSize = 1024 * 1024 * 1024, "MaxResponseSize is" },
        { "API key with a zero-width space", o => o.ApiKey = ApiKey + "\u200B", "ApiKey is blank or contains white space, control or non-ASCII" },
        { "API key with non-ASCII", o => o.ApiKey = "sk_live_clé", "ApiKey is blank or contains white space, control or non-ASCII" },
        { "client secret with a no-break space", o => { o.ApiKey = null; o.ClientCredentials = new() { ClientId = "bot", ClientSecret = "s3\u00A0cret" }; }, "ClientCredentials:ClientSecret is blank" },
        { "tenant '.'", o => o.Tenant = ".", "Tenant must be a slug" },
        { "tenant '..'", o => o.Tenant = "..", "Tenant must be a slug" },
    };

    [Theory]
    [MemberData(nameof(RefusedOptions))]
    public void Constructor_OptionAtItsExtreme_IsRefusedNamingTheSetting(string label, Action<OAuthClientsOptions> breakIt, string messagePart)
    {
        var options = Valid(new Uri("https://app.lumoauth.dev"));
        breakIt(options);

        var error = Assert.Throws<ArgumentException>(() => new OAuthClientsClient(options));

        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.False(error.Message.Contains(ApiKey, StringComparison.Ordinal), label);
    }

    [Fact]
    public void Constructor_CerberusSessionCookieWithZeroWidthSpace_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new OAuthClientsClient(new OAuthClientsOptions
        {
            Dialect = OAuthDialect.Cerberus,
            BaseAddress = new Uri("https://iam.example.com"),
            SessionCookie = "sess\u200Bion",
        }));

        Assert.Contains("SessionCookie is blank or contains", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30", "Timeout")]
    [InlineData("30", "MaxRetryDelay")]
    public void AddOAuthClientsSdk_BareNumberDurationInConfiguration_FailsAtStartUp(string value, string key)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OAuthClients:BaseAddress"] = "https://app.lumoauth.dev",
            ["OAuthClients:Tenant"] = "acme",
            ["OAuthClients:ApiKey"] = ApiKey,
            [$"OAuthClients:{key}"] = value,
        }).Build();
        var services = new ServiceCollection();
        services.AddOAuthClientsSdk(configuration.GetSection("OAuthClients"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<OAuthClientsOptions>>().Get(Options.DefaultName));

        Assert.Contains($"{key} is 30.00:00:00", error.Message, StringComparison.Ordinal);
        Assert.Contains("a bare '30' means 30 days", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_LongestAcceptedDurations_Work()
    {
        server.Server.Reset();
        server.Server.Json("GET", "/t/acme/api/v1/admin/oauth-clients/c1", 200, """{ "id": "c1", "name": "x" }""");
        var options = Valid(server.BaseAddress);
        options.Timeout = OAuthClientsOptions.MaxDuration;
        options.MaxRetryDelay = OAuthClientsOptions.MaxDuration;

        var client = await new OAuthClientsClient(options).GetAsync("c1");

        Assert.Equal("c1", client.Id);
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)", "javascript")]
    [InlineData("JavaScript:alert(1)", "javascript")]
    [InlineData("data:text/html,<script>alert(1)</script>", "data")]
    [InlineData("vbscript:msgbox(1)", "vbscript")]
    [InlineData("file:///etc/passwd", "file")]
    public async Task CreateAndUpdateAsync_ScriptCapableOrLocalRedirectUri_AreRefusedBeforeSending(string uri, string scheme)
    {
        server.Server.Reset();
        var sut = new OAuthClientsClient(Valid(server.BaseAddress));

        var create = await Assert.ThrowsAsync<ArgumentException>(() => sut.CreateAsync(new CreateOAuthClientRequest { Name = "x", RedirectUris = ["https://ok.example.com/cb", uri] }));
        var update = await Assert.ThrowsAsync<ArgumentException>(() => sut.UpdateAsync("c1", new UpdateOAuthClientRequest { RedirectUris = [uri] }));

        foreach (var error in new[] { create, update })
        {
            Assert.Equal("request", error.ParamName);
            Assert.Contains("RedirectUris", error.Message, StringComparison.Ordinal);
            Assert.Contains($"'{scheme}:' scheme", error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(server.Requests);
    }

    private static OAuthClientsOptions Valid(Uri baseAddress) => new()
    {
        BaseAddress = baseAddress,
        Tenant = "acme",
        ApiKey = ApiKey,
        MaxRetries = 0,
    };
}
