using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OAuthClients.Sdk.Dialects;
using OAuthClients.Sdk.Http;
using OAuthClients.Sdk.Internal;

namespace OAuthClients.Sdk.Errors;

/// <summary>Builds the exceptions of the public contract from what came over the wire.</summary>
internal static class ApiExceptionFactory
{
    private const string RequestIdHeader = "X-Request-Id";

    /// <summary>How many field errors an exception carries at most: a server cannot make it hold a million.</summary>
    private const int MaxErrors = 100;

    public static OAuthClientsApiException FromErrorResponse(IOAuthDialect dialect, ApiRequest request, HttpResponseMessage response, byte[] body)
    {
        var error = dialect.ReadError(body);
        var credentials = dialect.Authenticator.Credentials.Values;
        var status = response.StatusCode;
        var requestId = RequestId(response.Headers, credentials);
        var code = Redacted(error.Code, credentials);
        var message = new StringBuilder()
            .Append(dialect.Name).Append(" answered ").Append((int)status).Append(' ').Append(status)
            .Append(" to ").Append(request);
        if (code is not null)
        {
            message.Append(" (").Append(code).Append(')');
        }

        if (error.Message is not null)
        {
            message.Append(": ").Append(Redaction.Text(error.Message, credentials));
        }
        else if (body.Length > 0)
        {
            message.Append(". The body was not a readable error; it starts with: ").Append(Redaction.Excerpt(body, credentials));
        }

        AppendRequestId(message, requestId);
        if (status == HttpStatusCode.NotFound && request.NotFoundHint is { } hint)
        {
            message.Append(' ').Append(hint);
        }

        var errors = error.Errors.Take(MaxErrors).Select(e => Redaction.Text(e, credentials)).ToArray();
        var retryAfter = RetryAfter(response) ?? error.RetryAfter;
        var text = message.ToString();
        return status switch
        {
            HttpStatusCode.NotFound => new OAuthClientNotFoundException(status, text, code, requestId, retryAfter, errors),
            HttpStatusCode.BadRequest or (HttpStatusCode)422 => new OAuthClientsValidationException(status, text, code, requestId, retryAfter, errors),
            (HttpStatusCode)429 => new OAuthClientsRateLimitException(status, text, code, requestId, retryAfter, errors),
            _ => new OAuthClientsApiException(status, text, code, requestId, retryAfter, errors),
        };
    }

    /// <summary>
    /// A success status whose body is not what the operation returns. For writes, <c>outcome</c> tells the caller what
    /// state the server is probably in.
    /// </summary>
    public static OAuthClientsApiException UnreadableBody(IOAuthDialect dialect, ApiRequest request, HttpStatusCode status, string? requestId, byte[] body, Exception cause, string? outcome)
    {
        var credentials = dialect.Authenticator.Credentials.Values;
        var message = new StringBuilder()
            .Append(dialect.Name).Append(" answered ").Append((int)status).Append(' ').Append(status)
            .Append(" to ").Append(request).Append(", but the body is not the expected JSON (").Append(Redaction.Text(cause.Message, credentials)).Append(')');
        if (outcome is not null)
        {
            message.Append(". The server reported success, so ").Append(outcome);
        }

        message.Append(body.Length == 0 ? ". The body was empty" : ". It starts with: " + Redaction.Excerpt(body, credentials));
        AppendRequestId(message, requestId);
        return new OAuthClientsApiException(status, message.ToString(), requestId: requestId, innerException: Quotable(cause, credentials));
    }

    /// <summary>
    /// <paramref name="cause"/>, to be an inner exception, unless a message in its chain quotes what the server sent
    /// (a JSON reader quotes the bytes after an invalid literal; a malformed header line may carry a cookie): then a
    /// copy of the same kind with the redacted message, over a likewise checked cause.
    /// </summary>
    public static Exception Quotable(Exception cause, IReadOnlyList<string> credentials)
    {
        for (var each = cause; each is not null; each = each.InnerException)
        {
            if (Redaction.Text(each.Message, credentials) != each.Message)
            {
                var message = Redaction.Text(cause.Message, credentials);
                var inner = cause.InnerException is { } below ? Quotable(below, credentials) : null;
                return cause is JsonException json
                    ? new JsonException(message, json.Path, json.LineNumber, json.BytePositionInLine, inner)
                    : new HttpRequestException(message, inner);
            }
        }

        return cause;
    }

    /// <summary>The response's request id, redacted: it goes into logs and exception members.</summary>
    public static string? RequestId(HttpResponseHeaders headers, IReadOnlyList<string> credentials) =>
        headers.TryGetValues(RequestIdHeader, out var values) ? Redacted(values.FirstOrDefault(), credentials) : null;

    /// <summary>Text from the server that becomes an exception member: bounded and credential-free, as in messages.</summary>
    private static string? Redacted(string? text, IReadOnlyList<string> credentials) =>
        text is null ? null : Redaction.Text(text, credentials);

    private static void AppendRequestId(StringBuilder message, string? requestId)
    {
        message.Append(requestId is null ? "." : $". Request id: {requestId}.");
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            // Measured against the server's own clock when it sent one, so clock skew does not matter.
            var now = response.Headers.Date ?? DateTimeOffset.UtcNow;
            return date > now ? date - now : TimeSpan.Zero;
        }

        return null;
    }
}
