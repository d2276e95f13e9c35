using System;
using System.Linq;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace OAuthClients.Sdk.Tests.LumoAuthClients;

/// <summary>
/// The edges of LumoAuth's two admin APIs that mutation testing found unpinned: defaults of a client object that omits
/// members, the members each API refuses before sending, the identity and scopes shapes, the error body's
/// <c>details</c> and message members, and the pagination object under either of its names.
/// </summary>
public sealed class LumoAuthClientsEdgeTests : IClassFixture<LoopbackServer>
{
    private const string Collection = "/t/acme/api/v1/admin/clients";
    private const string SeedCollection = "/t/acme/api/v1/admin/oauth-clients";

    private readonly LoopbackServer _server;

    public LumoAuthClientsEdgeTests(LoopbackServer server)
    {
        _server = server;
        server.Server.Reset();
    }

    [Fact]
    public async Task GetAsync_ClientObjectWithOnlyAnId_HasTheDocumentedDefaults()
    {
        _server.Server.Json("GET", $"{Collection}/7", 200, """{ "data": { "id": 7 } }""");

        var client = await Client().GetAsync("7");

        Assert.Equal("7", client.Id);
        Assert.Equal(string.Empty, client.Name);
        Assert.True(client.IsConfidential);
        Assert.True(client.IsActive);
        Assert.False(client.IsSummary);
    }

    [Theory]
    [InlineData("\"isPublic\": true", false)]
    [InlineData("\"isPublic\": false", true)]
    [InlineData("\"isConfidential\": false", false)]
    public async Task GetAsync_ClientTypeFromEitherMember_IsRead(string member, bool confidential)
    {
        _server.Server.Json("GET", $"{Collection}/7", 200, $$"""{ "data": { "id": 7, "name": "App", {{member}} } }""");

        Assert.Equal(confidential, (await Client().GetAsync("7")).IsConfidential);
    }

    [Fact]
    public async Task CreateAsync_CreatedObjectSayingIsPublic_IsPublicEvenWithASecret()
    {
        // The wrapped create response omits the type; when it does say it (here through isPublic), that is what counts.
        _server.Server.Json("POST", Collection, 201, """{ "data": { "id": 7, "clientId": "c7", "name": "App", "isPublic": true, "secret": "lmcs_created_secret" } }""");

        var created = await Client().CreateAsync(new CreateOAuthClientRequest { Name = "App", RedirectUris = ["https://app.example.com/cb"] });

        Assert.False(created.Client.IsConfidential);
    }

    [Theory]
    [InlineData("spa")]
    [InlineData("native")]
    public async Task CreateAsync_PublicApplicationTypeMarkedConfidential_IsRefusedBeforeSending(string applicationType)
    {
        var request = new CreateOAuthClientRequest { Name = "App", RedirectUris = ["https://app.example.com/cb"], ApplicationType = applicationType, IsConfidential = true };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Client().CreateAsync(request));

        Assert.Contains($"ApplicationType '{applicationType}' is a public client", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData(nameof(UpdateOAuthClientRequest.Description))]
    [InlineData(nameof(UpdateOAuthClientRequest.AccessTokenLifetime))]
    [InlineData(nameof(UpdateOAuthClientRequest.RefreshTokenLifetime))]
    public async Task UpdateAsync_MemberTheClientsApiHasNot_IsRefusedBeforeSending(string member)
    {
        var request = member switch
        {
            nameof(UpdateOAuthClientRequest.Description) => new UpdateOAuthClientRequest { Description = "d" },
            nameof(UpdateOAuthClientRequest.AccessTokenLifetime) => new UpdateOAuthClientRequest { AccessTokenLifetime = TimeSpan.FromHours(1) },
            _ => new UpdateOAuthClientRequest { RefreshTokenLifetime = TimeSpan.FromDays(1) },
        };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Client().UpdateAsync("7", request));

        Assert.StartsWith($"{member} is not supported by LumoAuth", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task ListAsync_PageSizeOverTheMaximum_IsRefusedSayingTheMaximum()
    {
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Client().ListAsync(new OAuthClientListOptions { PageSize = 101 }).ToListAsync());

        Assert.StartsWith("PageSize is 101: LumoAuth returns at most 100 clients a page. Nothing was sent.", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SeedApi_SearchAndRevokeTokens_AreRefusedNamingTheApi()
    {
        var search = await Assert.ThrowsAsync<NotSupportedException>(async () => await Client(LumoAuthApi.OAuthClients).ListAsync(new OAuthClientListOptions { Search = "app" }).ToListAsync());
        var revoke = await Assert.ThrowsAsync<NotSupportedException>(() => Client(LumoAuthApi.OAuthClients).RevokeTokensAsync("c1"));

        Assert.StartsWith("Search is not supported by LumoAuth's /admin/oauth-clients API (LumoAuthApi = OAuthClients):", search.Message, StringComparison.Ordinal);
        Assert.StartsWith("RevokeTokensAsync is not supported by LumoAuth's /admin/oauth-clients API (LumoAuthApi = OAuthClients):", revoke.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("""[ { "id": "c1", "name": "App" } ]""")]
    [InlineData("""{ "data": [ { "id": "c1", "name": "App" } ], "meta": { "page": 1, "limit": 1, "hasNextPage": true } }""")]
    public async Task WhoAmIAsync_AListOfEitherShape_CanReadClients(string body)
    {
        _server.Server.Json("GET", SeedCollection, 200, body);

        var identity = await Client(LumoAuthApi.OAuthClients).WhoAmIAsync();

        Assert.True(identity.CanReadClients);
        Assert.Equal("acme", identity.Organisation);
    }

    [Theory]
    [InlineData("""[ { "name": "no id" } ]""")]
    [InlineData("""[ 5 ]""")]
    [InlineData("""{ "data": [], "meta": 5 }""")]
    public async Task WhoAmIAsync_BodyThatIsNoList_IsAnUnreadableBody(string body)
    {
        _server.Server.Json("GET", SeedCollection, 200, body);

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(LumoAuthApi.OAuthClients).WhoAmIAsync());

        Assert.Contains("the body is not the expected JSON", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[ "openid", "profile" ]""")]
    [InlineData("""{ "data": [ "openid", "profile" ] }""")]
    public async Task GetScopesAsync_BareOrWrappedArray_IsRead(string body)
    {
        _server.Server.Json("GET", $"{Collection}/7/scopes", 200, body);

        Assert.Equal(["openid", "profile"], await Client().GetScopesAsync("7"));
    }

    [Fact]
    public async Task GetScopesAsync_ObjectWithoutData_IsAnUnreadableBodySayingSo()
    {
        _server.Server.Json("GET", $"{Collection}/7/scopes", 200, """{ "message": "ok" }""");

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client().GetScopesAsync("7"));

        Assert.Contains("The scopes response has no 'data' array.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error_description")]
    [InlineData("message")]
    [InlineData("detail")]
    public async Task Error_DescriptionUnderAnyOfItsNames_IsInTheMessage(string member)
    {
        _server.Server.Json("GET", $"{Collection}/7", 400, $$"""{ "error": true, "{{member}}": "the reason given" }""");

        var ex = await Assert.ThrowsAsync<OAuthClientsValidationException>(() => Client().GetAsync("7"));

        // Read as the description, not quoted from a body that was not a readable error.
        Assert.EndsWith("400 BadRequest to GET /t/acme/api/v1/admin/clients/7: the reason given.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_DetailsOfEveryShape_AreListedAsTheyCome()
    {
        // missing_fields and invalid_values have their own shapes; the same names with other shapes, other names, and
        // details that are no object at all are listed as they are, never misread.
        _server.Server.Json("GET", $"{Collection}/7", 400, """
            { "error": true, "message": "invalid", "details": {
                "missing_fields": ["name"],
                "invalid_values": { "redirectUris": ["not absolute"] },
                "scopes": ["unknown scope"],
                "grant": { "type": "bad" } } }
            """);
        _server.Server.Json("GET", $"{Collection}/8", 400, """{ "error": true, "message": "invalid", "details": { "missing_fields": "name", "invalid_values": "all of them" } }""");
        _server.Server.Json("GET", $"{Collection}/9", 400, """{ "error": true, "code": "validation_error", "message": "invalid", "details": "just text" }""");

        var shaped = await Assert.ThrowsAsync<OAuthClientsValidationException>(() => Client().GetAsync("7"));
        var named = await Assert.ThrowsAsync<OAuthClientsValidationException>(() => Client().GetAsync("8"));
        var text = await Assert.ThrowsAsync<OAuthClientsValidationException>(() => Client().GetAsync("9"));

        Assert.Equal(["name: is required", "redirectUris: not absolute", """scopes: ["unknown scope"]""", """grant: { "type": "bad" }"""], shaped.Errors);
        Assert.Equal(["missing_fields: name", "invalid_values: all of them"], named.Errors);
        Assert.Empty(text.Errors);
        Assert.Equal("validation_error", text.ErrorCode);
        Assert.EndsWith("(validation_error): invalid.", text.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_PaginationUnderItsOtherName_IsFollowed()
    {
        _server.Server.Given(Request.Create().WithPath(Collection).WithParam("page", "1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{ "data": [ { "id": 1, "clientId": "a", "name": "A" } ], "pagination": { "page": 1, "limit": 100, "hasNextPage": true } }"""));
        _server.Server.Given(Request.Create().WithPath(Collection).WithParam("page", "2").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{ "data": [ { "id": 2, "clientId": "b", "name": "B" } ], "pagination": { "page": 2, "limit": 100, "hasNextPage": false } }"""));

        var listed = await Client().ListAsync().ToListAsync();

        Assert.Equal(["a", "b"], listed.Select(c => c.ClientId));
    }

    [Fact]
    public async Task ListAsync_MetaAndPaginationDisagreeing_MetaWins()
    {
        _server.Server.Json("GET", Collection, 200, """{ "data": [ { "id": 1, "clientId": "a", "name": "A" } ], "meta": { "page": 1, "limit": 100, "hasNextPage": false }, "pagination": { "page": 1, "limit": 100, "hasNextPage": true } }""");

        var listed = await Client().ListAsync().ToListAsync();

        Assert.Equal(["a"], listed.Select(c => c.ClientId));
        Assert.Single(_server.Requests);
    }

    private OAuthClientsClient Client(LumoAuthApi api = LumoAuthApi.Clients) => new(new OAuthClientsOptions
    {
        Dialect = OAuthDialect.LumoAuth,
        LumoAuthApi = api,
        BaseAddress = _server.BaseAddress,
        Tenant = "acme",
        ApiKey = "sk_test_edges",
        Timeout = TimeSpan.FromSeconds(10),
        MaxRetries = 0,
    });
}
