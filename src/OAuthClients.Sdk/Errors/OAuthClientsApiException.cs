using System;
using System.Collections.Generic;
using System.Net;

namespace OAuthClients.Sdk.Errors;

/// <summary>
/// The identity provider answered with an error status, or with a body the SDK could not read.
/// Its message and members never contain a secret or a credential.
/// </summary>
/// <remarks>
/// The SDK throws the subclasses <see cref="OAuthClientNotFoundException"/> (404),
/// <see cref="OAuthClientsValidationException"/> (400 and 422) and <see cref="OAuthClientsRateLimitException"/> (429)
/// where they apply.
/// </remarks>
public class OAuthClientsApiException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="OAuthClientsApiException"/> class.</summary>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="message">The message, which must not contain a secret.</param>
    /// <param name="errorCode">The server's error code, if it gave one.</param>
    /// <param name="requestId">The server's request id (<c>X-Request-Id</c>), if it gave one.</param>
    /// <param name="retryAfter">How long the server asked the caller to wait, if it said.</param>
    /// <param name="errors">The field-level messages; <see langword="null"/> for none.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public OAuthClientsApiException(
        HttpStatusCode statusCode,
        string message,
        string? errorCode = null,
        string? requestId = null,
        TimeSpan? retryAfter = null,
        IReadOnlyList<string>? errors = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RequestId = requestId;
        RetryAfter = retryAfter;
        Errors = errors ?? [];
    }

    /// <summary>Gets the HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// Gets the server's error code, such as <c>validation_error</c> (LumoAuth) or <c>bad-request</c> (the slug of a
    /// Cerberus problem type); <see langword="null"/> when the server gave none.
    /// </summary>
    public string? ErrorCode { get; }

    /// <summary>Gets the request id from the <c>X-Request-Id</c> response header, to quote to the provider's support.</summary>
    public string? RequestId { get; }

    /// <summary>Gets how long the server asked the caller to wait before trying again (<c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Gets the field-level messages, such as <c>redirectUris: Must be an absolute URI</c>; empty when the server gave none.</summary>
    public IReadOnlyList<string> Errors { get; }
}
