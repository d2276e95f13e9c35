using System;
using Microsoft.Extensions.Logging;

namespace OAuthClients.Sdk.Diagnostics;

/// <summary>
/// The SDK's log lines (source-generated). They carry the method, the path (ids and tenant, never a query with
/// credentials: the SDK puts none there), status, duration, attempt and request id: never a header value or a body.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Dialect} {Method} /{Path} answered {StatusCode} in {ElapsedMilliseconds} ms (attempt {Attempt}, request id {RequestId})")]
    public static partial void Answered(ILogger logger, string dialect, string method, string path, int statusCode, long elapsedMilliseconds, int attempt, string? requestId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Dialect} {Method} /{Path} failed after {ElapsedMilliseconds} ms (attempt {Attempt}): {Failure}")]
    public static partial void Failed(ILogger logger, string dialect, string method, string path, long elapsedMilliseconds, int attempt, string failure);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Dialect} {Method} /{Path}: retry {Retry} of {MaxRetries} in {DelayMilliseconds} ms ({Reason})")]
    public static partial void Retrying(ILogger logger, string dialect, string method, string path, int retry, int maxRetries, long delayMilliseconds, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "{Dialect} {Method} /{Path}: the server refused a stale CSRF token; sending once more with a fresh one")]
    public static partial void ReplayingWithFreshCredentials(ILogger logger, string dialect, string method, string path);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "{Dialect} DELETE /{Path}: 404 after an attempt whose outcome was unknown, so the client was deleted by that attempt")]
    public static partial void DeletedByEarlierAttempt(ILogger logger, string dialect, string path);

    public static long Milliseconds(TimeSpan elapsed) => (long)elapsed.TotalMilliseconds;
}
