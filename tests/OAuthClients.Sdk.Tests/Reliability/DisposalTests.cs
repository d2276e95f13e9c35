using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace OAuthClients.Sdk.Tests.Reliability;

/// <summary>A client that owns its HttpClient closes its connections on dispose; one over a caller's HttpClient leaves it open.</summary>
public sealed class DisposalTests
{
    private const string Profile = """{ "id": "u1", "permissions": ["clients:read"] }""";

    [Fact]
    public async Task Dispose_OwnsItsHttpClient_ClosesTheKeptAliveConnection()
    {
        using var listener = new KeepAliveServer();
        var sut = new OAuthClientsClient(Options(listener.BaseAddress));
        await sut.WhoAmIAsync();
        var connection = await listener.Connection;

        sut.Dispose();

        // A closed connection reads end-of-stream; a pooled one would stay open (the wait is a bound, not a measurement).
        Assert.Equal(0, await connection.ReadAsync(new byte[1]).AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => sut.WhoAmIAsync());
    }

    [Fact]
    public async Task Dispose_CallersHttpClient_KeepsItAndItsConnectionOpen()
    {
        using var listener = new KeepAliveServer();
        using var httpClient = new HttpClient();
        var sut = new OAuthClientsClient(httpClient, Options(listener.BaseAddress));
        await sut.WhoAmIAsync();
        var connection = await listener.Connection;

        await sut.DisposeAsync();

        // The caller's next request reuses the same connection: disposal closed nothing it did not own.
        var get = httpClient.GetAsync(new Uri(listener.BaseAddress, "v1/me/profile"));
        await KeepAliveServer.AnswerAsync(connection);
        using var response = await get;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static OAuthClientsOptions Options(Uri baseAddress) => new()
    {
        Dialect = OAuthDialect.Cerberus,
        BaseAddress = baseAddress,
        ApiKey = "cerb_key_1",
        MaxRetries = 0,
    };

    /// <summary>Answers every request on one kept-alive connection, and hands that connection's stream to the test.</summary>
    private sealed class KeepAliveServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly TaskCompletionSource<NetworkStream> _connection = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TcpClient? _socket;

        public KeepAliveServer()
        {
            _listener.Start();
            BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
            _ = ServeAsync();
        }

        public Uri BaseAddress { get; }

        public Task<NetworkStream> Connection => _connection.Task;

        /// <summary>Reads one request on <paramref name="stream"/> and answers it, keeping the connection open.</summary>
        public static async Task AnswerAsync(NetworkStream stream)
        {
            await ReadRequestHeadAsync(stream);
            var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(Profile)}\r\n\r\n";
            await stream.WriteAsync(Encoding.UTF8.GetBytes(head + Profile));
        }

        public void Dispose()
        {
            _socket?.Dispose();
            _listener.Stop();
        }

        private async Task ServeAsync()
        {
            _socket = await _listener.AcceptTcpClientAsync();
            var stream = _socket.GetStream();
            await AnswerAsync(stream);
            _connection.SetResult(stream);
        }

        private static async Task ReadRequestHeadAsync(NetworkStream stream)
        {
            var seen = new StringBuilder();
            var buffer = new byte[1];
            while (!seen.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer) == 1)
            {
                seen.Append((char)buffer[0]);
            }
        }
    }
}
