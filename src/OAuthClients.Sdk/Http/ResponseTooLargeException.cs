using System;

namespace OAuthClients.Sdk.Http;

/// <summary>
/// A body longer than <see cref="OAuthClientsOptions.MaxResponseSize"/>. Internal: the transport turns it into an
/// <see cref="Errors.OAuthClientsApiException"/> that carries the status.
/// </summary>
internal sealed class ResponseTooLargeException(int maxSize)
    : Exception($"The body is longer than MaxResponseSize ({maxSize} bytes); the rest was not read.")
{
}
