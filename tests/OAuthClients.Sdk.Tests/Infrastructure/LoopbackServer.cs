using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using WireMock;
using Xunit;
using WireMock.Server;
using WireMock.Settings;

namespace OAuthClients.Sdk.Tests.Infrastructure;

/// <summary>A WireMock server on loopback and a free port; one per test class, reset before each test.</summary>
public sealed class LoopbackServer : IDisposable
{
    public LoopbackServer()
    {
        Server = StartOnFreePort();

        // WireMock reports (and also listens on) "localhost"; the SDK is pointed at the IPv4 loopback itself.
        BaseAddress = new Uri($"http://127.0.0.1:{Server.Ports.Single()}/");
    }

    public WireMockServer Server { get; }

    public Uri BaseAddress { get; }

    public IRequestMessage[] Requests => Server.LogEntries.Select(entry => entry.RequestMessage!).ToArray();

    public IRequestMessage SingleRequest() => Assert.Single(Requests);

        public static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    /// <summary>A loopback port nothing listens on (for connection-refused tests).</summary>
    public static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
    }

    private static WireMockServer StartOnFreePort()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = UnusedPort();
            try
            {
                return WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{port}"] });
            }
            catch (Exception) when (attempt < 5)
            {
                // Another process took the port between the probe and the start: try another one.
            }
        }
    }
}
