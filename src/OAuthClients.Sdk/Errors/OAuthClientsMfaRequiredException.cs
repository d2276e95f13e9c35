using System;
using System.Net;

namespace OAuthClients.Sdk.Errors;

/// <summary>
/// Cerberus refused to log the configured service account in (<see cref="OAuthClientsOptions.Login"/>) because the
/// account requires multi-factor authentication, or must enroll in it first. An unattended client cannot answer an
/// MFA challenge: use a service account without MFA, or an API key.
/// </summary>
public class OAuthClientsMfaRequiredException : OAuthClientsApiException
{
    /// <summary>Initializes a new instance of the <see cref="OAuthClientsMfaRequiredException"/> class.</summary>
    /// <param name="requiresEnrollment">Whether the account must enroll in MFA before it can log in at all.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="message">The message, which must not contain a secret.</param>
    /// <param name="errorCode">The server's error code, if it gave one.</param>
    /// <param name="requestId">The server's request id (<c>X-Request-Id</c>), if it gave one.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public OAuthClientsMfaRequiredException(
        bool requiresEnrollment,
        HttpStatusCode statusCode,
        string message,
        string? errorCode = null,
        string? requestId = null,
        Exception? innerException = null)
        : base(statusCode, message, errorCode, requestId, innerException: innerException)
    {
        RequiresEnrollment = requiresEnrollment;
    }

    /// <summary>
    /// Gets a value indicating whether the account must enroll in MFA before it can log in (<see langword="true"/>),
    /// rather than present an MFA token (<see langword="false"/>).
    /// </summary>
    public bool RequiresEnrollment { get; }
}
