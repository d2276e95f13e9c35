using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace OAuthClients.Sdk.Http;

/// <summary>
/// What may be repeated, and after how long. Reads, PUT, PATCH (a plain field set) and DELETE are idempotent and
/// retried on any transient failure; POST (create, rotate secret) only when the server certainly did not process
/// it: a 429, or a connection that failed before the request was sent (unless the request is
/// <see cref="ApiRequest.Repeatable"/>, as a token request is).
/// </summary>
internal sealed class RetryPolicy(int maxRetries, TimeSpan maxDelay)
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(500);
    private readonly Random _jitter = new();

    public int MaxRetries => maxRetries;

    /// <summary>Whether the status may be retried for this request, and the server is not asking for a longer wait than allowed.</summary>
    public bool CanRetry(ApiRequest request, HttpStatusCode status, TimeSpan? retryAfter, int retries) =>
        retries < maxRetries
        && (retryAfter is null || retryAfter <= maxDelay)
        && ((int)status == 429 || (request.Repeatable && status is HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout));

    /// <summary>Whether a failed attempt (no response) may be retried.</summary>
    public bool CanRetry(ApiRequest request, Exception failure, int retries) =>
        retries < maxRetries && (request.Repeatable || FailedBeforeSending(failure));

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based): the server's, or capped exponential backoff with jitter.</summary>
    public TimeSpan Delay(int retry, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked;
        }

        var exponential = BaseDelay.Ticks * Math.Pow(2, retry - 1);
        double factor;
        lock (_jitter)
        {
            factor = 0.8 + (0.4 * _jitter.NextDouble());
        }

        return TimeSpan.FromTicks((long)Math.Min(maxDelay.Ticks, exponential * factor));
    }

    /// <summary>The connection could not be made, so the server never saw the request.</summary>
    public static bool FailedBeforeSending(Exception failure)
    {
#if NET
        if (failure is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return true;
        }
#endif
        return failure is HttpRequestException { InnerException: SocketException socket }
            && socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
                or SocketError.NetworkUnreachable or SocketError.TryAgain;
    }
}
