using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Benchmarks.Fakes;

/// <summary>
/// The in-memory transport: answers every request with a fresh <see cref="HttpResponseMessage"/> whose
/// <see cref="ByteArrayContent"/> wraps pre-built UTF-8 bytes, so that only client-side cost is measured. A request
/// body is read to the end first, as a socket would, so that lazily serialized content (<c>JsonContent</c>) pays for
/// its serialization like eagerly serialized content does.
/// </summary>
public sealed class CannedHandler(FakeApi api) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private int _requests;

    /// <summary>Gets or sets a value indicating whether each request's credentials and headers are checked (set while verifying, not while measuring).</summary>
    public bool Strict { get; set; }

    /// <summary>Gets how many requests were answered.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public void ResetCount() => Volatile.Write(ref _requests, 0);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        if (Strict)
        {
            Check(request);
        }

        return request.Content is null ? Task.FromResult(Respond(request)) : DrainThenRespondAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> DrainThenRespondAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await request.Content!.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        return Respond(request);
    }

    private HttpResponseMessage Respond(HttpRequestMessage request)
    {
        var canned = api.Route(request.Method.Method, request.RequestUri!.OriginalString);
        var response = new HttpResponseMessage((HttpStatusCode)canned.Status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(canned.Body) { Headers = { ContentType = Json } },
        };
        foreach (var header in canned.Headers)
        {
            response.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return response;
    }

    private void Check(HttpRequestMessage request)
    {
        var auth = request.Headers.Authorization;
        if (api.Surface == Surface.LumoAuthClients)
        {
            if (auth is not null || !request.Headers.TryGetValues("X-API-Key", out var key) || string.Join(",", key) != Payloads.ApiKey)
            {
                throw new InvalidOperationException($"{request.Method} {request.RequestUri}: no 'X-API-Key: <key>' header (and no Authorization).");
            }
        }
        else if (auth is null || auth.Scheme != "Bearer" || auth.Parameter != Payloads.ApiKey)
        {
            throw new InvalidOperationException($"{request.Method} {request.RequestUri}: no 'Authorization: Bearer <key>' header.");
        }

        if (api.Dialect == OAuthDialect.Cerberus
            && (!request.Headers.TryGetValues("X-Org-Domain", out var org) || string.Join(",", org) != Payloads.Tenant))
        {
            throw new InvalidOperationException($"{request.Method} {request.RequestUri}: no 'X-Org-Domain: {Payloads.Tenant}' header.");
        }

        if (request.Content is not null && request.Content.Headers.ContentLength != 0 && request.Content.Headers.ContentType?.MediaType != "application/json")
        {
            throw new InvalidOperationException($"{request.Method} {request.RequestUri}: the body is not application/json.");
        }

        var path = request.RequestUri!.AbsolutePath;
        var expected = api.Surface.Collection();
        if (!path.StartsWith(expected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{request.Method} {request.RequestUri}: not under {expected}.");
        }
    }
}
