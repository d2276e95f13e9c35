using System.Collections.Generic;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests;

/// <summary>The same calls work for both providers: only the dialect and the credentials change.</summary>
public sealed class BothDialectsTests : IClassFixture<LoopbackServer>
{
    private readonly LoopbackServer _server;

    public BothDialectsTests(LoopbackServer server)
    {
        _server = server;
        server.Server.Reset();
    }

    public static TheoryData<OAuthDialect> Dialects() => [OAuthDialect.LumoAuth, OAuthDialect.Cerberus];

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Lifecycle_IdenticalCalls_WorkForEachDialect(OAuthDialect dialect)
    {
        var (options, collection, rotatePath, secretJson) = dialect == OAuthDialect.LumoAuth
            ? (new OAuthClientsOptions { Dialect = dialect, BaseAddress = _server.BaseAddress, Tenant = "acme", ApiKey = "sk_live_key" },
               "/t/acme/api/v1/admin/oauth-clients", "/secret", """{ "secret": "cs_live_rotated_0123456789" }""")
            : (new OAuthClientsOptions { Dialect = dialect, BaseAddress = _server.BaseAddress, SessionCookie = "session-value", CsrfToken = "csrf" },
               "/v1/admin/clients", "/rotate-secret", """{ "clientSecret": "cs_live_rotated_0123456789" }""");
        const string Client = """{ "id": "c1", "name": "App", "redirectUris": ["https://app.example.com/cb"], "secret": "cs_live_created_0123456789", "clientSecret": "cs_live_created_0123456789" }""";
        _server.Server.Json("POST", collection, 201, Client);
        _server.Server.Json("GET", collection, 200, $"[{Client}]");
        _server.Server.Json("GET", $"{collection}/c1", 200, Client);
        _server.Server.Json(dialect == OAuthDialect.LumoAuth ? "PUT" : "PATCH", $"{collection}/c1", 200, Client);
        _server.Server.Json("POST", $"{collection}/c1{rotatePath}", 200, secretJson);
        _server.Server.Status("DELETE", $"{collection}/c1", 204);
        IOAuthClientsClient sut = new OAuthClientsClient(options);

        var created = await sut.CreateAsync(new CreateOAuthClientRequest { Name = "App", RedirectUris = ["https://app.example.com/cb"], AllowedScopes = ["openid"] });
        var listed = new List<OAuthClient>();
        await foreach (var each in sut.ListAsync())
        {
            listed.Add(each);
        }

        var fetched = await sut.GetAsync(created.Client.Id);
        var updated = await sut.UpdateAsync(created.Client.Id, new UpdateOAuthClientRequest { RedirectUris = ["https://app.example.com/cb"] });
        var rotated = await sut.RotateSecretAsync(created.Client.Id);
        await sut.DeleteAsync(created.Client.Id);

        Assert.Equal("cs_live_created_0123456789", created.Secret!.Reveal());
        Assert.Equal("c1", Assert.Single(listed).Id);
        Assert.Equal(fetched, updated);
        Assert.Equal("cs_live_rotated_0123456789", rotated.Reveal());
        Assert.Equal(6, _server.Requests.Length);
    }
}
