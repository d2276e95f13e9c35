using System;
using System.Collections.Generic;
using System.Net;

namespace OAuthClients.Sdk.Errors;

/// <summary>The server rejected the request's content: it answered 400 or 422. <see cref="OAuthClientsApiException.Errors"/> lists the fields.</summary>
public class OAuthClientsValidationException : OAuthClientsApiException
{
    /// <summary>Initializes a new instance of the <see cref="OAuthClientsValidationException"/> class.</summary>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="message">The message, which must not contain a secret.</param>
    /// <param name="errorCode">The server's error code, if it gave one.</param>
    /// <param name="requestId">The server's request id (<c>X-Request-Id</c>), if it gave one.</param>
    /// <param name="retryAfter">How long the server asked the caller to wait, if it said.</param>
    /// <param name="errors">The field-level messages; <see langword="null"/> for none.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public OAuthClientsValidationException(
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
