using System;
using System.IO;
using System.Net;
using System.Net.Http;

namespace OAuthClients.Sdk.Http;

/// <summary>
/// A success response: its status, request id, rate limit and either its whole body, which goes back to the pool on dispose, or
/// (a list) its unread body <see cref="Stream"/>, whose response is disposed with it.
/// </summary>
internal sealed class ApiResponse(HttpStatusCode statusCode, string? requestId, ResponseBody body, HttpResponseMessage? streamedResponse = null, Stream? stream = null, OAuthClientsRateLimit? rateLimit = null) : IDisposable
{
    public OAuthClientsRateLimit? RateLimit => rateLimit;

    public HttpStatusCode StatusCode => statusCode;

    public string? RequestId => requestId;

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
