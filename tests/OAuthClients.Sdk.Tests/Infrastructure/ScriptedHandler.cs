using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Tests.Infrastructure;

/// <summary>
/// A server in process: answers request N (1-based, counted over all requests) as the script says (or throws what it
/// throws), and records what each request carried. The order of answers is exact, which a socket server cannot promise.
/// </summary>
public sealed class ScriptedHandler(Func<HttpRequestMessage, int, Task<HttpResponseMessage>> script) : HttpMessageHandler
{
    private int _count;

    /// <summary>Gets how many requests arrived.</summary>
    public int Attempts => Volatile.Read(ref _count);

    /// <summary>Gets each request's method, path and <c>X-CSRF-Token</c>, in order of arrival.</summary>
    public ConcurrentQueue<(string Method, string Path, string? CsrfToken)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = request.Headers.TryGetValues("X-CSRF-Token", out var tokens) ? tokens.Single() : null;
        Requests.Enqueue((request.Method.Method, request.RequestUri!.AbsolutePath, token));
        var answer = await script(request, Interlocked.Increment(ref _count));
        answer.RequestMessage = request;
        return answer;
    }
}
