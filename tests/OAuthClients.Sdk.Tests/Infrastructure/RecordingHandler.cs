using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Tests.Infrastructure;

/// <summary>Records the exact URI of every request the SDK sends, then passes it on.</summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
{
    public ConcurrentQueue<string> Uris { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Uris.Enqueue(request.RequestUri!.AbsoluteUri);
        return base.SendAsync(request, cancellationToken);
    }
}
