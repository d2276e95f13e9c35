using System;
using System.Globalization;
using System.Net.Http;
using System.Threading.Tasks;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Reliability;

[CollectionDefinition(nameof(LocalTimeZoneTests), DisableParallelization = true)]
public sealed class LocalTimeZoneCollection;

/// <summary>
/// A timestamp without an offset means UTC whatever the machine's time zone: run on a machine nine hours east of UTC
/// (the process's local zone switched for the test, alone), where reading it as local time would move it.
/// </summary>
[Collection(nameof(LocalTimeZoneTests))]
public sealed class LocalTimeZoneTests
{
    [Theory]
    [InlineData("2026-01-02T03:04:05", "2026-01-02T03:04:05+00:00")]
    [InlineData("2026-01-02T03:04:05.1234567", "2026-01-02T03:04:05.1234567+00:00")]
    [InlineData("2026-01-02T03:04", "2026-01-02T03:04:00+00:00")]
    [InlineData("2026-01-02", "2026-01-02T00:00:00+00:00")]
    [InlineData("2026-01-02T03:04:05Z", "2026-01-02T03:04:05+00:00")]
    [InlineData("2026-01-02T03:04:05+02:00", "2026-01-02T01:04:05+00:00")]
    [InlineData("2026-01-02T03:04:05-05:00", "2026-01-02T08:04:05+00:00")]
    public async Task GetAsync_TimestampOnAMachineEastOfUtc_IsReadAsUtcWhenItHasNoOffset(string createdAt, string expected)
    {
        var saved = Environment.GetEnvironmentVariable("TZ");
        Environment.SetEnvironmentVariable("TZ", "Asia/Tokyo");
        TimeZoneInfo.ClearCachedData();
        try
        {
            Assert.Equal(TimeSpan.FromHours(9), TimeZoneInfo.Local.GetUtcOffset(new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Unspecified)));
            using var server = new RawLoopbackServer(RawLoopbackServer.Respond(200, $$"""{ "id": "c1", "name": "App", "createdAt": "{{createdAt}}" }"""));

            var client = await new OAuthClientsClient(new HttpClient(), new OAuthClientsOptions { BaseAddress = server.BaseAddress, Tenant = "acme", ApiKey = "sk_live_time_zone", MaxRetries = 0 }).GetAsync("c1");

            Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), client.CreatedAt);
            Assert.Equal(TimeSpan.Zero, client.CreatedAt?.Offset);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", saved);
            TimeZoneInfo.ClearCachedData();
        }
    }
}
