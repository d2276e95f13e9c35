using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Reliability;

/// <summary>
/// A create is repeated only when the connection failure proves the server never saw it: the handler's failure
/// kinds (.NET 5+) and, as older handlers and netstandard2.0 report them, the socket error beneath. Any other failure
/// may have come after the server created the client, so it is not repeated and the outcome is reported as unknown.
/// </summary>
public sealed class FailedBeforeSendingTests
{
    private const string Created = """{ "id": "c1", "name": "App", "secret": "cs_live_0123456789abcdef" }""";

    public static TheoryData<string, bool> Failures() => new()
    {
        { nameof(HttpRequestError.ConnectionError), true },
        { nameof(HttpRequestError.NameResolutionError), true },
        { nameof(SocketError.ConnectionRefused), true },
        { nameof(SocketError.HostNotFound), true },
        { nameof(SocketError.HostUnreachable), true },
        { nameof(SocketError.NetworkUnreachable), true },
        { nameof(SocketError.TryAgain), true },
        { nameof(SocketError.ConnectionReset), false },
        { nameof(SocketError.TimedOut), false },
        { nameof(HttpRequestError.ResponseEnded), false },
        { "no socket error", false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task CreateAsync_ConnectionFailure_IsRepeatedOnlyWhenItProvesNothingWasSent(string failure, bool beforeSending)
    {
        var thrownOnce = Failure(failure);
        using var handler = new ScriptedHandler((request, attempt) => attempt == 1
            ? Task.FromException<HttpResponseMessage>(thrownOnce)
            : Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.Created) { Content = new StringContent(Created, System.Text.Encoding.UTF8, "application/json") }));
        using var host = new TestHost(
            o =>
            {
                o.BaseAddress = new Uri("https://provider.example.com/");
                o.Tenant = "acme";
                o.ApiKey = "sk_x";
                o.MaxRetries = 1;
            },
            builder => builder.ConfigurePrimaryHttpMessageHandler(() => handler));
        var call = host.Time.Drive(host.Client.CreateAsync(new CreateOAuthClientRequest { Name = "App", RedirectUris = ["https://app.example.com/cb"] }));

        if (beforeSending)
        {
            var created = await call;
            Assert.Equal("c1", created.Client.Id);
            Assert.Equal(2, handler.Attempts);
        }
        else
        {
            var thrown = await Assert.ThrowsAsync<HttpRequestException>(() => call);
            Assert.Contains("its response was lost (1 attempt(s))", thrown.Message, StringComparison.Ordinal);
            Assert.Contains("The outcome is unknown", thrown.Message, StringComparison.Ordinal);
            Assert.Equal(1, handler.Attempts);
        }
    }

    private static HttpRequestException Failure(string kind) => kind switch
    {
        nameof(HttpRequestError.ConnectionError) => new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"),
        nameof(HttpRequestError.NameResolutionError) => new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known"),
        nameof(HttpRequestError.ResponseEnded) => new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely"),
        "no socket error" => new HttpRequestException("Something failed"),
        _ => new HttpRequestException("The connection failed", new SocketException((int)Enum.Parse<SocketError>(kind))),
    };
}
