using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Tests.Infrastructure;

/// <summary>
/// A bare TCP server on 127.0.0.1 for the faults WireMock cannot make: a connection dropped after the request
/// arrived, a server that never answers, a response cut short. Each connection takes the next scripted behaviour
/// (the last one repeats); every response closes its connection.
/// </summary>
public sealed class RawLoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<Func<NetworkStream, Task>> _script = new();
    private readonly CancellationTokenSource _stop = new();
    private Func<NetworkStream, Task> _last = Drop;
    private int _requests;

    public RawLoopbackServer(params Func<NetworkStream, Task>[] script)
    {
        foreach (var step in script)
        {
            _script.Enqueue(step);
        }

        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = AcceptLoop();
    }

    public Uri BaseAddress { get; }

    /// <summary>Gets how many requests arrived (one per connection).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Gets a semaphore released once per request that arrives.</summary>
    public SemaphoreSlim Arrived { get; } = new(0);

    /// <summary>Closes the connection once the request has arrived: the response is lost.</summary>
    public static Func<NetworkStream, Task> Drop { get; } = _ => Task.CompletedTask;

    /// <summary>Never answers (until the server is disposed).</summary>
    public static Func<NetworkStream, Task> Hang { get; } = stream => Task.Delay(Timeout.Infinite, CancellationToken.None);

    /// <summary>Answers with a status and JSON body.</summary>
    public static Func<NetworkStream, Task> Respond(int status, string body = "") => stream => Write(stream, $"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}");

    /// <summary>Answers 200 with <paramref name="body"/> in chunks of <paramref name="chunkSize"/> bytes and no Content-Length.</summary>
    public static Func<NetworkStream, Task> Chunked(string body, int chunkSize) => async stream =>
    {
        await Write(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        var bytes = Encoding.UTF8.GetBytes(body);
        for (var offset = 0; offset < bytes.Length; offset += chunkSize)
        {
            var size = Math.Min(chunkSize, bytes.Length - offset);
            await Write(stream, $"{size:x}\r\n");
            await stream.WriteAsync(bytes.AsMemory(offset, size));
            await Write(stream, "\r\n");
            await stream.FlushAsync();
        }

        await Write(stream, "0\r\n\r\n");
    };

    /// <summary>Writes <paramref name="head"/> (status line and headers, without the blank line) and <paramref name="body"/> as they are, then closes.</summary>
    public static Func<NetworkStream, Task> Raw(string head, byte[] body) => async stream =>
    {
        await Write(stream, head + "\r\n\r\n");
        await stream.WriteAsync(body);
    };

    /// <summary>Answers <paramref name="status"/> with a chunked body of <paramref name="prefix"/> followed by spaces that never end (until the client leaves).</summary>
    public static Func<NetworkStream, Task> Endless(int status, string prefix) => async stream =>
    {
        await Write(stream, $"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        var first = Encoding.UTF8.GetBytes(prefix);
        await Write(stream, $"{first.Length:x}\r\n");
        await stream.WriteAsync(first);
        await Write(stream, "\r\n");
        var chunk = Encoding.ASCII.GetBytes($"{16 * 1024:x}\r\n{new string(' ', 16 * 1024)}\r\n");
        while (true)
        {
            await stream.WriteAsync(chunk);
        }
    };

    /// <summary>Answers 200 with a chunked body that starts with <paramref name="prefix"/> and then never continues nor ends.</summary>
    public static Func<NetworkStream, Task> Stall(string prefix) => async stream =>
    {
        await Write(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        var bytes = Encoding.UTF8.GetBytes(prefix);
        await Write(stream, $"{bytes.Length:x}\r\n");
        await stream.WriteAsync(bytes);
        await Write(stream, "\r\n");
        await stream.FlushAsync();
        await Task.Delay(Timeout.Infinite, CancellationToken.None);
    };

    /// <summary>Promises a longer body than it sends, then closes: the body is cut short.</summary>
    public static Func<NetworkStream, Task> Truncated(string body) => stream => Write(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length + 100}\r\nConnection: close\r\n\r\n{body}");

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private static async Task Write(NetworkStream stream, string response)
    {
        var bytes = Encoding.UTF8.GetBytes(response);
        await stream.WriteAsync(bytes);
    }

    private static async Task ReadRequest(NetworkStream stream, CancellationToken cancellationToken)
    {
        // Headers, then as many body bytes as Content-Length says.
        var received = new StringBuilder();
        var buffer = new byte[4096];
        int headerEnd;
        while ((headerEnd = received.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return;
            }

            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        var headers = received.ToString(0, headerEnd);
        var lengthLine = Array.Find(headers.Split("\r\n"), l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var remaining = (lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            - Encoding.UTF8.GetByteCount(received.ToString(headerEnd + 4, received.Length - headerEnd - 4));
        while (remaining > 0)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, remaining)), cancellationToken);
            if (read == 0)
            {
                return;
            }

            remaining -= read;
        }
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Serve(connection);
        }
    }

    private async Task Serve(TcpClient connection)
    {
        using (connection)
        {
            var stream = connection.GetStream();
            try
            {
                await ReadRequest(stream, _stop.Token);
                Interlocked.Increment(ref _requests);
                Arrived.Release();
                var step = _script.TryDequeue(out var next) ? _last = next : _last;
                await step(stream).WaitAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                // Disposed while serving.
            }
            catch (Exception ex) when (ex is System.IO.IOException or SocketException)
            {
                // The client went away first (it timed out or was cancelled).
            }
        }
    }
}
