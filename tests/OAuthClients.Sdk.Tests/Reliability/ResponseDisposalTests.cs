using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Reliability;

/// <summary>
/// Every response the SDK receives is disposed, whatever ends the attempt: a success, an error status, a retry, a
/// body that is too large, breaks, stalls past the timeout, or is abandoned by the caller's cancellation. A response
/// left undisposed keeps its connection (and a body that may hold a secret) until the garbage collector finds it.
/// </summary>
public sealed class ResponseDisposalTests
{
    private const string Client = """{ "id": "c1", "name": "App", "isActive": true }""";

    [Fact]
    public async Task Get_Answered_DisposesTheResponse()
    {
        using var handler = new Handler(_ => Answer(HttpStatusCode.OK, Client));
        using var host = Host(handler);

        var client = await host.Time.Drive(host.Client.GetAsync("c1"));

        Assert.Equal("c1", client.Id);
        Assert.True(Assert.Single(handler.Contents).Disposed);
    }

    [Fact]
    public async Task Get_RefusedWithAnErrorStatus_DisposesTheResponse()
    {
        using var handler = new Handler(_ => Answer(HttpStatusCode.NotFound, """{ "error": "not_found" }"""));
        using var host = Host(handler);

        await Assert.ThrowsAsync<OAuthClientNotFoundException>(() => host.Time.Drive(host.Client.GetAsync("c1")));

        Assert.True(Assert.Single(handler.Contents).Disposed);
    }

    [Fact]
    public async Task Get_RetriedAfterA503_DisposesEveryResponse()
    {
        using var handler = new Handler(attempt => attempt == 1 ? Answer(HttpStatusCode.ServiceUnavailable, "{}") : Answer(HttpStatusCode.OK, Client));
        using var host = Host(handler, maxRetries: 1);

        await host.Time.Drive(host.Client.GetAsync("c1"));

        Assert.Equal(2, handler.Contents.Count);
        Assert.All(handler.Contents, content => Assert.True(content.Disposed));
    }

    [Fact]
    public async Task Get_BodyLongerThanItsLimit_DisposesTheResponse()
    {
        using var handler = new Handler(_ => Answer(HttpStatusCode.OK, new string(' ', 2048) + Client));
        using var host = Host(handler, maxResponseSize: 1024);

        await Assert.ThrowsAsync<OAuthClientsApiException>(() => host.Time.Drive(host.Client.GetAsync("c1")));

        Assert.True(Assert.Single(handler.Contents).Disposed);
    }

    [Fact]
    public async Task Get_BodyBrokenOff_DisposesTheResponseAndLogsTheAttemptAsFailedAfterSending()
    {
        using var handler = new Handler(_ => Answer(HttpStatusCode.OK, "{ \"id\": ", Ending.Breaks));
        using var host = Host(handler);

        var thrown = await Assert.ThrowsAsync<HttpRequestException>(() => host.Time.Drive(host.Client.GetAsync("c1")));

        Assert.Contains("its response was lost", thrown.Message, StringComparison.Ordinal);
        Assert.True(Assert.Single(handler.Contents).Disposed);
        var failed = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 2);
        Assert.EndsWith("(attempt 1): IOException (after sending)", failed.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Ending.Stalls)]
    [InlineData(Ending.StallsThenTornDown)]
    public async Task Get_BodyStallingPastTheTimeout_DisposesTheResponseAndLogsTheAttemptAsTimedOut(Ending stall)
    {
        using var handler = new Handler(_ => Answer(HttpStatusCode.OK, "{ \"id\": ", stall));
        using var host = Host(handler);

        await Assert.ThrowsAsync<TimeoutException>(() => host.Time.Drive(host.Client.GetAsync("c1"), () => handler.Stalled.WaitAsync()));

        Assert.True(Assert.Single(handler.Contents).Disposed);
        var failed = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 2);
        Assert.EndsWith("(attempt 1): timed out", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_TimedOutReadPastTheHeadFailingWithTheStreamsOwnException_ThrowsTimeoutException()
    {
        // More than the 16 KiB read within the attempt, so the stall comes while the list is streamed.
        var clients = string.Join(", ", Enumerable.Range(0, 400).Select(i => Client.Replace("c1", $"c{i}", StringComparison.Ordinal)));
        using var handler = new Handler(_ => Answer(HttpStatusCode.OK, $"[{clients}", Ending.StallsThenTornDown));
        using var host = Host(handler);

        // Every read schedules its own timeout: all of them wait for the one stall.
        var stalled = handler.Stalled.WaitAsync();
        var thrown = await Assert.ThrowsAsync<TimeoutException>(() => host.Time.Drive(host.Client.ListAsync().ToListAsync().AsTask(), () => stalled));

        Assert.Contains("timed out while its body was read", thrown.Message, StringComparison.Ordinal);
        Assert.IsType<ObjectDisposedException>(thrown.InnerException);
        Assert.True(Assert.Single(handler.Contents).Disposed);
    }

    [Theory]
    [InlineData(Ending.Stalls)]
    [InlineData(Ending.StallsThenTornDown)]
    public async Task Get_CanceledWhileTheBodyStalls_ThrowsWithTheCallersTokenAndDisposesTheResponse(Ending stall)
    {
        using var handler = new Handler(_ => Answer(HttpStatusCode.OK, "{ \"id\": ", stall));
        using var host = Host(handler);
        using var cancel = new CancellationTokenSource();

        var call = host.Client.GetAsync("c1", cancel.Token);
        await handler.Stalled.WaitAsync();
        await cancel.CancelAsync();

        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cancel.Token, thrown.CancellationToken);
        Assert.True(Assert.Single(handler.Contents).Disposed);
    }

    [Fact]
    public async Task List_EnumeratedToTheEnd_DisposesTheResponse()
    {
        using var handler = new Handler(_ => Answer(HttpStatusCode.OK, $"[{Client}, {Client.Replace("c1", "c2", StringComparison.Ordinal)}]"));
        using var host = Host(handler);

        var listed = await host.Time.Drive(host.Client.ListAsync().ToListAsync().AsTask());

        Assert.Equal(["c1", "c2"], listed.Select(c => c.Id));
        Assert.True(Assert.Single(handler.Contents).Disposed);
    }

    [Fact]
    public async Task List_LeftAfterTheFirstClient_DisposesTheResponse()
    {
        using var handler = new Handler(_ => Answer(HttpStatusCode.OK, $"[{Client}, {Client.Replace("c1", "c2", StringComparison.Ordinal)}]"));
        using var host = Host(handler);

        await host.Time.Drive(FirstAsync(host.Client));

        Assert.True(Assert.Single(handler.Contents).Disposed);

        static async Task<string> FirstAsync(IOAuthClientsClient client)
        {
            await foreach (var listed in client.ListAsync())
            {
                return listed.Id;
            }

            throw new InvalidOperationException("The list was empty.");
        }
    }

    [Fact]
    public async Task Get_ConnectionRefused_LogsTheAttemptAsFailedBeforeSending()
    {
        using var host = new TestHost(o =>
        {
            o.BaseAddress = new Uri($"http://127.0.0.1:{LoopbackServer.UnusedPort()}/");
            o.Tenant = "acme";
            o.ApiKey = "sk_x";
            o.MaxRetries = 0;
        });

        var thrown = await Assert.ThrowsAsync<HttpRequestException>(() => host.Time.Drive(host.Client.GetAsync("c1")));

        Assert.Contains("failed before it was sent (1 attempt(s))", thrown.Message, StringComparison.Ordinal);
        var failed = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 2);
        Assert.EndsWith("(attempt 1): HttpRequestException (before sending)", failed.Message, StringComparison.Ordinal);
    }

    private static TestHost Host(Handler handler, int maxRetries = 0, int? maxResponseSize = null) => new(
        o =>
        {
            o.BaseAddress = new Uri("https://provider.example.com/");
            o.Tenant = "acme";
            o.ApiKey = "sk_x";
            o.MaxRetries = maxRetries;
            if (maxResponseSize is { } size)
            {
                o.MaxResponseSize = size;
            }
        },
        builder => builder.ConfigurePrimaryHttpMessageHandler(() => handler));

    private static TrackedContent Answer(HttpStatusCode status, string body, Ending ending = Ending.Ends) => new(status, Encoding.UTF8.GetBytes(body), ending);

    /// <summary>How a scripted body ends after its bytes.</summary>
    public enum Ending
    {
        Ends,
        Breaks,
        Stalls,

        /// <summary>Stalls, and fails as SocketsHttpHandler's stream may when canceled: the connection is disposed under the read.</summary>
        StallsThenTornDown,
    }

    /// <summary>Answers attempt N (1-based) with the content the script gives it, and keeps every content it handed out.</summary>
    private sealed class Handler(Func<int, TrackedContent> script) : HttpMessageHandler
    {
        private int _attempts;

        public ConcurrentQueue<TrackedContent> Contents { get; } = new();

        /// <summary>Gets a semaphore released when a stalling body has been read up to its stall.</summary>
        public SemaphoreSlim Stalled { get; } = new(0);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = script(Interlocked.Increment(ref _attempts));
            content.Stalled = Stalled;
            Contents.Enqueue(content);
            return Task.FromResult(new HttpResponseMessage(content.Status) { Content = content, RequestMessage = request });
        }
    }

    /// <summary>A JSON body that records whether it was disposed, and ends, breaks off or stalls after its bytes.</summary>
    private sealed class TrackedContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly Ending _ending;

        public TrackedContent(HttpStatusCode status, byte[] body, Ending ending)
        {
            Status = status;
            _body = body;
            _ending = ending;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        public HttpStatusCode Status { get; }

        public SemaphoreSlim? Stalled { get; set; }

        public bool Disposed { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_body, 0, _body.Length);

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new ScriptedStream(_body, _ending, Stalled));

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return _ending == Ending.Ends;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    private sealed class ScriptedStream(byte[] body, Ending ending, SemaphoreSlim? stalled) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position < body.Length)
            {
                var count = Math.Min(buffer.Length, body.Length - _position);
                body.AsMemory(_position, count).CopyTo(buffer);
                _position += count;
                return count;
            }

            switch (ending)
            {
                case Ending.Breaks:
                    throw new IOException("The connection was reset.");
                case Ending.Stalls:
                    stalled?.Release();
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    return 0;
                case Ending.StallsThenTornDown:
                    stalled?.Release();
                    await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
                    throw new ObjectDisposedException("System.Net.Sockets.NetworkStream");
                default:
                    return 0;
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
