using System;
using System.Linq;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.LumoAuth;

/// <summary>Invalid arguments throw a clear ArgumentException naming the parameter, and nothing reaches the server.</summary>
public sealed class LumoAuthInputRulesTests(LoopbackServer server) : LumoAuthTestBase(server)
{
    private static CreateOAuthClientRequest ValidCreate => new() { Name = "App", RedirectUris = ["https://app.example.com/cb"] };

    public static TheoryData<string, Func<IOAuthClientsClient, Task>, string, string> Cases() => new()
    {
        // label, call, expected parameter name, text the message must contain
        { "null id", c => c.GetAsync(null!), "id", "" },
        { "empty id", c => c.GetAsync(""), "id", "white-space" },
        { "blank id", c => c.DeleteAsync("  "), "id", "white-space" },
        { "dot-dot id", c => c.RotateSecretAsync(".."), "id", "'..'" },
        { "dot id", c => c.GetAsync("."), "id", "'.'" },
        { "CR/LF id", c => c.UpdateAsync("a\r\nb", new UpdateOAuthClientRequest { Name = "x" }), "id", "control characters" },
        { "id escaping the collection", c => c.GetAsync("../users"), "id", "must not contain '/'" },
        { "id with a slash", c => c.DeleteAsync("a/b"), "id", "must not contain '/'" },
        { "id starting with a slash", c => c.GetAsync("/users"), "id", "must not contain '/'" },
        { "id with a backslash", c => c.DeleteAsync("a\\b"), "id", "must not contain '/'" },
        { "id with a query", c => c.RotateSecretAsync("x?admin=1"), "id", "must not contain '/'" },
        { "id with a fragment", c => c.UpdateAsync("x#y", new UpdateOAuthClientRequest { Name = "x" }), "id", "must not contain '/'" },
        { "id with a tab", c => c.GetAsync("a\tb"), "id", "control characters" },
        { "null create", c => c.CreateAsync(null!), "request", "" },
        { "blank name", c => c.CreateAsync(ValidCreate with { Name = " " }), "request", "Name" },
        { "null name", c => c.CreateAsync(ValidCreate with { Name = null! }), "request", "Name" },
        { "no redirect URI", c => c.CreateAsync(ValidCreate with { RedirectUris = [] }), "request", "RedirectUris must contain at least one" },
        { "null redirect URIs", c => c.CreateAsync(ValidCreate with { RedirectUris = null! }), "request", "RedirectUris" },
        { "relative redirect URI", c => c.CreateAsync(ValidCreate with { RedirectUris = ["/callback"] }), "request", "not an absolute URI" },
        { "blank redirect URI", c => c.CreateAsync(ValidCreate with { RedirectUris = [" "] }), "request", "not an absolute URI" },
        { "redirect URI with fragment", c => c.CreateAsync(ValidCreate with { RedirectUris = ["https://app.example.com/cb#x"] }), "request", "fragment" },
        { "http redirect URI to the internet", c => c.CreateAsync(ValidCreate with { RedirectUris = ["http://app.example.com/cb"] }), "request", "plain http" },
        { "zero lifetime", c => c.CreateAsync(ValidCreate with { AccessTokenLifetime = TimeSpan.Zero }), "request", "AccessTokenLifetime" },
        { "negative lifetime", c => c.CreateAsync(ValidCreate with { RefreshTokenLifetime = TimeSpan.FromSeconds(-1) }), "request", "RefreshTokenLifetime" },
        { "fractional lifetime", c => c.CreateAsync(ValidCreate with { AccessTokenLifetime = TimeSpan.FromMilliseconds(1500) }), "request", "whole number of seconds" },
        { "blank scope", c => c.CreateAsync(ValidCreate with { AllowedScopes = ["openid", ""] }), "request", "AllowedScopes" },
        { "null grant type", c => c.CreateAsync(ValidCreate with { GrantTypes = [null!] }), "request", "GrantTypes" },
        { "AllowedOrigins on create", c => c.CreateAsync(ValidCreate with { AllowedOrigins = ["https://app.example.com"] }), "request", "AllowedOrigins is not supported by LumoAuth" },
        { "RequireConsent on create", c => c.CreateAsync(ValidCreate with { RequireConsent = false }), "request", "RequireConsent is not supported by LumoAuth" },
        { "IsFirstParty on create", c => c.CreateAsync(ValidCreate with { IsFirstParty = true }), "request", "IsFirstParty is not supported by LumoAuth" },
        { "IdTokenLifetime on create", c => c.CreateAsync(ValidCreate with { IdTokenLifetime = TimeSpan.FromHours(1) }), "request", "IdTokenLifetime is not supported by LumoAuth" },
        { "null update", c => c.UpdateAsync("1", null!), "request", "" },
        { "empty update", c => c.UpdateAsync("1", new UpdateOAuthClientRequest()), "request", "sets no member" },
        { "blank name on update", c => c.UpdateAsync("1", new UpdateOAuthClientRequest { Name = "" }), "request", "Name" },
        { "empty redirect URIs on update", c => c.UpdateAsync("1", new UpdateOAuthClientRequest { RedirectUris = [] }), "request", "at least one" },
        { "fragment on update", c => c.UpdateAsync("1", new UpdateOAuthClientRequest { RedirectUris = ["myapp://cb#f"] }), "request", "fragment" },
        { "negative lifetime on update", c => c.UpdateAsync("1", new UpdateOAuthClientRequest { AccessTokenLifetime = TimeSpan.FromSeconds(-5) }), "request", "AccessTokenLifetime" },
        { "zero refresh token lifetime on update", c => c.UpdateAsync("1", new UpdateOAuthClientRequest { RefreshTokenLifetime = TimeSpan.Zero }), "request", "RefreshTokenLifetime" },
        { "blank grant type on update", c => c.UpdateAsync("1", new UpdateOAuthClientRequest { GrantTypes = ["client_credentials", " "] }), "request", "GrantTypes must not contain" },
        { "blank scope on update", c => c.UpdateAsync("1", new UpdateOAuthClientRequest { AllowedScopes = [" "] }), "request", "AllowedScopes must not contain" },
        { "AllowedOrigins on update", c => c.UpdateAsync("1", new UpdateOAuthClientRequest { AllowedOrigins = [] }), "request", "AllowedOrigins is not supported by LumoAuth" },
        { "RequireConsent on update", c => c.UpdateAsync("1", new UpdateOAuthClientRequest { RequireConsent = true }), "request", "RequireConsent is not supported by LumoAuth" },
        { "IdTokenLifetime on update", c => c.UpdateAsync("1", new UpdateOAuthClientRequest { IdTokenLifetime = TimeSpan.FromHours(1) }), "request", "IdTokenLifetime is not supported by LumoAuth" },
        { "null id on enable", c => c.EnableAsync(null!), "id", "" },
        { "traversal id on disable", c => c.DisableAsync(".."), "id", "must not be '.' or '..'" },
        { "slash in id on revoke", c => c.RevokeTokensAsync("a/b"), "id", "'/'" },
        { "blank id on get scopes", c => c.GetScopesAsync(" "), "id", "white-space" },
        { "null scopes", c => c.ReplaceScopesAsync("1", null!), "scopes", "" },
        { "blank scope on replace", c => c.ReplaceScopesAsync("1", ["openid", ""]), "scopes", "Scopes" },
        { "null list options", c => c.ListAsync(null!).ToListAsync().AsTask(), "options", "" },
        { "negative page size", c => c.ListAsync(new OAuthClientListOptions { PageSize = -1 }).ToListAsync().AsTask(), "options", "PageSize" },
        { "zero page size", c => c.ListAsync(new OAuthClientListOptions { PageSize = 0 }).ToListAsync().AsTask(), "options", "PageSize is 0: it must be positive" },
        { "blank search", c => c.ListAsync(new OAuthClientListOptions { Search = " " }).ToListAsync().AsTask(), "options", "Search must not be empty" },
        { "search with a control character", c => c.ListAsync(new OAuthClientListOptions { Search = "a\tb" }).ToListAsync().AsTask(), "options", "Search must not be empty" },
        { "no fetch at once", c => c.ListAsync(new OAuthClientListOptions { FullClients = true, MaxConcurrency = 0 }).ToListAsync().AsTask(), "options", "MaxConcurrency is 0: it must be from 1 to 16" },
        { "too many fetches at once", c => c.ListAsync(new OAuthClientListOptions { FullClients = true, MaxConcurrency = 17 }).ToListAsync().AsTask(), "options", "MaxConcurrency is 17: it must be from 1 to 16" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Call_InvalidArgument_ThrowsArgumentExceptionAndSendsNothing(string label, Func<IOAuthClientsClient, Task> call, string paramName, string messagePart)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(Sut));

        Assert.Equal(paramName, error.ParamName);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.True(Server.Requests.Length == 0, $"{label}: a request was sent");
    }

    [Theory]
    [InlineData("myapp://callback")]
    [InlineData("com.example.app:/oauth2redirect")]
    [InlineData("http://localhost:3000/callback")]
    [InlineData("http://127.0.0.1:8080/cb")]
    [InlineData("http://[::1]/cb")]
    [InlineData("https://app.example.com/cb?tenant=1")]
    public async Task CreateAsync_AcceptableRedirectUri_IsSent(string redirectUri)
    {
        Server.Server.Json("POST", Collection, 201, """{ "id": "1", "name": "App", "secret": "s" }""");

        await Sut.CreateAsync(ValidCreate with { RedirectUris = [redirectUri] });

        Assert.Contains(redirectUri.Replace("&", "\\u0026", StringComparison.Ordinal), Server.SingleRequest().Body, StringComparison.Ordinal);
    }
}
