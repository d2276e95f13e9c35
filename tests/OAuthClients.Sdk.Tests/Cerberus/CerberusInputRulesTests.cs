using System;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Cerberus;

/// <summary>Cerberus's own rules, checked before anything is sent.</summary>
public sealed class CerberusInputRulesTests(LoopbackServer server) : CerberusTestBase(server)
{
    private static CreateOAuthClientRequest ValidCreate => new() { Name = "App", RedirectUris = ["https://app.example.com/cb"], AllowedScopes = ["openid"] };

    public static TheoryData<string, Func<IOAuthClientsClient, Task>, string> Cases() => new()
    {
        { "no scopes", c => c.CreateAsync(ValidCreate with { AllowedScopes = null }), "AllowedScopes is required by Cerberus" },
        { "empty scopes", c => c.CreateAsync(ValidCreate with { AllowedScopes = [] }), "AllowedScopes is required by Cerberus" },
        { "origin with a path", c => c.CreateAsync(ValidCreate with { AllowedOrigins = ["https://app.example.com/app"] }), "not an origin" },
        { "origin that is not a URI", c => c.CreateAsync(ValidCreate with { AllowedOrigins = ["app.example.com"] }), "not an origin" },
        { "blank origin", c => c.CreateAsync(ValidCreate with { AllowedOrigins = [" "] }), "AllowedOrigins must not contain" },
        { "fractional ID token lifetime", c => c.CreateAsync(ValidCreate with { IdTokenLifetime = TimeSpan.FromSeconds(0.5) }), "IdTokenLifetime" },
        { "grant types on update", c => c.UpdateAsync("c1", new UpdateOAuthClientRequest { GrantTypes = ["client_credentials"] }), "GrantTypes on update is not supported by Cerberus" },
        { "origin with a query on update", c => c.UpdateAsync("c1", new UpdateOAuthClientRequest { AllowedOrigins = ["https://a.example?x=1"] }), "not an origin" },
        { "negative ID token lifetime on update", c => c.UpdateAsync("c1", new UpdateOAuthClientRequest { IdTokenLifetime = TimeSpan.FromSeconds(-1) }), "IdTokenLifetime" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Call_InvalidForCerberus_ThrowsArgumentExceptionAndSendsNothing(string label, Func<IOAuthClientsClient, Task> call, string messagePart)
    {
        var sut = new OAuthClientsClient(SessionOptions());

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(sut));

        Assert.Equal("request", error.ParamName);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.True(Server.Requests.Length == 0, $"{label}: a request was sent");
    }

    public static TheoryData<string, Action<OAuthClientsOptions>, string> OptionCases() => new()
    {
        { "no credential", o => o.SessionCookie = null, "Cerberus needs a credential" },
        { "both credentials", o => o.ApiKey = "key", "More than one Cerberus credential is set" },
        { "LumoAuth client credentials", o => o.ClientCredentials = new() { ClientId = "admin-bot", ClientSecret = "s3cret" }, "ClientCredentials is a LumoAuth setting" },
        { "CSRF token with an API key", o => { o.SessionCookie = null; o.ApiKey = "key"; o.CsrfToken = "t"; }, "CsrfToken is only used with SessionCookie" },
        { "blank cookie name", o => o.SessionCookieName = " ", "SessionCookieName" },
        { "cookie name with '='", o => o.SessionCookieName = "a=b", "SessionCookieName" },
        { "session cookie with ';'", o => o.SessionCookie = "abc; admin=1", "SessionCookie is blank or contains white space" },
        { "organisation with CR/LF", o => o.Tenant = "acme\r\nX: 1", "Tenant must be a slug" },
        { "plain http to the internet", o => o.BaseAddress = new Uri("http://iam.example.com"), "plain http" },
    };

    [Theory]
    [MemberData(nameof(OptionCases))]
    public void Constructor_InvalidCerberusOptions_ThrowsNamingTheSetting(string label, Action<OAuthClientsOptions> breakIt, string messagePart)
    {
        var options = SessionOptions();
        breakIt(options);

        var error = Assert.Throws<ArgumentException>(() => new OAuthClientsClient(options));

        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.True(!error.Message.Contains(SessionCookie, StringComparison.Ordinal), $"{label}: the session cookie is in the message");
    }

    [Fact]
    public async Task CreateAsync_LumoAuthOnlyShapes_AreAcceptedByCerberus()
    {
        Server.Server.Json("POST", Collection, 201, """{ "id": "c1", "name": "App", "clientSecret": "s" }""");
        var sut = new OAuthClientsClient(ApiKeyOptions());

        await sut.CreateAsync(ValidCreate with { AllowedOrigins = ["https://app.example.com", "http://localhost:3000"], RequireConsent = true, IsFirstParty = false, IdTokenLifetime = TimeSpan.FromMinutes(5) });

        Assert.Contains("\"idTokenLifetime\":300", Server.SingleRequest().Body, StringComparison.Ordinal);
    }
}
