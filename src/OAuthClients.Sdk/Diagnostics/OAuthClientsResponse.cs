using System.Net;

#pragma warning disable IDE0130 // Public diagnostics types live in the package's root namespace, so one using reaches them.
namespace OAuthClients.Sdk;

/// <summary>
/// The status and request id of a successful response, as <see cref="OAuthClientsResponseCapture"/> records them: the
/// same two facts that <see cref="Errors.OAuthClientsApiException"/> carries for a failed one, for both dialects.
/// </summary>
/// <param name="StatusCode">The HTTP status of the response, for example 201 Created.</param>
/// <param name="RequestId">
/// The server's request id (the <c>X-Request-Id</c> response header), to quote to the provider's support;
/// <see langword="null"/> when the server sent none.
/// </param>
public sealed record OAuthClientsResponse(HttpStatusCode StatusCode, string? RequestId)
{
    /// <summary>Gets the rate limit the server reported with the response (its <c>X-RateLimit-*</c> headers), or <see langword="null"/> when it sent none.</summary>
    public OAuthClientsRateLimit? RateLimit { get; init; }
}
