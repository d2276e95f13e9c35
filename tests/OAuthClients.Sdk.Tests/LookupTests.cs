using System;
using System.Linq;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Testing;
using Xunit;

namespace OAuthClients.Sdk.Tests;

/// <summary>The lookups by client_id and by name, built on listing, for both dialects.</summary>
public sealed class LookupTests
{
    [Theory]
    [InlineData(OAuthDialect.LumoAuth)]
    [InlineData(OAuthDialect.Cerberus)]
    public async Task FindByClientIdAsync_ExistingAndMissing_ReturnsTheClientOrNull(OAuthDialect dialect)
    {
        using var server = FakeOAuthClientsServer.Start(dialect);
        var sut = new OAuthClientsClient(server.CreateOptions());
        await sut.CreateAsync(Request("First"));
        var second = await sut.CreateAsync(Request("Second"));

        var found = await sut.FindByClientIdAsync(second.Client.ClientId);
        var missing = await sut.FindByClientIdAsync("no-such-client");
        var otherCase = await sut.FindByClientIdAsync(second.Client.ClientId.ToUpperInvariant());

        Assert.Equal("Second", found!.Name);
        Assert.Equal(second.Client.Id, found.Id);
        Assert.Null(missing);
        Assert.Null(otherCase);
    }

    [Theory]
    [InlineData(OAuthDialect.LumoAuth)]
    [InlineData(OAuthDialect.Cerberus)]
    public async Task FindByNameAsync_SharedName_ReturnsEveryClientWithIt(OAuthDialect dialect)
    {
        using var server = FakeOAuthClientsServer.Start(dialect);
        var sut = new OAuthClientsClient(server.CreateOptions());
        var a = await sut.CreateAsync(Request("Shop"));
        await sut.CreateAsync(Request("Blog"));
        var b = await sut.CreateAsync(Request("Shop"));

        var found = await sut.FindByNameAsync("Shop");
        var none = await sut.FindByNameAsync("shop");

        Assert.Equal([a.Client.Id, b.Client.Id], found.Select(c => c.Id));
        Assert.Empty(none);
    }

    [Fact]
    public async Task FindByClientIdAsync_BadArguments_ThrowBeforeSending()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        var sut = new OAuthClientsClient(server.CreateOptions());

        Assert.Equal("clientId", (await Assert.ThrowsAsync<ArgumentNullException>(() => sut.FindByClientIdAsync(null!))).ParamName);
        Assert.Equal("clientId", (await Assert.ThrowsAsync<ArgumentException>(() => sut.FindByClientIdAsync(" "))).ParamName);
        Assert.Equal("name", (await Assert.ThrowsAsync<ArgumentException>(() => sut.FindByNameAsync(string.Empty))).ParamName);
        Assert.Equal("client", (await Assert.ThrowsAsync<ArgumentNullException>(() => OAuthClientsClientExtensions.FindByNameAsync(null!, "x"))).ParamName);
        Assert.Empty(server.Requests);
    }

    private static CreateOAuthClientRequest Request(string name) => new() { Name = name, RedirectUris = ["https://a.example/cb"], AllowedScopes = ["openid"] };
}
