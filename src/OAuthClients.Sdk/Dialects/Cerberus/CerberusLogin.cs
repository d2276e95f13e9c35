using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Http;

namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>
/// The login of a service account (<c>POST /v1/auth/login</c>) and its logout (<c>DELETE /v1/auth/session</c>), with
/// each documented refusal turned into a message that says what to do.
/// </summary>
internal sealed class CerberusLogin
{
    /// <summary>The error code <see cref="CerberusDialect.ReadError"/> gives a refusal that asks for an MFA token.</summary>
    public const string MfaRequired = "mfa-required";

    /// <summary>The error code <see cref="CerberusDialect.ReadError"/> gives a refusal that asks for MFA enrollment.</summary>
    public const string MfaEnrollmentRequired = "mfa-enrollment-required";

    private const string Refused = "Cerberus refused the login of the configured service account (OAuthClients:Login)";
    private static readonly Operation LogIn = new("log_in", null);

    private readonly byte[] _body;

    public CerberusLogin(LoginOptions options)
    {
        var body = new CerberusLoginBody { Email = options.Email, Password = options.Password };
        _body = JsonSerializer.SerializeToUtf8Bytes(body, CerberusJsonContext.Default.CerberusLoginBody);
        Secrets = [options.Email!, options.Password!];
        IdleTimeout = options.IdleTimeout;
    }

    /// <summary>Gets the email and password, to mask wherever server text is quoted.</summary>
    public IReadOnlyList<string> Secrets { get; }

    public TimeSpan IdleTimeout { get; }

    public static ApiRequest LogOut(IRequestAuthenticator authenticator) =>
        new(HttpMethod.Delete, "v1/auth/session") { Authenticator = authenticator, Repeatable = false };

    public async Task LogInAsync(IRequestAuthenticator authenticator, ApiTransport transport, CancellationToken cancellationToken)
    {
        // A POST: repeated only when the server certainly did not process it (429, or not sent).
        var request = new ApiRequest(HttpMethod.Post, "v1/auth/login", _body) { Authenticator = authenticator };
        try
        {
            await transport.SendAsync(request, LogIn, cancellationToken).ConfigureAwait(false);
        }
        catch (OAuthClientsApiException ex)
        {
            throw Explain(ex);
        }
    }

    private static OAuthClientsApiException Explain(OAuthClientsApiException ex)
    {
        var detail = ex.Message;
        if (ex.ErrorCode is MfaRequired or MfaEnrollmentRequired)
        {
            var enrollment = ex.ErrorCode == MfaEnrollmentRequired;
            var why = enrollment ? "the account must enroll in multi-factor authentication first" : "the account requires multi-factor authentication";
            return new OAuthClientsMfaRequiredException(
                enrollment,
                ex.StatusCode,
                $"{Refused}: {why}, which an unattended client cannot provide. Use a service account without MFA, or an ApiKey. {detail}",
                ex.ErrorCode,
                ex.RequestId,
                ex);
        }

        var (advice, status) = ex.StatusCode switch
        {
            (HttpStatusCode)429 => ("too many logins from this address (Cerberus allows 30 a minute per IP): wait for RetryAfter, and share one client instead of creating many", ex.StatusCode),
            HttpStatusCode.Unauthorized when Says(detail, "blocked") => ("the account is blocked: ask a Cerberus administrator to unblock it", ex.StatusCode),
            HttpStatusCode.Unauthorized when Says(detail, "password") || Says(detail, "email") => ("the email or password is wrong: check Login:Email and Login:Password", ex.StatusCode),
            HttpStatusCode.Unauthorized => ("the credentials were not accepted: check Login:Email and Login:Password", ex.StatusCode),
            HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented
                => ("this deployment does not allow session logins (AUTH_ALLOW_SESSIONS=false): use an ApiKey instead", ex.StatusCode),
            _ when Says(detail, "session") => ("this deployment does not allow session logins (AUTH_ALLOW_SESSIONS=false): use an ApiKey instead", ex.StatusCode),
            _ => ("see the server's answer", ex.StatusCode),
        };
        var message = $"{Refused}: {advice}. {detail}";
        return status == (HttpStatusCode)429
            ? new OAuthClientsRateLimitException(status, message, ex.ErrorCode, ex.RequestId, ex.RetryAfter, ex.Errors, ex)
            : new OAuthClientsApiException(status, message, ex.ErrorCode, ex.RequestId, ex.RetryAfter, ex.Errors, ex);
    }

    private static bool Says(string text, string word) => text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;
}
