using System;
using System.Collections.Generic;
using System.Net;

namespace OAuthClients.Sdk.Errors;

/// <summary>The requested OAuth client (or the tenant or organisation in the path) does not exist: the server answered 404.</summary>
public class OAuthClientNotFoundException : OAuthClientsApiException
{
    /// <summary>Initializes a new instance of the <see cref="OAuthClientNotFoundException"/> class.</summary>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="message">The message, which must not contain a secret.</param>
    /// <param name="errorCode">The server's error code, if it gave one.</param>
    /// <param name="requestId">The server's request id (<c>X-Request-Id</c>), if it gave one.</param>
    /// <param name="retryAfter">How long the server asked the caller to wait, if it said.</param>
    /// <param name="errors">The field-level messages; <see langword="null"/> for none.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public OAuthClientNotFoundException(
        HttpStatusCode statusCode,
        string message,
        string? errorCode = null,
        string? requestId = null,
        TimeSpan? retryAfter = null,
        IReadOnlyList<string>? errors = null,
        Exception? innerException = null)
        : base(statusCode, message, errorCode, requestId, retryAfter, errors, innerException)
    {
    }
}
