using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using OAuthClients.Sdk.Errors;

namespace OAuthClients.Sdk.Http;

/// <summary>
/// A success response: its status, its headers (read only when asked: the request id and rate limit), and either its
/// whole body, which goes back to the pool on dispose, or (a list) its unread body <see cref="Stream"/>, whose
/// response is disposed with it.
/// </summary>
internal sealed class ApiResponse(HttpStatusCode statusCode, HttpResponseHeaders headers, IReadOnlyList<string> credentials, ResponseBody body, HttpResponseMessage? streamedResponse = null, Stream? stream = null) : IDisposable
{
    /// <summary>Gets the rate limit the headers report, read on each call (a capture asks once).</summary>
    public OAuthClientsRateLimit? RateLimit => OAuthClientsRateLimit.Read(headers);

    public HttpStatusCode StatusCode => statusCode;

    /// <summary>Gets the server's request id, redacted, read on each call (for a capture or an exception).</summary>
    public string? RequestId => ApiExceptionFactory.RequestId(headers, credentials);

    public ResponseBody Body => body;

    /// <summary>Gets the unread body of a streamed response (<see cref="Stream.Null"/> otherwise).</summary>
    public Stream Stream => stream ?? Stream.Null;

    public void Dispose()
    {
        body.Dispose();
        stream?.Dispose();
        streamedResponse?.Dispose();
    }
}
