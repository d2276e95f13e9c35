using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using OAuthClients.Sdk.Testing;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Contract;

/// <summary>
/// Every <c>/admin/clients</c> response body the tests use (<c>Fixtures/lumoauth-clients/{operationId}*.json</c>) and
/// every one the Testing fake produces is valid against the response schema of its operation in LumoAuth's own OpenAPI
/// spec, checked by JsonSchema.Net.
/// </summary>
public sealed class LumoAuthClientsContractTests
{
    public static TheoryData<string> FixtureFiles() =>
        [.. Fixtures.All("lumoauth-clients").Select(Path.GetFileName).Select(name => name!)];

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Fixture_IsValidAgainstItsOperationsSchema(string file)
    {
        var operationId = file[..file.IndexOf('.', StringComparison.Ordinal)];

        var errors = LumoAuthSpec.Errors(operationId, Fixtures.Read("lumoauth-clients", file));

        Assert.True(errors.Count == 0, $"{file} breaks {operationId}'s schema: {string.Join("; ", errors)}");
    }

    [Fact]
    public void Fixtures_CoverEveryClientOperationTheSdkCalls()
    {
        string[] called = ["listClients", "createClient", "getClient", "patchClient", "deleteClient", "rotateClientSecret", "enableClient", "disableClient", "listClientScopes", "setClientScopes", "adminClientTokensRevokeAll"];
        var covered = Fixtures.All("lumoauth-clients").Select(f => Path.GetFileName(f)!.Split('.')[0]).ToHashSet();

        Assert.Empty(called.Except(covered));
        Assert.Empty(called.Except(LumoAuthSpec.ClientOperations().Select(o => o.OperationId)));
    }

    [Theory]
    [InlineData("getClient", """{ "data": { "id": "41", "clientId": "lmc_1", "name": "x", "isConfidential": true, "isPublic": false, "isActive": true, "requiresPkce": false, "createdAt": "2026-01-05T10:00:00+00:00" } }""")]
    [InlineData("getClient", """{ "data": { "id": 41, "clientId": "lmc_1", "name": "x", "isConfidential": true, "isPublic": false, "isActive": true, "requiresPkce": false, "createdAt": "yesterday" } }""")]
    [InlineData("listClients", """{ "data": [ { "id": 41, "name": "x" } ] }""")]
    [InlineData("listClients", """{ "data": [], "meta": { "page": 1 } }""")]
    [InlineData("createClient", """{ "data": { "id": 41, "clientId": "lmc_1", "name": "x", "isConfidential": true, "isPublic": false, "isActive": true, "requiresPkce": false, "createdAt": "2026-01-05T10:00:00+00:00", "secret": 42 } }""")]
    public void Errors_BodyThatBreaksTheSchema_AreReported(string operationId, string body)
    {
        Assert.NotEmpty(LumoAuthSpec.Errors(operationId, body));
    }

    [Fact]
    public async Task FakeServer_EveryResponseOfEveryOperation_IsValidAgainstItsSchema()
    {
        using var server = FakeOAuthClientsServer.Start(LumoAuthApi.Clients);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Add("X-API-Key", server.ApiKey);
        const string Collection = "t/acme/api/v1/admin/clients";

        async Task Check(string operationId, HttpMethod method, string path, string? body = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{operationId}: {(int)response.StatusCode} {text}");
            var errors = LumoAuthSpec.Errors(operationId, text);
            Assert.True(errors.Count == 0, $"The fake's {operationId} response breaks the spec: {string.Join("; ", errors)} in {text}");
        }

        await Check("createClient", HttpMethod.Post, Collection, """{ "name": "Web", "redirectUris": ["https://app.example.com/cb"], "applicationType": "web" }""");
        await Check("createClient", HttpMethod.Post, Collection, """{ "name": "SPA", "redirectUris": ["https://spa.example.com/cb"], "isConfidential": false }""");
        var id = server.Clients[0].Id;
        await Check("listClients", HttpMethod.Get, $"{Collection}?page=1&limit=1&search=web");
        await Check("getClient", HttpMethod.Get, $"{Collection}/{id}");
        await Check("getClient", HttpMethod.Get, $"{Collection}/{server.Clients[0].ClientId}");
        await Check("patchClient", new HttpMethod("PATCH"), $"{Collection}/{id}", """{ "name": "Web 2" }""");
        await Check("rotateClientSecret", HttpMethod.Post, $"{Collection}/{id}/rotate-secret");
        await Check("disableClient", HttpMethod.Post, $"{Collection}/{id}/disable");
        await Check("enableClient", HttpMethod.Post, $"{Collection}/{id}/enable");
        await Check("listClientScopes", HttpMethod.Get, $"{Collection}/{id}/scopes");
        await Check("setClientScopes", HttpMethod.Put, $"{Collection}/{id}/scopes", """{ "scopes": ["openid"] }""");
        await Check("adminClientTokensRevokeAll", HttpMethod.Delete, $"{Collection}/{id}/tokens");
        await Check("adminClientTokensRevokePost", HttpMethod.Post, $"{Collection}/{id}/tokens/revoke");
        await Check("deleteClient", HttpMethod.Delete, $"{Collection}/{id}");
    }
}
