using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Configuration;

/// <summary>The Cerberus login credential: one credential per client, bindable from configuration, never quoted.</summary>
public sealed class LoginOptionsTests : IClassFixture<LoopbackServer>
{
    private const string Password = "pw-do-not-print-7";
    private readonly LoopbackServer _server;

    public LoginOptionsTests(LoopbackServer server)
    {
        _server = server;
        server.Server.Reset();
    }

    public static TheoryData<string, Action<OAuthClientsOptions>, string> Cases() => new()
    {
        { "login and API key", o => o.ApiKey = "cerb_key_1", "More than one Cerberus credential is set: keep one of ApiKey, Login, SessionCookie" },
        { "login and session cookie", o => o.SessionCookie = "sess", "More than one Cerberus credential is set" },
        { "no email", o => o.Login!.Email = null, "Login:Email is required" },
        { "not an email", o => o.Login!.Email = "svc-bot", "Login:Email is required" },
        { "no password", o => o.Login!.Password = null, "Login:Password is required" },
        { "empty password", o => o.Login!.Password = string.Empty, "Login:Password is required" },
        { "zero idle timeout", o => o.Login!.IdleTimeout = TimeSpan.Zero, "Login:IdleTimeout" },
        { "login with a CSRF token", o => o.CsrfToken = "csrf", "CsrfToken is only used with SessionCookie" },
        { "login for LumoAuth", o => { o.Dialect = OAuthDialect.LumoAuth; o.Tenant = "acme"; o.ApiKey = "sk_1"; }, "Login is a Cerberus setting that LumoAuth does not use" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Constructor_InvalidLogin_ThrowsNamingTheSettingWithoutThePassword(string label, Action<OAuthClientsOptions> breakIt, string messagePart)
    {
        var options = Valid();
        breakIt(options);

        var error = Assert.Throws<ArgumentException>(() => new OAuthClientsClient(options));

        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.True(!error.Message.Contains(Password, StringComparison.Ordinal), $"{label}: the password is in the message");
    }

    [Fact]
    public void Constructor_PasswordWithSpaces_IsAccepted()
    {
        var options = Valid();
        options.Login!.Password = "correct horse battery staple";

        using var sut = new OAuthClientsClient(options);

        Assert.NotNull(sut);
    }

    [Fact]
    public async Task AddOAuthClientsSdk_LoginFromConfiguration_LogsInWithIt()
    {
        _server.Server.Json("POST", "/v1/auth/login", 401, """{ "status": 401, "detail": "Invalid email or password" }""");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OAuthClients:Dialect"] = "Cerberus",
            ["OAuthClients:BaseAddress"] = _server.BaseAddress.AbsoluteUri,
            ["OAuthClients:Login:Email"] = "svc-bot@acme.test",
            ["OAuthClients:Login:Password"] = Password,
            ["OAuthClients:Login:IdleTimeout"] = "00:10:00",
            ["OAuthClients:MaxRetries"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddOAuthClientsSdk(configuration.GetSection("OAuthClients"));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var error = await Assert.ThrowsAsync<Errors.OAuthClientsApiException>(() => provider.GetRequiredService<IOAuthClientsClient>().GetAsync("c1"));

        var options = provider.GetRequiredService<IOptionsMonitor<OAuthClientsOptions>>().Get(Options.DefaultName);
        Assert.Equal(TimeSpan.FromMinutes(10), options.Login!.IdleTimeout);
        JsonAssert.Equal($$"""{ "email": "svc-bot@acme.test", "password": "{{Password}}" }""", _server.SingleRequest().Body);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    private static OAuthClientsOptions Valid() => new()
    {
        Dialect = OAuthDialect.Cerberus,
        BaseAddress = new Uri("https://iam.example.com"),
        Login = new LoginOptions { Email = "svc-bot@acme.test", Password = Password },
    };
}
