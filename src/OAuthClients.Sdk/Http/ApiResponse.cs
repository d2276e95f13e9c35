using System;
using System.Net;

namespace OAuthClients.Sdk.Http;

/// <summary>A success response: its status, request id and whole body, which goes back to the pool on dispose.</summary>
internal sealed class ApiResponse(HttpStatusCode statusCode, string? requestId, ResponseBody body) : IDisposable
{
    public HttpStatusCode StatusCode => statusCode;

    public string? RequestId => requestId;

    public ResponseBody Body => body;

    public void Dispose() => body.Dispose();
}
