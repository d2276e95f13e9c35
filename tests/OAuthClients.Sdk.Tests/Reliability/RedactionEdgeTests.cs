using System;
using System.Text.Json;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Reliability;

/// <summary>
/// What an exception quotes of a server's body, exactly: a held credential becomes <c>****</c> where it stood, and an
/// excerpt is cut at 300 characters (with "..." only when something was cut; the message then ends with its own "."). A raw loopback server sends the bodies.
/// </summary>
public sealed class RedactionEdgeTests
{
    private const string ApiKey = "sk_live_0123456789abcdef";
    private const string Lead = ". The body was not a readable error; it starts with: ";

    [Fact]
    public async Task ErrorMessage_QuotingTheApiKeyInPlainText_ShowsTheMaskWhereTheKeyStood()
    {
        var error = await ErrorFor(500, $$"""{ "error": "server_error", "message": "the key {{ApiKey}} is revoked" }""");

        Assert.EndsWith(": the key **** is revoked.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorMessage_QuotingACredentialNamedMemberUnquoted_MasksOnlyItsValue()
    {
        var error = await ErrorFor(500, """{ "error": "server_error", "message": "refused token=abc123; retry later" }""");

        Assert.EndsWith(": refused token=****; retry later.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x \"client_secret\": \"abc\", \"name\": \"n\" x", "x \"client_secret\": \"****\", \"name\": \"n\" x")]
    [InlineData("{\"token\": {\"a\": [1, \"}\"], \"b\": {\"c\": \"x\\\"]\"}}, \"next\": 1}", "{\"token\": ****, \"next\": 1}")]
    [InlineData("x \"password\": [\"a\", \"b\"] and more", "x \"password\": **** and more")]
    [InlineData("{\"secret\": 12345}", "{\"secret\": ****}")]
    [InlineData("x \"token\": \"a\\\"b\", \"next\": 1", "x \"token\": \"****\", \"next\": 1")]
    [InlineData("x \"token\"  :  \"abc\" x", "x \"token\" : \"****\" x")]
    [InlineData("x \"token\": \"unterminated abc", "x \"token\": \"****\"")]
    [InlineData("x \"session\": {\"a\": 1", "x \"session\": ****")]
    [InlineData("x {'token': 'abc def', 'next': 1}", "x {'token': '****', 'next': 1}")]
    [InlineData("refused token='abc def'", "refused token='****'")]
    [InlineData("refused token='abc def", "refused token='****'")]
    [InlineData("refused token: abc", "refused token: ****")]
    [InlineData("refused Cookie: sid=abc; Path=/", "refused Cookie: ****; Path=/")]
    [InlineData("refused TOKEN=abc&state=1", "refused TOKEN=****&state=1")]
    [InlineData("refused token=abc,next", "refused token=****,next")]
    [InlineData("refused 'token=abc'", "refused 'token=****'")]
    [InlineData("refused token=abc def", "refused token=**** def")]
    [InlineData("refused [token=abc]", "refused [token=****]")]
    [InlineData("refused token=a secret=b", "refused token=**** secret=****")]
    [InlineData("refused token=,next", "refused token=,next")]
    [InlineData("refused token=", "refused token=")]
    [InlineData("password: too short", "password: too short")]
    [InlineData("password_token: too short", "password_token: too short")]
    [InlineData("tokens x=1", "tokens x=1")]
    public async Task ErrorMessage_QuotingACredentialNamedMember_MasksExactlyItsValue(string message, string expected)
    {
        var error = await ErrorFor(500, JsonSerializer.Serialize(new { message }));

        Assert.EndsWith(": " + expected + ".", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(58, "****")]
    [InlineData(59, "v")]
    public async Task ErrorMessage_CredentialWordStartingAKeyOfUpTo64Characters_MasksTheKeysValue(int rest, string value)
    {
        // "secret" and the rest of its key: a key of up to 64 characters is a key; anything longer is just text.
        var key = "secret" + new string('x', rest);

        var error = await ErrorFor(500, JsonSerializer.Serialize(new { message = key + "=v" }));

        Assert.EndsWith(": " + key + "=" + value + ".", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(299)]
    [InlineData(300)]
    public async Task Excerpt_OfABodyUpTo300Characters_IsTheWholeBody(int length)
    {
        var body = new string('x', length);

        var error = await ErrorFor(502, body);

        Assert.EndsWith(Lead + body + ".", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(400)]
    [InlineData(20_000)]
    public async Task Excerpt_OfALongerBody_IsItsFirst300CharactersAndAnEllipsis(int length)
    {
        var error = await ErrorFor(502, new string('x', length));

        Assert.EndsWith(Lead + new string('x', 300) + "....", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excerpt_OfABodyOfExactly16KiBThatFitsOnceCollapsed_IsWholeWithoutAnEllipsis()
    {
        // 16 KiB is decoded; a body of exactly that length was read whole, so nothing is marked as cut.
        var error = await ErrorFor(502, new string(' ', (16 * 1024) - 4) + "tail");

        Assert.EndsWith(Lead + "tail.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excerpt_WithTheKeyAtTheCut_NeverShowsPartOfTheKey()
    {
        // The key starts at character 290: its first ten characters would fit in the excerpt. What is read past the
        // excerpt's 300 characters is one key's length longer, so the key is seen whole and masked; the last key's
        // length of that (24 characters: the mask and 11 of the y's, then 9 x's) is dropped again, as it may be the start of a credential cut off.
        var error = await ErrorFor(502, new string('x', 290) + ApiKey + new string('y', 100));

        Assert.DoesNotContain(ApiKey.Substring(0, 10), error.Message, StringComparison.Ordinal);
        Assert.EndsWith(Lead + new string('x', 281) + "....", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excerpt_WhiteSpaceAndControlCharacters_BecomeOneSpace()
    {
        var error = await ErrorFor(502, "  first\r\n\t line\u0000\u0007second  ");

        Assert.EndsWith(Lead + "first line second.", error.Message, StringComparison.Ordinal);
    }

    private static async Task<OAuthClientsApiException> ErrorFor(int status, string body)
    {
        using var raw = new RawLoopbackServer(RawLoopbackServer.Respond(status, body));
        var sut = new OAuthClientsClient(new OAuthClientsOptions { BaseAddress = raw.BaseAddress, Tenant = "acme", ApiKey = ApiKey, MaxRetries = 0 });
        return await Assert.ThrowsAnyAsync<OAuthClientsApiException>(() => sut.GetAsync("c1"));
    }
}
