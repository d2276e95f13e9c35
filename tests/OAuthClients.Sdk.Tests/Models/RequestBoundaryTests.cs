using System;
using System.Linq;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Testing;
using Xunit;

namespace OAuthClients.Sdk.Tests.Models;

/// <summary>
/// The argument rules at their edges: the last value each rule accepts is sent and created, the first it refuses
/// throws before anything is sent.
/// </summary>
public sealed class RequestBoundaryTests
{
    private static CreateOAuthClientRequest ValidCreate => new() { Name = "App", RedirectUris = ["https://app.example.com/cb"] };

    public static TheoryData<string, CreateOAuthClientRequest> Accepted() => new()
    {
        { "lifetime of one second", ValidCreate with { AccessTokenLifetime = TimeSpan.FromSeconds(1) } },
        { "lifetime of int.MaxValue seconds", ValidCreate with { RefreshTokenLifetime = TimeSpan.FromSeconds(int.MaxValue) } },
        { "app scheme with a digit, '+', '-' and '.'", ValidCreate with { RedirectUris = ["com.example-app+v2:/callback"] } },
        { "app scheme with the digits '0' and '9'", ValidCreate with { RedirectUris = ["app0.9:/callback"] } },
        { "app scheme with the letters 'a', 'z', 'A' and 'Z'", ValidCreate with { RedirectUris = ["Za.Az:/callback"] } },
        { "loopback http", ValidCreate with { RedirectUris = ["http://127.0.0.1:8080/callback"] } },
    };

    public static TheoryData<string, CreateOAuthClientRequest, string> Refused() => new()
    {
        { "lifetime of int.MaxValue + 1 seconds", ValidCreate with { RefreshTokenLifetime = TimeSpan.FromSeconds(int.MaxValue + 1L) }, "RefreshTokenLifetime" },
        { "lifetime of one tick more than a second", ValidCreate with { AccessTokenLifetime = TimeSpan.FromTicks(TimeSpan.TicksPerSecond + 1) }, "whole number of seconds" },
        { "scheme starting with a digit", ValidCreate with { RedirectUris = ["2app:/callback"] }, "not an absolute URI" },
        { "scheme with an underscore", ValidCreate with { RedirectUris = ["my_app:/callback"] }, "not an absolute URI" },
        { "no scheme before the colon", ValidCreate with { RedirectUris = [":/callback"] }, "not an absolute URI" },
        { "second redirect URI bad", ValidCreate with { RedirectUris = ["https://app.example.com/cb", "data:text/html,x"] }, "'data:' scheme" },
        { "fragment right after the scheme", ValidCreate with { RedirectUris = ["myapp:#x"] }, "fragment" },
        { "second scope blank", ValidCreate with { AllowedScopes = ["openid", " "] }, "AllowedScopes" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task CreateAsync_LastValueARuleAccepts_IsCreated(string label, CreateOAuthClientRequest request)
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        var sut = new OAuthClientsClient(server.CreateOptions());

        var created = await sut.CreateAsync(request);

        Assert.True(request.RedirectUris.Count == created.Client.RedirectUris.Count, $"{label}: the redirect URIs were not created");
        Assert.Single(await sut.ListAsync().ToListAsync());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, OAuthClientListOptions.MaxConcurrencyLimit)]
    public async Task ListAsync_LastOptionValuesTheRulesAccept_ListsEveryClient(int pageSize, int maxConcurrency)
    {
        using var server = FakeOAuthClientsServer.Start(LumoAuthApi.Clients);
        var sut = new OAuthClientsClient(server.CreateOptions());
        await sut.CreateAsync(ValidCreate);

        var listed = await sut.ListAsync(new OAuthClientListOptions { PageSize = pageSize, MaxConcurrency = maxConcurrency, FullClients = true, Search = "App" }).ToListAsync();

        Assert.Equal("App", Assert.Single(listed).Name);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task CreateAsync_FirstValueARuleRefuses_ThrowsBeforeSending(string label, CreateOAuthClientRequest request, string message)
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        var sut = new OAuthClientsClient(server.CreateOptions());

        var thrown = await Assert.ThrowsAnyAsync<ArgumentException>(() => sut.CreateAsync(request));

        Assert.Equal("request", thrown.ParamName);
        Assert.Contains(message, thrown.Message, StringComparison.Ordinal);
        Assert.True(server.Requests.Count == 0, $"{label}: a request was sent");
    }
}
