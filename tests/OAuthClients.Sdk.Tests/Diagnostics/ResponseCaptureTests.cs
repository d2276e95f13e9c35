using System.Linq;
using System.Net;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Testing;
using Xunit;

namespace OAuthClients.Sdk.Tests.Diagnostics;

/// <summary>The status and request id of successful calls, read without a logging sink.</summary>
public sealed class ResponseCaptureTests
{
    private static readonly CreateOAuthClientRequest App = new() { Name = "App", RedirectUris = ["https://a.example/cb"], AllowedScopes = ["openid"] };

    [Fact]
    public async Task Start_SuccessfulCall_CapturesItsStatusAndRequestId()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var sut = new OAuthClientsClient(server.CreateOptions());

        using var capture = OAuthClientsResponseCapture.Start();
        await sut.CreateAsync(App);
        var created = capture.Last;
        await sut.ListAsync().ToListAsync();

        Assert.Equal(HttpStatusCode.Created, created!.StatusCode);
        Assert.StartsWith("req_", created.RequestId, System.StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, capture.Last!.StatusCode);
        Assert.NotEqual(created.RequestId, capture.Last.RequestId);
        Assert.Equal(2, capture.Count);
    }

    [Fact]
    public async Task Start_ProviderWithoutRequestIds_CapturesTheStatusAndNoId()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth);
        var sut = new OAuthClientsClient(server.CreateOptions());
        var created = await sut.CreateAsync(App);

        using var capture = OAuthClientsResponseCapture.Start();
        await sut.DeleteAsync(created.Client.Id);

        Assert.Equal(new OAuthClientsResponse(HttpStatusCode.NoContent, null), capture.Last);
    }

    [Fact]
    public async Task Dispose_CallsAfterward_AreNotCapturedAndTheOuterCaptureResumes()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var sut = new OAuthClientsClient(server.CreateOptions());

        using var outer = OAuthClientsResponseCapture.Start();
        var inner = OAuthClientsResponseCapture.Start();
        await sut.CreateAsync(App);
        inner.Dispose();
        await sut.ListAsync().ToListAsync();

        Assert.Equal(1, inner.Count);
        Assert.Equal(HttpStatusCode.Created, inner.Last!.StatusCode);
        Assert.Equal(1, outer.Count);
        Assert.Equal(HttpStatusCode.OK, outer.Last!.StatusCode);
    }

    [Fact]
    public async Task Start_ConcurrentFlows_EachSeeOnlyTheirOwnCalls()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var sut = new OAuthClientsClient(server.CreateOptions());

        async Task<OAuthClientsResponseCapture> Flow(int calls)
        {
            using var capture = OAuthClientsResponseCapture.Start();
            for (var i = 0; i < calls; i++)
            {
                await sut.ListAsync().ToListAsync();
            }

            return capture;
        }

        var results = await Task.WhenAll(Flow(1), Flow(3));

        Assert.Equal(1, results[0].Count);
        Assert.Equal(3, results[1].Count);
    }

    [Theory]
    [InlineData(OAuthDialect.LumoAuth)]
    [InlineData(OAuthDialect.Cerberus)]
    public async Task Start_ServerSendsRateLimitHeaders_CapturesLimitRemainingAndReset(OAuthDialect dialect)
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(System.DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        using var server = FakeOAuthClientsServer.Start(dialect);
        server.LimitWrites(100, System.TimeSpan.FromMinutes(1), time);
        var sut = new OAuthClientsClient(server.CreateOptions());

        using var capture = OAuthClientsResponseCapture.Start();
        await sut.CreateAsync(App);
        var first = capture.Last!.RateLimit;
        await sut.CreateAsync(App);
        var second = capture.Last!.RateLimit;
        await sut.ListAsync().ToListAsync();

        Assert.Equal(new OAuthClientsRateLimit(100, 99, System.DateTimeOffset.FromUnixTimeSeconds(1_800_000_060)), first);
        Assert.Equal(98, second!.Remaining);
        // The fake limits writes only, as LumoAuth counts them apart: a read carries no write headers.
        Assert.Null(capture.Last!.RateLimit);
    }
}
