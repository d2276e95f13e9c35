using System.Net;

namespace OAuthClients.Sdk.Http;

/// <summary>A success response: its status, request id and whole body.</summary>
internal sealed record ApiResponse(HttpStatusCode StatusCode, string? RequestId, byte[] Body);
