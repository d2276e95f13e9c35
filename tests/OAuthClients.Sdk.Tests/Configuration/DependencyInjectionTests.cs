using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Configuration;

public sealed class DependencyInjectionTests : IClassFixture<LoopbackServer>
{
    private readonly LoopbackServer _server;

    public DependencyInjectionTests(LoopbackServer server)
    {
        _server = server;
        server.Server.Reset();
    }

    [Fact]
    public async Task AddOAuthClientsSdk_Unnamed_ResolvesInterfaceAndClassThatCallTheServer()
    {
        _server.Server.Json("GET", "/t/acme/api/v1/admin/oauth-clients/1", 200, """{ "id": "1", "name": "From DI" }""");
        var services = new ServiceCollection();
        services.AddOAuthClientsSdk(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Tenant = "acme";
            o.ApiKey = "sk_test_di";
        });
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var byInterface = provider.GetRequiredService<IOAuthClientsClient>();
        var byClass = provider.GetRequiredService<OAuthClientsClient>();

        Assert.Equal("From DI", (await byInterface.GetAsync("1")).Name);
        Assert.Equal("From DI", (await byClass.GetAsync("1")).Name);
        Assert.Equal("Bearer sk_test_di", LoopbackServer.Header(_server.Requests[0], "Authorization"));
    }

    [Fact]
    public async Task AddOAuthClientsSdk_FromConfiguration_BindsEveryKey()
    {
        _server.Server.Json("GET", "/t/tenant-from-config/api/v1/admin/oauth-clients/1", 200, """{ "id": "1", "name": "x" }""");
        var configuration = Configuration(new()
        {
            ["Dialect"] = "LumoAuth",
            ["BaseAddress"] = _server.BaseAddress.AbsoluteUri,
            ["Tenant"] = "tenant-from-config",
            ["ApiKey"] = "sk_from_config",
            ["Timeout"] = "00:00:05",
            ["MaxRetries"] = "1",
        });
        var services = new ServiceCollection();
        services.AddOAuthClientsSdk(configuration);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IOAuthClientsClient>().GetAsync("1");

        var options = provider.GetRequiredService<IOptionsMonitor<OAuthClientsOptions>>().Get(Options.DefaultName);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal(1, options.MaxRetries);
        Assert.Equal("Bearer sk_from_config", LoopbackServer.Header(_server.SingleRequest(), "Authorization"));
    }

    [Fact]
    public async Task AddOAuthClientsSdk_ClientCredentialsFromConfiguration_FetchesTheAdminTokenWithThem()
    {
        _server.Server.Json("POST", "/t/acme/api/v1/oauth/token", 200, """{ "access_token": "at-config", "token_type": "Bearer", "expires_in": 3600 }""");
        _server.Server.Json("GET", "/t/acme/api/v1/admin/oauth-clients/1", 200, """{ "id": "1", "name": "x" }""");
        var configuration = Configuration(new()
        {
            ["BaseAddress"] = _server.BaseAddress.AbsoluteUri,
            ["Tenant"] = "acme",
            ["ClientCredentials:ClientId"] = "admin-bot",
            ["ClientCredentials:ClientSecret"] = "secret-from-config",
        });
        var services = new ServiceCollection();
        services.AddOAuthClientsSdk(configuration);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IOAuthClientsClient>().GetAsync("1");

        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("admin-bot:secret-from-config"));
        Assert.Equal($"Basic {basic}", LoopbackServer.Header(_server.Requests[0], "Authorization"));
        Assert.Equal("Bearer at-config", LoopbackServer.Header(_server.Requests[1], "Authorization"));
    }

    [Fact]
    public async Task AddOAuthClientsSdk_UnknownNestedConfigurationKey_FailsStartupValidation()
    {
        var configuration = Configuration(new()
        {
            ["BaseAddress"] = "https://app.lumoauth.dev",
            ["Tenant"] = "acme",
            ["ClientCredentials:ClientId"] = "admin-bot",
            ["ClientCredentials:Secret"] = "typo",
        });
        var services = new ServiceCollection();
        services.AddOAuthClientsSdk(configuration);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("ClientCredentials:Secret is not a setting; did you mean ClientSecret?", Assert.Single(error.Failures));
        Assert.DoesNotContain("typo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddOAuthClientsSdk_MistypedLoginKey_NamesItsPathAndTheNearestSetting()
    {
        var configuration = Configuration(new()
        {
            ["Dialect"] = "Cerberus",
            ["BaseAddress"] = "https://iam.example.com",
            ["Login:Email"] = "bot@example.com",
            ["Login:Pasword"] = "typo-password",
        });
        var services = new ServiceCollection();
        services.AddOAuthClientsSdk(configuration);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("Login:Pasword is not a setting; did you mean Password?", Assert.Single(error.Failures));
        Assert.DoesNotContain("typo-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoginOptions_EmptyValues_AreUnset()
    {
        var login = new LoginOptions { Email = string.Empty, Password = string.Empty };

        Assert.Null(login.Email);
        Assert.Null(login.Password);
    }

    [Fact]
    public async Task AddOAuthClientsSdk_UnknownConfigurationKey_FailsStartupValidation()
    {
        var configuration = Configuration(new()
        {
            ["BaseAddress"] = "https://app.lumoauth.dev",
            ["Tenant"] = "acme",
            ["ApiKey"] = "sk_x",
            ["Tennant"] = "typo",
        });
        var services = new ServiceCollection();
        services.AddOAuthClientsSdk(configuration);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("Tennant is not a setting; did you mean Tenant?", Assert.Single(error.Failures));
        Assert.DoesNotContain("typo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddOAuthClientsSdk_UnknownKeyInASection_NamesItsPathAndTheNearestSetting()
    {
        var configuration = Configuration(new()
        {
            ["OAuthClients:BaseAddress"] = "https://app.lumoauth.dev",
            ["OAuthClients:Tenant"] = "acme",
            ["OAuthClients:ApiKey"] = "sk_x",
            ["OAuthClients:Tennant"] = "typo",
            ["OAuthClients:Colour"] = "blue",
        });
        var services = new ServiceCollection();
        services.AddOAuthClientsSdk(configuration.GetSection("OAuthClients"));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("OAuthClients:Tennant is not a setting; did you mean Tenant?", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("OAuthClients:Colour is not a setting; the settings are Dialect, BaseAddress, LumoAuthApi, LumoAuthRoutePrefix, Tenant, ApiKey,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddOAuthClientsSdk_NamedFromConfiguration_BindsEachSectionStrictly()
    {
        _server.Server.Json("GET", "/t/lumo-tenant/api/v1/admin/oauth-clients/1", 200, """{ "id": "1", "name": "lumo" }""");
        _server.Server.Json("GET", "/v1/admin/clients/1", 200, """{ "id": "1", "name": "cerb" }""");
        var configuration = Configuration(new()
        {
            ["Providers:Lumo:BaseAddress"] = _server.BaseAddress.AbsoluteUri,
            ["Providers:Lumo:Tenant"] = "lumo-tenant",
            ["Providers:Lumo:ApiKey"] = "sk_lumo",
            ["Providers:Cerb:Dialect"] = "Cerberus",
            ["Providers:Cerb:BaseAddress"] = _server.BaseAddress.AbsoluteUri,
            ["Providers:Cerb:ApiKey"] = "sk_cerb",
            ["Providers:Cerb:MaxRetries"] = "0",
        });
        var services = new ServiceCollection();
        services.AddOAuthClientsSdk("lumo", configuration.GetSection("Providers:Lumo"));
        services.AddOAuthClientsSdk("cerb", configuration.GetSection("Providers:Cerb"));
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IOAuthClientsClientFactory>();

        Assert.Equal("lumo", (await factory.CreateClient("lumo").GetAsync("1")).Name);
        Assert.Equal("cerb", (await factory.CreateClient("cerb").GetAsync("1")).Name);
        Assert.Equal("Bearer sk_lumo", LoopbackServer.Header(_server.Requests[0], "Authorization"));
        Assert.Equal("Bearer sk_cerb", LoopbackServer.Header(_server.Requests[1], "Authorization"));
        Assert.Equal(0, provider.GetRequiredService<IOptionsMonitor<OAuthClientsOptions>>().Get("cerb").MaxRetries);
    }

    [Fact]
    public async Task AddOAuthClientsSdk_NamedFromConfigurationWithATypo_FailsStartupNamingThePath()
    {
        var configuration = Configuration(new()
        {
            ["Providers:Cerb:Dialect"] = "Cerberus",
            ["Providers:Cerb:BaseAddress"] = "https://iam.example.com",
            ["Providers:Cerb:ApiKey"] = "sk_cerb",
            ["Providers:Cerb:SessionCookeName"] = "cerb_sid",
        });
        var services = new ServiceCollection();
        services.AddOAuthClientsSdk("cerb", configuration.GetSection("Providers:Cerb"));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("cerb", error.OptionsName);
        Assert.Equal("Providers:Cerb:SessionCookeName is not a setting; did you mean SessionCookieName?", Assert.Single(error.Failures));
    }

    [Fact]
    public async Task AddOAuthClientsSdk_EmptyValuesInConfiguration_CountAsUnset()
    {
        _server.Server.Json("POST", "/t/acme/api/v1/oauth/token", 200, """{ "access_token": "at-config", "token_type": "Bearer", "expires_in": 3600 }""");
        _server.Server.Json("GET", "/t/acme/api/v1/admin/oauth-clients/1", 200, """{ "id": "1", "name": "x" }""");
        var configuration = Configuration(new()
        {
            ["BaseAddress"] = _server.BaseAddress.AbsoluteUri,
            ["Tenant"] = "acme",
            ["ApiKey"] = "",
            ["SessionCookie"] = "",
            ["SessionCookieName"] = "",
            ["Timeout"] = "",
            ["MaxRetries"] = "",
            ["ClientCredentials:ClientId"] = "admin-bot",
            ["ClientCredentials:ClientSecret"] = "secret-from-config",
        });
        var services = new ServiceCollection();
        services.AddOAuthClientsSdk(configuration);
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        await provider.GetRequiredService<IOAuthClientsClient>().GetAsync("1");

        var options = provider.GetRequiredService<IOptionsMonitor<OAuthClientsOptions>>().Get(Options.DefaultName);
        Assert.Null(options.ApiKey);
        Assert.Equal(OAuthClientsOptions.DefaultSessionCookieName, options.SessionCookieName);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal("Bearer at-config", LoopbackServer.Header(_server.Requests[1], "Authorization"));
    }

    [Fact]
    public async Task AddOAuthClientsSdk_EmptyCredentialSectionInConfiguration_IsNoCredential()
    {
        _server.Server.Json("GET", "/t/acme/api/v1/admin/oauth-clients/1", 200, """{ "id": "1", "name": "x" }""");
        var configuration = Configuration(new()
        {
            ["BaseAddress"] = _server.BaseAddress.AbsoluteUri,
            ["Tenant"] = "acme",
            ["ApiKey"] = "sk_key",
            ["ClientCredentials:ClientId"] = "",
            ["ClientCredentials:ClientSecret"] = "",
        });
        var services = new ServiceCollection();
        services.AddOAuthClientsSdk(configuration);
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        await provider.GetRequiredService<IOAuthClientsClient>().GetAsync("1");

        Assert.Null(provider.GetRequiredService<IOptionsMonitor<OAuthClientsOptions>>().Get(Options.DefaultName).ClientCredentials);
        Assert.Equal("Bearer sk_key", LoopbackServer.Header(_server.SingleRequest(), "Authorization"));
    }

    [Fact]
    public async Task AddOAuthClientsSdk_InvalidOptions_FailStartupValidationNamingTheSetting()
    {
        var services = new ServiceCollection();
        services.AddOAuthClientsSdk(o => o.BaseAddress = new Uri("http://iam.example.com"));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("plain http", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Tenant is required", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddOAuthClientsSdk_Named_FactoryServesEachNameAndRejectsUnknownNames()
    {
        _server.Server.Json("GET", "/t/one/api/v1/admin/oauth-clients/1", 200, """{ "id": "1", "name": "one" }""");
        _server.Server.Json("GET", "/t/two/api/v1/admin/oauth-clients/1", 200, """{ "id": "1", "name": "two" }""");
        var services = new ServiceCollection();
        services.AddOAuthClientsSdk("one", o => { o.BaseAddress = _server.BaseAddress; o.Tenant = "one"; o.ApiKey = "k1"; });
        services.AddOAuthClientsSdk("two", o => { o.BaseAddress = _server.BaseAddress; o.Tenant = "two"; o.ApiKey = "k2"; });
        services.AddOAuthClientsSdk("two", o => { o.BaseAddress = _server.BaseAddress; o.Tenant = "two"; o.ApiKey = "k2"; });
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IOAuthClientsClientFactory>();

        Assert.Equal("one", (await factory.CreateClient("one").GetAsync("1")).Name);
        Assert.Equal("two", (await factory.CreateClient("two").GetAsync("1")).Name);
        Assert.Contains("'three'", Assert.Throws<InvalidOperationException>(() => factory.CreateClient("three")).Message, StringComparison.Ordinal);
        Assert.Null(provider.GetService<IOAuthClientsClient>());
    }

    [Fact]
    public async Task AddOAuthClientsSdk_LumoAuthClientsApiFromConfiguration_SendsXApiKeyToTheOrgsRoute()
    {
        _server.Server.Json("GET", "/orgs/acme/api/v1/admin/clients/1", 200, """{ "data": { "id": 1, "clientId": "lmc_1", "name": "x" } }""");
        var configuration = Configuration(new()
        {
            ["BaseAddress"] = _server.BaseAddress.AbsoluteUri,
            ["Tenant"] = "acme",
            ["ApiKey"] = "lmk_from_config",
            ["LumoAuthApi"] = "Clients",
            ["LumoAuthRoutePrefix"] = "Organization",
        });
        var services = new ServiceCollection();
        services.AddOAuthClientsSdk(configuration);
        await using var provider = services.BuildServiceProvider();

        var client = await provider.GetRequiredService<IOAuthClientsClient>().GetAsync("1");

        Assert.Equal("lmc_1", client.ClientId);
        var request = _server.SingleRequest();
        Assert.Equal("lmk_from_config", LoopbackServer.Header(request, "X-API-Key"));
        Assert.Null(LoopbackServer.Header(request, "Authorization"));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
