using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Diagnostics;

/// <summary>Whatever X-RateLimit-* headers a server sends, the capture holds a sane rate limit or none.</summary>
public sealed class RateLimitHeaderTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private const string Collection = "/t/acme/api/v1/admin/oauth-clients";
    private const string Created = """{ "id": "c1", "name": "App", "redirectUris": ["https://app.example.com/cb"], "secret": "cs_test_0123456789abcdef" }""";

    public static TheoryData<string, string, string?, int?, int?, long?> Headers => new()
    {
        { "100", "7", "1800000060", 100, 7, 1_800_000_060 },
        { " 100 ", "0", null, 100, 0, null },
        { "100", "7", "99999999999999999999", 100, 7, null },
        { "100", "7", "soon", 100, 7, null },
        { "lots", "7", "1800000060", null, null, null },
        { "100", "-1", "1800000060", null, null, null },
        { "100", "7.5", "1800000060", null, null, null },
        { "99999999999", "99999999999", "1800000060", int.MaxValue, int.MaxValue, 1_800_000_060 },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public async Task Start_RateLimitHeadersOfAnyShape_CapturesThemOnlyWhenReadable(string limit, string remaining, string? reset, int? expectedLimit, int? expectedRemaining, long? expectedReset)
    {
        server.Server.Reset();
        var headers = new Dictionary<string, string> { ["X-RateLimit-Limit"] = limit, ["X-RateLimit-Remaining"] = remaining };
        if (reset is not null)
        {
            headers["X-RateLimit-Reset"] = reset;
        }

        server.Server.Json("POST", Collection, 201, Created, headers);
        var sut = new OAuthClientsClient(new OAuthClientsOptions { BaseAddress = server.BaseAddress, Tenant = "acme", ApiKey = "sk_test_ratelimit" });

        using var capture = OAuthClientsResponseCapture.Start();
        await sut.CreateAsync(new CreateOAuthClientRequest { Name = "App", RedirectUris = ["https://app.example.com/cb"], AllowedScopes = ["openid"] });

        var expected = expectedLimit is { } l
            ? new OAuthClientsRateLimit(l, expectedRemaining!.Value, expectedReset is { } r ? DateTimeOffset.FromUnixTimeSeconds(r) : null)
            : null;
        Assert.Equal(expected, capture.Last!.RateLimit);
    }
}
