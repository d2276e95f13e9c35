using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Reliability;

/// <summary>
/// Servers that lie, flood or send absurd values (issue 19, classes 1, 3, 5 and 7): the caller's memory stays bounded
/// and only documented exceptions come out, whatever the bytes.
/// </summary>
public sealed class HostileServerTests
{
    private const string ApiKey = "sk_live_HOSTILE_apikey_51c9";

    [Fact]
    public async Task GetAsync_ContentLengthOfTwoGigabytesOnATinyBody_FailsWithoutSizingABufferFromIt()
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Raw(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2000000000\r\nConnection: close",
            Encoding.UTF8.GetBytes("""{ "id": "c1", "name": "x" }""")));
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(server).GetAsync("c1"));

        Assert.Contains("MaxResponseSize", ex.Message, StringComparison.Ordinal);
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: true) - before, 0, 64L * 1024 * 1024);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(500)]
    public async Task GetAsync_EndlessBody_FailsAfterReadingNoMoreThanMaxResponseSize(int status)
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Endless(status, """{ "id": "c1", "name": """));
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(server, o => o.MaxResponseSize = 64 * 1024).GetAsync("c1"));

        Assert.Equal(status, (int)ex.StatusCode);
        Assert.Contains("MaxResponseSize (65536 bytes)", ex.Message, StringComparison.Ordinal);
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: true) - before, 0, 32L * 1024 * 1024);
    }

    public static TheoryData<string, string> StatusOnlyOperationsUnderBodyFaults()
    {
        var cases = new TheoryData<string, string>();
        foreach (var operation in new[] { "delete", "enable", "disable", "revoke tokens" })
        {
            foreach (var fault in new[] { "endless", "stalled", "cut short" })
            {
                cases.Add(operation, fault);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(StatusOnlyOperationsUnderBodyFaults))]
    public async Task StatusOnlyOperation_SuccessWhoseBodyNeverEndsStallsOrIsCutShort_CompletesOnItsStatusAlone(string operation, string fault)
    {
        // The answer to a delete, enable, disable or revocation is its status line; its body is never read, so it can
        // be neither too large, nor too slow, nor cut short (the timeout and the size cap would otherwise trip first).
        using var server = new RawLoopbackServer(fault switch
        {
            "endless" => RawLoopbackServer.Endless(200, "{"),
            "stalled" => RawLoopbackServer.Stall("{"),
            _ => RawLoopbackServer.Truncated("{"),
        });
        var client = Client(server, o =>
        {
            o.LumoAuthApi = LumoAuthApi.Clients;
            o.MaxResponseSize = 1024;
            o.Timeout = TimeSpan.FromSeconds(30);
        });
        using var capture = OAuthClientsResponseCapture.Start();

        await (operation switch
        {
            "delete" => client.DeleteAsync("42"),
            "enable" => client.EnableAsync("42"),
            "disable" => client.DisableAsync("42"),
            _ => client.RevokeTokensAsync("42"),
        });

        Assert.Equal(1, server.Requests);
        Assert.Equal(200, (int?)capture.Last?.StatusCode);
    }

    [Fact]
    public async Task StatusOnlyOperation_ErrorWithAnEndlessBody_FailsAfterReadingNoMoreThanMaxResponseSize()
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Endless(409, """{ "error": "conflict", "message": """));

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(server, o => o.MaxResponseSize = 1024).DisableAsync("42"));

        Assert.Equal(409, (int)ex.StatusCode);
        Assert.Contains("MaxResponseSize (1024 bytes)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_SuccessBodyLargerThanMaxResponseSize_SaysTheClientWasProbablyCreated()
    {
        var body = $$"""{ "id": "c1", "name": "{{new string('x', 4096)}}", "secret": "s" }""";
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(201, body));

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(server, o => o.MaxResponseSize = 1024).CreateAsync(Create()));

        Assert.Contains("may have been created", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_ErrorBodyLargerThanMaxResponseSize_SaysNothingOfAClientCreated()
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Endless(400, """{ "error": "invalid_request", "message": """));

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(server, o => o.MaxResponseSize = 1024).CreateAsync(Create()));

        Assert.Equal(400, (int)ex.StatusCode);
        Assert.Contains("MaxResponseSize (1024 bytes)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("may have been created", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9223372036854775807")]
    [InlineData("4000000000")]
    public async Task GetAsync_HugeLifetime_IsClampedToTheLongestASdkRequestCanSend(string seconds)
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(200, $$"""{ "id": "c1", "name": "x", "accessTokenLifetime": {{seconds}}, "refreshTokenLifetime": -5 }"""));

        var client = await Client(server).GetAsync("c1");

        Assert.Equal(TimeSpan.FromSeconds(int.MaxValue), client.AccessTokenLifetime);
        Assert.Equal(TimeSpan.FromDays(30), client.RefreshTokenLifetime);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999999")]
    public async Task CreateAsync_LifetimeBeyondAnyNumberType_IsAnUnreadableBodyThatSaysTheClientWasProbablyCreated(string seconds)
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(201, $$"""{ "id": "c1", "name": "x", "secret": "s_HOSTILE", "accessTokenLifetime": {{seconds}} }"""));

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(server).CreateAsync(Create()));

        Assert.Contains("may have been created", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s_HOSTILE", ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9223372036854775807")]
    [InlineData("-1")]
    [InlineData("1e300")]
    public async Task GetAsync_AbsurdRetryAfterInTheBody_IsClampedOrIgnored(string seconds)
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(429, $$"""{ "error": "rate_limited", "retry_after": {{seconds}} }"""));

        var ex = await Assert.ThrowsAsync<OAuthClientsRateLimitException>(() => Client(server).GetAsync("c1"));

        Assert.True(ex.RetryAfter is null || ex.RetryAfter <= TimeSpan.FromSeconds(int.MaxValue), ex.RetryAfter.ToString());
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("-3")]
    [InlineData("1.5")]
    public async Task GetAsync_AbsurdRetryAfterHeader_ThrowsOnlyTheDocumentedException(string header)
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Raw(
            $"HTTP/1.1 503 X\r\nRetry-After: {header}\r\nContent-Length: 2\r\nConnection: close", Encoding.ASCII.GetBytes("{}")));

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(server).GetAsync("c1"));

        Assert.Equal(503, (int)ex.StatusCode);
    }

    [Fact]
    public async Task ListAsync_TokenWithHugeExpiresIn_IsUsed()
    {
        using var server = new RawLoopbackServer(
            RawLoopbackServer.Respond(200, """{ "access_token": "tok_HOSTILE", "token_type": "Bearer", "expires_in": 9223372036854775807 }"""),
            RawLoopbackServer.Respond(200, "[]"));
        var sut = new OAuthClientsClient(new HttpClient(), new OAuthClientsOptions
        {
            BaseAddress = server.BaseAddress,
            Tenant = "acme",
            ClientCredentials = new ClientCredentialsOptions { ClientId = "bot", ClientSecret = "cs_HOSTILE" },
            MaxRetries = 0,
        });

        var listed = await sut.ListAsync().ToListAsync();

        Assert.Empty(listed);
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x6D, 0x65, 0x73, 0x73, 0x61, 0x67, 0x65, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0xC3, 0x28, 0x22, 0x7D })]
    [InlineData(new byte[] { 0xFF, 0xFE, 0xFD, 0x00, 0x01 })]
    public async Task GetAsync_InvalidUtf8ErrorBody_ThrowsTheDocumentedException(byte[] body)
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Raw($"HTTP/1.1 400 X\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close", body));

        var ex = await Assert.ThrowsAsync<OAuthClientsValidationException>(() => Client(server).GetAsync("c1"));

        Assert.Equal(400, (int)ex.StatusCode);
    }

    [Theory]
    [InlineData("""{ "message": "bad \ud800 surrogate", "code": "\udfff" }""")]
    [InlineData("""{ "error": true, "message": "x", "details": { "field": ["\ud800"] } }""")]
    public async Task GetAsync_LoneSurrogateInErrorText_ThrowsTheDocumentedException(string body)
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(409, body));

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(server).GetAsync("c1"));

        Assert.Equal(409, (int)ex.StatusCode);
    }

    [Fact]
    public async Task GetAsync_DeeplyNestedErrorBody_ThrowsTheDocumentedException()
    {
        var body = new string('[', 100_000) + new string(']', 100_000);
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(500, body));

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(server).GetAsync("c1"));

        Assert.InRange(ex.Message.Length, 1, 1000);
    }

    [Fact]
    public async Task GetAsync_DeeplyNestedSuccessBody_IsAnUnreadableBody()
    {
        var body = """{ "id": "c1", "name": "x", "extra": """ + new string('[', 10_000) + new string(']', 10_000) + "}";
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(200, body));

        await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(server).GetAsync("c1"));
    }

    [Fact]
    public async Task GetAsync_TensOfThousandsOfFieldErrors_KeepsTheFirstHundred()
    {
        var details = string.Join(",", Enumerable.Range(0, 50_000).Select(i => $$"""{ "path": ["f{{i}}"], "message": "bad" }"""));
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(400, $$"""{ "message": "invalid", "errors": [{{details}}] }"""));
        var sut = new OAuthClientsClient(new HttpClient(), new OAuthClientsOptions { Dialect = OAuthDialect.Cerberus, BaseAddress = server.BaseAddress, ApiKey = ApiKey, MaxRetries = 0 });

        var ex = await Assert.ThrowsAsync<OAuthClientsValidationException>(() => sut.GetAsync("c1"));

        Assert.Equal(100, ex.Errors.Count);
        Assert.Equal("f0: bad", ex.Errors[0]);
    }

    [Fact]
    public async Task GetAsync_MegabytesOfCraftedErrorMessage_IsRedactedInBoundedTimeAndLength()
    {
        // Crafted against the old backtracking pattern: many quotes and secret-like names that never close.
        var crafted = string.Concat(Enumerable.Repeat("\\\"secret_token\\\" : \\\"", 150_000));
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(400, $$"""{ "message": "{{crafted}}" }"""));

        var ex = await Assert.ThrowsAsync<OAuthClientsValidationException>(() => Client(server).GetAsync("c1"));

        Assert.InRange(ex.Message.Length, 1, 1000);
    }

    [Theory]
    [InlineData("""{ "message": "refused", "secret": { "value": "LEAK_object" } }""")]
    [InlineData("""{ "message": "refused", "client_secret": ["LEAK_array"] }""")]
    [InlineData("""{ "message": "refused", "tokenValue": 900000000123 }""")]
    [InlineData("""<html>token=LEAK_query&x=1 Set-Cookie: cerberus_session=LEAK_cookie</html>""")]
    [InlineData("""{ "detail": { "client_secret": "LEAK_string" } }""")]
    public async Task GetAsync_CredentialNamedMemberOfAnyShape_IsMaskedInTheExcerpt(string body)
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(500, body.Replace("\"message\": \"refused\", ", string.Empty, StringComparison.Ordinal)));

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(server).GetAsync("c1"));

        Assert.DoesNotContain("LEAK", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("900000000123", ex.ToString(), StringComparison.Ordinal);
        Assert.Contains("****", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    public async Task GetAndListAsync_InvalidLiteralBeforeASecret_TheReadersQuoteOfTheRestIsRedacted(int status)
    {
        // A JSON reader quotes the bytes after an invalid literal in its message, secret included.
        var body = Encoding.UTF8.GetBytes("""{ "id": "c1", "name": "x", "isConfidential": tr""").Concat(new byte[] { 0xFF, 0x28 })
            .Concat(Encoding.UTF8.GetBytes("""ue, "secret": "LEAK_after_literal" }""")).ToArray();
        var list = Encoding.UTF8.GetBytes("[").Concat(body).Concat(Encoding.UTF8.GetBytes("]")).ToArray();
        using var server = new RawLoopbackServer(
            RawLoopbackServer.Raw($"HTTP/1.1 {status} OK\r\nContent-Length: {body.Length}\r\nConnection: close", body),
            RawLoopbackServer.Raw($"HTTP/1.1 {status} OK\r\nContent-Length: {list.Length}\r\nConnection: close", list));

        var get = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(server).GetAsync("c1"));
        var listed = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(server).ListAsync().ToListAsync().AsTask());

        Assert.DoesNotContain("LEAK", get.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("LEAK", listed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_RequestIdAndErrorCodeQuotingTheApiKey_AreMaskedInEveryMember()
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Raw(
            $"HTTP/1.1 400 X\r\nContent-Type: application/json\r\nX-Request-Id: req-{ApiKey}\r\nContent-Length: 200\r\nConnection: close",
            Encoding.UTF8.GetBytes($$"""{ "code": "bad_{{ApiKey}}", "message": "m", "details": { "apiKey": ["is {{ApiKey}}"] } }""".PadRight(200))));

        var ex = await Assert.ThrowsAsync<OAuthClientsValidationException>(() => Client(server).GetAsync("c1"));

        var members = string.Join("|", ex.ToString(), ex.RequestId, ex.ErrorCode, string.Join(",", ex.Errors), string.Join(",", ex.Data.Values.Cast<object>()));
        Assert.DoesNotContain(ApiKey, members, StringComparison.Ordinal);
        Assert.StartsWith("req-", ex.RequestId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_MalformedHeaderLineQuotingACookie_IsMaskedInTheTransportException()
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Raw(
            "HTTP/1.1 200 OK\r\nSet-Cookie cerberus_session=LEAK_malformed\r\nContent-Length: 2\r\nConnection: close", Encoding.ASCII.GetBytes("{}")));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => Client(server).GetAsync("c1"));

        for (Exception? each = ex; each is not null; each = each.InnerException)
        {
            Assert.DoesNotContain("LEAK", each.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GetAsync_ServerEchoesEveryCredentialTheClientEverHeld_AllAreMasked()
    {
        // The CSRF token rotates twice and the session cookie is renewed; then the server quotes every one of them.
        const string Session = "HELD_session_1", RenewedSession = "HELD_session_2", Csrf = "HELD_csrf_1", Rotated = "HELD_csrf_2", RotatedAgain = "HELD_csrf_3";
        var client = """{ "id": "c1", "name": "x" }""";
        using var server = new RawLoopbackServer(
            RawLoopbackServer.Raw($"HTTP/1.1 200 OK\r\nX-CSRF-Token: {Rotated}\r\nContent-Length: {client.Length}\r\nConnection: close", Encoding.UTF8.GetBytes(client)),
            RawLoopbackServer.Raw($"HTTP/1.1 200 OK\r\nX-CSRF-Token: {RotatedAgain}\r\nSet-Cookie: cerberus_session={RenewedSession}; Path=/\r\nContent-Length: {client.Length}\r\nConnection: close", Encoding.UTF8.GetBytes(client)),
            RawLoopbackServer.Respond(401, $$"""{ "title": "Unauthorized", "detail": "refused {{Session}} {{RenewedSession}} {{Csrf}} {{Rotated}} {{RotatedAgain}}", "errors": ["{{Csrf}}", "{{Rotated}}"] }"""));
        var sut = new OAuthClientsClient(new HttpClient(), new OAuthClientsOptions
        {
            Dialect = OAuthDialect.Cerberus,
            BaseAddress = server.BaseAddress,
            SessionCookie = Session,
            CsrfToken = Csrf,
            MaxRetries = 0,
        });
        await sut.GetAsync("c1");
        await sut.GetAsync("c1");

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => sut.GetAsync("c1"));

        Assert.DoesNotContain("HELD", string.Join("|", ex.ToString(), string.Join(",", ex.Errors)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_ConfidentialSecretUnderAnUnknownName_ThrowsSayingTheClientWasProbablyCreated()
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(201, """{ "id": "c1", "name": "x", "isConfidential": true, "client_secret_value": "LEAK_unknown_name" }"""));

        var ex = await Assert.ThrowsAsync<OAuthClientsApiException>(() => Client(server).CreateAsync(Create()));

        Assert.Contains("may have been created", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rotate its secret", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LEAK", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_PublicClientWithoutSecret_Succeeds()
    {
        using var server = new RawLoopbackServer(RawLoopbackServer.Respond(201, """{ "id": "c1", "name": "x", "isConfidential": false }"""));

        var created = await Client(server).CreateAsync(Create() with { IsConfidential = false });

        Assert.Null(created.Secret);
        Assert.False(created.Client.IsConfidential);
    }

    private static CreateOAuthClientRequest Create() => new() { Name = "x", RedirectUris = ["https://app.example.com/cb"] };

    private static OAuthClientsClient Client(RawLoopbackServer server, Action<OAuthClientsOptions>? configure = null)
    {
        var options = new OAuthClientsOptions { BaseAddress = server.BaseAddress, Tenant = "acme", ApiKey = ApiKey, MaxRetries = 0 };
        configure?.Invoke(options);
        return new OAuthClientsClient(new HttpClient(), options);
    }
}
