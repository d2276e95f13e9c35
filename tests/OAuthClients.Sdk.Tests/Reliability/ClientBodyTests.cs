using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Reliability;

/// <summary>
/// A client body is read member by member, as the serializer read it: the same values are accepted (quoted numbers,
/// timestamps with or without an offset, unknown members of any shape, a <c>data</c> wrapper), and the same are an
/// unreadable body that says what was expected.
/// </summary>
public sealed class ClientBodyTests
{
    [Theory]
    [InlineData("""{ "id": "c1", "name": 5 }""", "Expected a string, found Number.")]
    [InlineData("""{ "id": true, "name": "App" }""", "Expected a string or a number, found True.")]
    [InlineData("""{ "id": "c1", "name": "App", "isActive": "yes" }""", "Expected a boolean, found String.")]
    [InlineData("""{ "id": "c1", "name": "App", "redirectUris": "https://app.example.com/cb" }""", "Expected an array of strings, found String.")]
    [InlineData("""{ "id": "c1", "name": "App", "accessTokenLifetime": "3600s" }""", "could not be converted to a whole number")]
    [InlineData("""{ "id": "c1", "name": "App", "accessTokenLifetime": true }""", "Expected a whole number, found True.")]
    [InlineData("\"c1\"", "Expected a client object, found String.")]
    [InlineData("null", "The body is empty or JSON null.")]
    [InlineData("""{ "id": "c1", "name": "App" } { "id": "c2" }""", "after a single JSON value")]
    [InlineData("""{ "id": "c1", "name": "App\uD800" }""", "UTF-16")]
    [InlineData("""{ "id": "c1", "name": "App", "data": 5 }""", "Expected a client object, found Number.")]
    public async Task GetAsync_BodyTheSerializerRefused_IsAnUnreadableBodySayingWhy(string body, string reason)
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(200, body));

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(server).GetAsync("c1"));

        Assert.Contains("the body is not the expected JSON", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_ItemThatIsNoObject_IsAnUnreadableBodySayingWhy()
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(200, """{ "data": [ { "id": "c1", "name": "App" }, 7 ] }"""));

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(server).ListAsync().ToListAsync().AsTask());

        Assert.Contains("Expected a client object, found Number.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "data": [ { "id": "c1", "name": "App" }, { "id": "c2", "name": "App\uD800" } ] }""")]
    [InlineData("""[ { "id": "c1", "name": "App", "\uDC00": 1 } ]""")]
    public async Task ListAsync_ItemWithALoneSurrogate_IsAnUnreadableBodySayingWhy(string body)
    {
        // The reader refuses the escaped lone surrogate with an InvalidOperationException, which must reach the caller
        // as the contract's unreadable body, never as itself.
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(200, body));

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(server).ListAsync().ToListAsync().AsTask());

        Assert.Contains("the body is not the expected JSON", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-16", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"3600\"", 3600)]
    [InlineData("\"\\u0033600\"", 3600)]
    [InlineData("\"00000000000000000000000000000000000000000000000000000000000000007200\"", 7200)]
    [InlineData("900", 900)]
    public async Task GetAsync_LifetimeAsTheSerializerReadsIt_IsRead(string lifetime, int seconds)
    {
        // Quoted too (AllowReadingFromString), escaped, and longer than the 64 bytes read without a string.
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(200, $$"""{ "id": "c1", "name": "App", "accessTokenLifetime": {{lifetime}} }"""));

        var client = await Client(server).GetAsync("c1");

        Assert.Equal(TimeSpan.FromSeconds(seconds), client.AccessTokenLifetime);
    }

    [Theory]
    [InlineData("\"2026-01-02T03:04:05Z\"", "2026-01-02T03:04:05+00:00")]
    [InlineData("\"2026-01-02T03:04:05+02:00\"", "2026-01-02T01:04:05+00:00")]
    [InlineData("\"2026-01-02T03:04:05\"", "2026-01-02T03:04:05+00:00")]
    [InlineData("\"2026-01-02\"", "2026-01-02T00:00:00+00:00")]
    [InlineData("\"not a date\"", null)]
    [InlineData("1767322800", null)]
    [InlineData("{ \"seconds\": 1767322800, \"name\": \"Wrong\" }", null)]
    [InlineData("[ \"2026-01-02T03:04:05Z\", { \"name\": \"Wrong\" } ]", null)]
    public async Task GetAsync_TimestampOfAnyShape_IsReadInUtcOrNullAndTheMembersAfterItStillCount(string createdAt, string? expected)
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(200, $$"""{ "id": "c1", "createdAt": {{createdAt}}, "name": "App" }"""));

        var client = await Client(server).GetAsync("c1");

        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), client.CreatedAt);
        Assert.Equal(TimeSpan.Zero, client.CreatedAt?.Offset ?? TimeSpan.Zero);
        Assert.Equal("App", client.Name);
    }

    [Theory]
    [InlineData("""{ "data": { "id": "outer", "name": "Outer", "data": { "id": "inner", "name": "Inner" } } }""", "outer", "Outer")]
    [InlineData("""{ "data": null, "id": "bare", "name": "Bare" }""", "bare", "Bare")]
    [InlineData("""{ "id": "bare", "name": "Bare", "data": { "id": "wrapped", "name": "Wrapped" } }""", "wrapped", "Wrapped")]
    public async Task GetAsync_ClientWrappedInData_IsTheOuterDataObjectOnly(string body, string id, string name)
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(200, body));

        var client = await Client(server).GetAsync("c1");

        Assert.Equal((id, name), (client.Id, client.Name));
    }

    private static OAuthClientsClient Client(RawLoopbackServer server) =>
        new(new HttpClient(), new OAuthClientsOptions { Dialect = OAuthDialect.Cerberus, BaseAddress = server.BaseAddress, SessionCookie = "sess_test_body", CsrfToken = "csrf_test_body", MaxRetries = 0 });
}
