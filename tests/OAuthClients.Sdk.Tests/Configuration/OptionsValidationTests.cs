using System;
using System.Collections.Generic;
using System.Net.Http;
using Xunit;

namespace OAuthClients.Sdk.Tests.Configuration;

/// <summary>The constructors reject bad options with a message that names the setting; nothing is sent.</summary>
public sealed class OptionsValidationTests
{
    private const string ApiKey = "sk_live_do_not_print_me_42";

    private static OAuthClientsOptions Valid() => new()
    {
        Dialect = OAuthDialect.LumoAuth,
        BaseAddress = new Uri("https://app.lumoauth.dev"),
        Tenant = "acme-corp",
        ApiKey = ApiKey,
    };

    public static TheoryData<string, Action<OAuthClientsOptions>, string> Cases() => new()
    {
        { "no base address", o => o.BaseAddress = null, "BaseAddress is required" },
        { "relative base address", o => o.BaseAddress = new Uri("/api", UriKind.Relative), "must be an absolute https address" },
        { "ftp base address", o => o.BaseAddress = new Uri("ftp://files.example.com"), "must be an absolute https address" },
        { "plain http to the internet", o => o.BaseAddress = new Uri("http://app.lumoauth.dev"), "plain http" },
        { "query in base address", o => o.BaseAddress = new Uri("https://app.lumoauth.dev/?x=1"), "must not carry a query" },
        { "no tenant", o => o.Tenant = null, "Tenant is required for LumoAuth" },
        { "tenant with slash", o => o.Tenant = "acme/../other", "Tenant must be a slug" },
        { "tenant with CR/LF", o => o.Tenant = "acme\r\nX-Evil: 1", "Tenant must be a slug" },
        { "tenant with non-ASCII", o => o.Tenant = "acmé", "Tenant must be a slug" },
        { "blank tenant", o => o.Tenant = " ", "Tenant must be a slug" },
        { "no API key", o => o.ApiKey = null, "LumoAuth needs a credential: set ApiKey" },
        { "API key and client credentials", o => o.ClientCredentials = new() { ClientId = "admin-bot", ClientSecret = "s3cret" }, "More than one LumoAuth credential is set" },
        { "client credentials without a secret", o => { o.ApiKey = null; o.ClientCredentials = new() { ClientId = "admin-bot" }; }, "ClientCredentials needs both ClientId and ClientSecret" },
        { "client secret with a space", o => { o.ApiKey = null; o.ClientCredentials = new() { ClientId = "admin-bot", ClientSecret = "s3 cret" }; }, "ClientCredentials:ClientSecret is blank or contains white space" },
        { "API key with a line break", o => o.ApiKey = ApiKey + "\r\nX-Evil: 1", "ApiKey is blank or contains white space" },
        { "session cookie for LumoAuth", o => o.SessionCookie = "cookie-value", "Cerberus settings that LumoAuth does not use" },
        { "zero timeout", o => o.Timeout = TimeSpan.Zero, "Timeout" },
        { "negative retries", o => o.MaxRetries = -1, "MaxRetries" },
        { "unknown dialect", o => o.Dialect = (OAuthDialect)42, "Dialect is 42" },
        { "unknown LumoAuth API", o => o.LumoAuthApi = (LumoAuthApi)7, "LumoAuthApi is 7" },
        { "unknown route prefix", o => o.LumoAuthRoutePrefix = (LumoAuthRoutePrefix)7, "LumoAuthRoutePrefix is 7" },
        { "orgs prefix on the seed API", o => o.LumoAuthRoutePrefix = LumoAuthRoutePrefix.Organization, "exists only for LumoAuthApi Clients" },
        { "LumoAuth API for Cerberus", o => { o.Dialect = OAuthDialect.Cerberus; o.LumoAuthApi = LumoAuthApi.Clients; }, "LumoAuth settings that Cerberus does not use" },
        { "Clients API without credential", o => { o.LumoAuthApi = LumoAuthApi.Clients; o.ApiKey = null; }, "LumoAuth needs a credential" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Constructor_InvalidOptions_ThrowsArgumentExceptionNamingTheSetting(string label, Action<OAuthClientsOptions> breakIt, string messagePart)
    {
        var options = Valid();
        breakIt(options);

        var error = Assert.Throws<ArgumentException>(() => new OAuthClientsClient(options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.True(!error.Message.Contains(ApiKey, StringComparison.Ordinal), $"{label}: the API key is in the message");
    }

    [Theory]
    [InlineData("http://localhost:5000")]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://[::1]:5000")]
    [InlineData("https://app.lumoauth.dev/eu/")]
    public void Constructor_AcceptableBaseAddress_Succeeds(string baseAddress)
    {
        var options = Valid();
        options.BaseAddress = new Uri(baseAddress);

        var sut = new OAuthClientsClient(options);

        Assert.NotNull(sut);
    }

    [Fact]
    public void Constructor_NullArguments_ThrowArgumentNullException()
    {
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new OAuthClientsClient(null!)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new OAuthClientsClient(new HttpClient(), null!)).ParamName);
        Assert.Equal("httpClient", Assert.Throws<ArgumentNullException>(() => new OAuthClientsClient(null!, Valid())).ParamName);
    }

    [Fact]
    public void Constructor_SeveralProblems_ListsEveryOne()
    {
        var options = new OAuthClientsOptions();

        var error = Assert.Throws<ArgumentException>(() => new OAuthClientsClient(options));

        Assert.Contains("BaseAddress is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tenant is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("LumoAuth needs a credential", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EmptyApiKeyBesideClientCredentials_CountsAsUnset()
    {
        var options = Valid();
        options.ApiKey = string.Empty;
        options.ClientCredentials = new() { ClientId = "admin-bot", ClientSecret = "s3cret" };

        using var http = new HttpClient();

        var error = Record.Exception(() => new OAuthClientsClient(http, options));

        Assert.Null(error);
    }

    [Fact]
    public void Options_EmptyText_IsUnset()
    {
        var sut = new OAuthClientsOptions { Tenant = "", ApiKey = "", SessionCookie = "", CsrfToken = "", ClientCredentials = new() { ClientId = "", ClientSecret = "" } };

        Assert.Null(sut.Tenant);
        Assert.Null(sut.ApiKey);
        Assert.Null(sut.SessionCookie);
        Assert.Null(sut.CsrfToken);
        Assert.Null(sut.ClientCredentials.ClientId);
        Assert.Null(sut.ClientCredentials.ClientSecret);
    }

    [Fact]
    public void Options_Defaults_AreDocumentedValues()
    {
        var options = new OAuthClientsOptions();

        Assert.Equal(OAuthDialect.LumoAuth, options.Dialect);
        Assert.Equal("cerberus_session", options.SessionCookieName);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(new List<object?> { null, null, null, null, null }, new List<object?> { options.BaseAddress, options.Tenant, options.ApiKey, options.SessionCookie, options.CsrfToken });
    }
}
