using System;
using System.Net.Http;
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
    [InlineData("refused token: abc def", "refused token: **** def")]
    [InlineData("refused apikey: abc", "refused apikey: ****")]
    [InlineData("refused Api_Key: abc", "refused Api_Key: ****")]
    [InlineData("refused api-key: abc", "refused api-key: ****")]
    [InlineData("refused session: abc", "refused session: ****")]
    [InlineData("refused Authorization: Bearer abc.def", "refused Authorization: ****")]
    [InlineData("refused authorization: Basic dXNlcjpwYXNz, retry", "refused authorization: ****, retry")]
    [InlineData("refused Authorization: Bearer", "refused Authorization: ****")]
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
    [InlineData("token,next=1", "token,next=1")]
    [InlineData("reset your password", "reset your password")]
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

        var error = await ErrorFor(500, JsonSerializer.Serialize(new { message = "at " + key + "=v" }));

        Assert.EndsWith(": at " + key + "=" + value + ".", error.Message, StringComparison.Ordinal);
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

    [Theory]
    [InlineData(100)]
    [InlineData(20_000)]
    public async Task Excerpt_WithTheKeyAtTheCut_NeverShowsPartOfTheKey(int rest)
    {
        // The key starts at character 290: its first ten characters would fit in the excerpt. What is read past the
        // excerpt's 300 characters is one key's length longer, so the key is seen whole and masked; the last key's
        // length of that (24 characters: the mask and 11 of the y's, then 9 x's) is dropped again, as it may be the start of a credential cut off.
        // The same when the body is longer than the 16 KiB that are decoded.
        var error = await ErrorFor(502, new string('x', 290) + ApiKey + new string('y', rest));

        Assert.DoesNotContain(ApiKey.Substring(0, 10), error.Message, StringComparison.Ordinal);
        Assert.EndsWith(Lead + new string('x', 281) + "....", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excerpt_WhiteSpaceAndControlCharacters_BecomeOneSpace()
    {
        var error = await ErrorFor(502, "  first\r\n\t line\u0000\u0007second  ");

        Assert.EndsWith(Lead + "first line second.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a{D800}b", "a{FFFD}b")]
    [InlineData("a{DC00}b", "a{FFFD}b")]
    [InlineData("ab{D800}", "ab{FFFD}")]
    [InlineData("a{D83D}{DE00}b", "a{D83D}{DE00}b")]
    public async Task TransportFailure_MessageWithSurrogates_KeepsEachPairAndReplacesEachLoneHalf(string message, string expected)
    {
        // A handler's exception message is any string: lone surrogates included, which no encoder writes faithfully.
        using var handler = new ScriptedHandler((_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException(Unescape(message))));
        var sut = new OAuthClientsClient(new HttpClient(handler), new OAuthClientsOptions { BaseAddress = new Uri("http://127.0.0.1/"), Tenant = "acme", ApiKey = ApiKey, MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sut.GetAsync("c1"));

        Assert.EndsWith("): " + Unescape(expected), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(298, "\U0001F600...")]
    [InlineData(299, "...")]
    public async Task ErrorMessage_CutAtASurrogatePair_KeepsThePairWholeOrDropsIt(int length, string end)
    {
        // An emoji is two UTF-16 characters: a cut after 300 never keeps its first half alone.
        var error = await ErrorFor(500, JsonSerializer.Serialize(new { message = new string('x', length) + "\U0001F600 and more" }));

        Assert.EndsWith(": " + new string('x', length) + end + ".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excerpt_LongBodyStartingWithTheApiKey_DropsAKeysLengthAfterTheMask()
    {
        // 326 characters: one more than is read (300, a key's length and 1). The key is masked; then, as the body goes
        // on, the last key's length read is dropped (it may be the start of a credential), leaving 281 characters.
        var error = await ErrorFor(502, ApiKey + new string('x', 302));

        Assert.EndsWith(Lead + "****" + new string('x', 277) + "....", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excerpt_BodyPast16KiBCollapsingToLessThanAKey_ShowsOnlyTheEllipsis()
    {
        // Only 16 KiB are decoded; what they hold ("a") may be the start of a credential cut off, so it is dropped.
        var error = await ErrorFor(502, new string(' ', (16 * 1024) - 1) + "abcdef");

        Assert.EndsWith(Lead + "....", error.Message, StringComparison.Ordinal);
    }

    private static async Task<OAuthClientsApiException> ErrorFor(int status, string body)
    {
        using var raw = new RawLoopbackServer(RawLoopbackServer.Respond(status, body));
        var sut = new OAuthClientsClient(new OAuthClientsOptions { BaseAddress = raw.BaseAddress, Tenant = "acme", ApiKey = ApiKey, MaxRetries = 0 });
        return await Assert.ThrowsAnyAsync<OAuthClientsApiException>(() => sut.GetAsync("c1"));
    }

    /// <summary>Reads <c>{XXXX}</c> as the UTF-16 code unit XXXX: test data cannot hold a lone surrogate literally.</summary>
    private static string Unescape(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "\\{([0-9A-F]{4})\\}", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
}
