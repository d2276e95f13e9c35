using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OAuthClients.Sdk.Diagnostics;
using OAuthClients.Sdk.Dialects;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Internal;

namespace OAuthClients.Sdk.Http;

/// <summary>
/// Sends <see cref="ApiRequest"/>s: a fresh message per attempt, the dialect's credentials, the per-attempt timeout,
/// the retry policy (time from <see cref="TimeProvider"/>), one log line per attempt, and the contract's exceptions.
/// </summary>
internal sealed class ApiTransport(
    HttpClient httpClient,
    Uri baseAddress,
    IOAuthDialect dialect,
    TimeSpan timeout,
    int maxResponseSize,
    RetryPolicy retryPolicy,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>How much of a streamed body is read within the attempt (and so retried when cut short).</summary>
    private const int StreamedHeadSize = 16 * 1024;

    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

#if NET
    /// <summary>A per-attempt token source that never fired, reset, for the next attempt (at most one is kept).</summary>
    private CancellationTokenSource? _spareSource;
#endif

    /// <summary>Gets the clock of timeouts, backoff and token expiry.</summary>
    public TimeProvider Time => time;

    /// <summary>
    /// Sends <paramref name="request"/> and reads its success body with <paramref name="read"/>; a body that
    /// <paramref name="read"/> finds of the wrong shape is reported as an <see cref="OAuthClientsApiException"/>.
    /// </summary>
    public async Task<T> SendAsync<T>(ApiRequest request, Operation operation, BodyReader<T> read, CancellationToken cancellationToken)
    {
        using var response = await ExchangeAsync(request, operation, SuccessBody.Read, cancellationToken).ConfigureAwait(false);
        try
        {
            var result = read(response.Body.Span);
            OAuthClientsResponseCapture.Record(response);
            return result;
        }
        catch (JsonException ex)
        {
            throw ApiExceptionFactory.UnreadableBody(dialect, request, response.StatusCode, response.RequestId, response.Body.ToArray(), ex, operation.UnknownOutcome);
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> (a list) and returns its success body unread, to be streamed item by item in
    /// the memory of one item (<see cref="ListBody"/>); errors are read and thrown as for any other request.
    /// </summary>
    public async Task<ListBody> OpenListAsync(ApiRequest request, ListShape shape, CancellationToken cancellationToken)
    {
        var response = await ExchangeAsync(request, Operation.List, SuccessBody.Stream, cancellationToken).ConfigureAwait(false);
        OAuthClientsResponseCapture.Record(response);
        return new ListBody(this, request, response, shape, maxResponseSize);
    }

    /// <summary>
    /// Reads the next bytes of a streamed body under the per-attempt <c>Timeout</c> (each read may take that long,
    /// so a server that stalls mid-list is not waited for forever).
    /// </summary>
    public async ValueTask<int> ReadAsync(Stream stream, byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        using var attempt = StartAttempt(cancellationToken);
        try
        {
#if NET
            return await stream.ReadAsync(buffer.AsMemory(offset, count), attempt.Token).ConfigureAwait(false);
#else
            return await stream.ReadAsync(buffer, offset, count, attempt.Token).ConfigureAwait(false);
#endif
        }
        catch (Exception ex) when (Canceled(ex, attempt.Token))
        {
            throw CancellationOrTimeout(ex, cancellationToken);
        }
    }

    /// <summary>
    /// Whether <paramref name="ex"/> ended an attempt because it was canceled. A read canceled mid-body may fail with the
    /// stream's own exception (an <see cref="ObjectDisposedException"/> or <see cref="IOException"/> of the connection
    /// torn down under it) rather than an <see cref="OperationCanceledException"/>.
    /// </summary>
    private static bool Canceled(Exception ex, CancellationToken attempt) => ex is OperationCanceledException || attempt.IsCancellationRequested;

    /// <summary>
    /// The caller's cancellation, reported with the caller's token; otherwise the per-attempt timeout (or the HttpClient's
    /// own), whose message is never shown: <see cref="TransportFailure"/> and <see cref="ReadFailure"/> say what timed out.
    /// </summary>
    private static Exception CancellationOrTimeout(Exception ex, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? new OperationCanceledException("The operation was canceled.", ex, cancellationToken) : new TimeoutException(message: null, ex);

    /// <summary>
    /// What the caller sees when a streamed body fails after its items started to arrive: an unreadable body
    /// (<paramref name="excerpt"/> is the item that could not be read, if any), a timeout, or a lost response. Never
    /// retried: the items before it were already handed out.
    /// </summary>
    public Exception ReadFailure(ApiRequest request, ApiResponse response, Exception ex, byte[] excerpt) => ex switch
    {
        JsonException or ResponseTooLargeException => ApiExceptionFactory.UnreadableBody(dialect, request, response.StatusCode, response.RequestId, excerpt, ex, outcome: null),
        TimeoutException => new TimeoutException($"{dialect.Name}: {request} timed out while its body was read (the per-attempt Timeout is {timeout} per read).", ex.InnerException ?? ex),
        HttpRequestException or IOException => new HttpRequestException($"{dialect.Name}: {request} failed while its body was read: {Redaction.Text(ex.Message, dialect.Authenticator.Credentials.Values)}", ApiExceptionFactory.Quotable(ex, dialect.Authenticator.Credentials.Values)),
        _ => ex,
    };

    /// <summary>A listing stopped by the enumeration guard.</summary>
    public Exception PagingFailure(ApiRequest request, ApiResponse response, string problem) =>
        new OAuthClientsApiException(response.StatusCode, $"{dialect.Name}: the listing stopped at {request}: {problem}. The clients listed so far were returned.", requestId: response.RequestId);

    /// <summary>
    /// Sends <paramref name="request"/> for its status alone: a success body is not read (disposing the response
    /// drains or drops it); an error body is read as for any other request.
    /// </summary>
    public async Task SendAsync(ApiRequest request, Operation operation, CancellationToken cancellationToken)
    {
        using var response = await ExchangeAsync(request, operation, SuccessBody.Ignore, cancellationToken).ConfigureAwait(false);
        OAuthClientsResponseCapture.Record(response);
    }

    /// <summary>Sends <paramref name="request"/> and returns its success response, traced and measured as one operation.</summary>
    private async ValueTask<ApiResponse> ExchangeAsync(ApiRequest request, Operation operation, SuccessBody successBody, CancellationToken cancellationToken)
    {
        using var activity = Telemetry.ActivitySource.StartActivity(operation.ActivityName, ActivityKind.Client);
        activity?.SetTag("oauthclients.operation", operation.Name);
        activity?.SetTag("oauthclients.dialect", dialect.Name);
        var started = time.GetTimestamp();
        var outcome = "success";
        string? errorType = null;
        try
        {
            return await SendWithRetriesAsync(request, operation, successBody, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            outcome = ex switch
            {
                OAuthClientsApiException api => (int)api.StatusCode < 500 ? "client_error" : "server_error",
                TimeoutException => "timeout",
                OperationCanceledException => "canceled",
                _ => "transport_error",
            };
            errorType = Telemetry.ErrorType(ex);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity?.SetTag("error.type", errorType);
            throw;
        }
        finally
        {
            var tags = new TagList { { "oauthclients.dialect", dialect.Name }, { "oauthclients.operation", operation.Name }, { "oauthclients.outcome", outcome } };
            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
            }

            Telemetry.Duration.Record(time.GetElapsedTime(started).TotalSeconds, tags);
            Telemetry.Operations.Add(1, tags);
        }
    }

    private async ValueTask<ApiResponse> SendWithRetriesAsync(ApiRequest request, Operation operation, SuccessBody successBody, Activity? activity, CancellationToken cancellationToken)
    {
        var retries = 0;
        var replayed = false;
        var outcomeUnknown = false;
        for (var attempt = 1; ; attempt++)
        {
            using var message = CreateMessage(request);

            // A request with its own credentials (a token request, a login) is none of the dialect authenticator's business.
            var authenticator = request.Authenticator ?? (request.Authorization is null ? dialect.Authenticator : null);
            if (authenticator is not null)
            {
                await authenticator.AuthenticateAsync(message, this, cancellationToken).ConfigureAwait(false);
            }

            var started = time.GetTimestamp();
            HttpResponseMessage response;
            ResponseBody body;
            Stream? stream;

            // Stryker disable once Block : emptying the try or the catch block leaves the response unassigned; the method would not compile, and Stryker would drop every mutant of it.
            try
            {
                (response, body, stream) = await SendOnceAsync(message, request, operation, successBody, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                var failure = Failure(ex);
                Log.Failed(logger, dialect.Name, request.Method.Method, request.Path, Log.Milliseconds(time.GetElapsedTime(started)), attempt, failure);
                if (!retryPolicy.CanRetry(request, ex, retries))
                {
                    throw TransportFailure(request, ex, attempt, operation.UnknownOutcome);
                }

                outcomeUnknown |= !RetryPolicy.FailedBeforeSending(ex);
                await WaitBeforeRetryAsync(request, ++retries, retryAfter: null, failure, activity, cancellationToken).ConfigureAwait(false);

                // Stryker disable once Statement : without it the method does not compile (the response is unassigned), and Stryker would drop every mutant of this method.
                continue;
            }

            var handedOver = false;
            try
            {
                authenticator?.OnResponse(response, this);
                var credentials = dialect.Authenticator.Credentials.Values;
                activity?.SetTag("http.response.status_code", (int)response.StatusCode);
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    var requestId = ApiExceptionFactory.RequestId(response.Headers, credentials);
                    Log.Answered(logger, dialect.Name, request.Method.Method, request.Path, (int)response.StatusCode, Log.Milliseconds(time.GetElapsedTime(started)), attempt, requestId);
                }

                if (response.IsSuccessStatusCode)
                {
                    // The caller disposes the body (and a streamed body's response).
                    handedOver = stream is not null;
                    return new ApiResponse(response.StatusCode, response.Headers, credentials, body, stream is null ? null : response, stream);
                }

                var errorBody = body.ToArray();

                // Stryker disable once Statement : equivalent: an error body's buffer not returned is never handed to anyone again (memory only).
                body.Dispose();
                if (!replayed && authenticator is not null && authenticator.CanReplay(response, errorBody))
                {
                    replayed = true;
                    Log.ReplayingWithFreshCredentials(logger, dialect.Name, request.Method.Method, request.Path);
                    continue;
                }

                if (outcomeUnknown && request.Method == HttpMethod.Delete && response.StatusCode == HttpStatusCode.NotFound)
                {
                    Log.DeletedByEarlierAttempt(logger, dialect.Name, request.Path);
                    return new ApiResponse(HttpStatusCode.NoContent, response.Headers, credentials, ResponseBody.Empty);
                }

                var error = ApiExceptionFactory.FromErrorResponse(dialect, request, response, errorBody);
                if (!retryPolicy.CanRetry(request, response.StatusCode, error.RetryAfter, retries))
                {
                    throw error;
                }

                // A 5xx may have been processed; a later 404 on DELETE then means that attempt deleted it.
                outcomeUnknown |= (int)response.StatusCode >= 500;
                await WaitBeforeRetryAsync(request, ++retries, error.RetryAfter, $"{(int)response.StatusCode} {response.StatusCode}", activity, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (!handedOver)
                {
                    response.Dispose();
                }
            }
        }
    }

    private static string Failure(Exception ex) => ex is TimeoutException ? "timed out" : $"{ex.GetType().Name} ({(RetryPolicy.FailedBeforeSending(ex) ? "before sending" : "after sending")})";

    private Exception TransportFailure(ApiRequest request, Exception ex, int attempts, string? outcome)
    {
        var what = ex is TimeoutException
            ? $"{dialect.Name}: {request} timed out (the per-attempt Timeout is {timeout}; {attempts} attempt(s))."
            : $"{dialect.Name}: {request} failed {(RetryPolicy.FailedBeforeSending(ex) ? "before it was sent" : "and its response was lost")} ({attempts} attempt(s)): {Redaction.Text(ex.Message, dialect.Authenticator.Credentials.Values)}";
        if (outcome is not null && !RetryPolicy.FailedBeforeSending(ex))
        {
            what += $" The outcome is unknown: {outcome}.";
        }

        return ex is TimeoutException ? new TimeoutException(what, ex.InnerException ?? ex) : new HttpRequestException(what, ApiExceptionFactory.Quotable(ex, dialect.Authenticator.Credentials.Values));
    }

    private async Task WaitBeforeRetryAsync(ApiRequest request, int retry, TimeSpan? retryAfter, string reason, Activity? activity, CancellationToken cancellationToken)
    {
        activity?.SetTag("oauthclients.retry_count", retry);
        var delay = retryPolicy.Delay(retry, retryAfter);
        Log.Retrying(logger, dialect.Name, request.Method.Method, request.Path, retry, retryPolicy.MaxRetries, Log.Milliseconds(delay), reason);

        // Stryker disable once Equality : equivalent: waiting a zero delay returns a completed task.
        if (delay > TimeSpan.Zero)
        {
#if NET
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
#else
            await time.Delay(delay, cancellationToken).ConfigureAwait(false);
#endif
        }
    }

    private HttpRequestMessage CreateMessage(ApiRequest request)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(baseAddress, request.Path));
        message.Headers.Accept.Add(AcceptJson);
        message.Headers.Authorization = request.Authorization;
        if (request.JsonBody is not null)
        {
            // Serialized for this attempt into a pooled buffer, returned (cleared) when the message is disposed.
            message.Content = PooledJsonContent.Serialize(request.JsonBody, request.JsonBodyType!, request.ContentType);
        }
        else if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body) { Headers = { ContentType = request.ContentType } };
        }
        else if (request.Method != HttpMethod.Get)
        {
            // SocketsHttpHandler silently resends a request without content when the connection closes before any
            // response byte, even after the server received it. For a rotate-secret POST that would invalidate the
            // secret the caller never got. An empty body (Content-Length: 0) turns that resend off, so the SDK
            // alone decides when a write is repeated.
            message.Content = new ByteArrayContent([]);
        }

        return message;
    }

    /// <summary>One token source per attempt (or per streamed read): the timeout, and the caller's token forwarded to it.</summary>
    private AttemptToken StartAttempt(CancellationToken cancellationToken)
    {
#if NET
        // A source that did not fire is reset and kept for the next attempt (TryReset also drops any registration
        // left on it); one that fired, or one beyond the one kept, is disposed. See AttemptToken.Dispose.
        var source = Interlocked.Exchange(ref _spareSource, null);
        if (source is null)
        {
            source = new CancellationTokenSource(timeout, time);
        }
        else
        {
            source.CancelAfter(timeout);
        }
#else
        var source = time.CreateCancellationTokenSource(timeout);
#endif
        var forwarded = cancellationToken.CanBeCanceled
            ? cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), source)
            : default;
        return new AttemptToken(this, source, forwarded);
    }

    /// <summary>Keeps <paramref name="source"/> for the next attempt if it can be reset (it never fired); disposes it otherwise.</summary>
    private void EndAttempt(CancellationTokenSource source)
    {
#if NET
        // TryReset fails once the timer was ever queued or the source was canceled: a source is never reused after it fired.
        if (source.TryReset() && Interlocked.CompareExchange(ref _spareSource, source, null) is null)
        {
            return;
        }
#endif

        // Stryker disable once Statement : equivalent: a source not disposed is collected with its timer (memory only).
        source.Dispose();
    }

    /// <summary>
    /// One attempt: the response and its whole body; for a success, as <paramref name="successBody"/> says, its body's
    /// head and unread stream, or no body at all.
    /// </summary>
    private async ValueTask<(HttpResponseMessage Response, ResponseBody Body, Stream? Stream)> SendOnceAsync(HttpRequestMessage message, ApiRequest request, Operation operation, SuccessBody successBody, CancellationToken cancellationToken)
    {
        using var attempt = StartAttempt(cancellationToken);
        HttpResponseMessage? response = null;
        try
        {
            response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
            if (successBody == SuccessBody.Ignore && response.IsSuccessStatusCode)
            {
                return (response, ResponseBody.Empty, null);
            }

            if (successBody == SuccessBody.Stream && response.IsSuccessStatusCode)
            {
#if NET
                var stream = await response.Content.ReadAsStreamAsync(attempt.Token).ConfigureAwait(false);
#else
                var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                try
                {
                    return (response, await ResponseBody.ReadHeadAsync(stream, StreamedHeadSize, attempt.Token).ConfigureAwait(false), stream);
                }
                catch
                {
                    // Stryker disable once Statement : equivalent where tests run: disposing the response (below) disposes the stream its content handed out; kept for HttpContent implementations that do not track it.
                    stream.Dispose();
                    throw;
                }
            }

            return (response, await ResponseBody.ReadAsync(response.Content, maxResponseSize, attempt.Token).ConfigureAwait(false), null);
        }
        catch (ResponseTooLargeException ex)
        {
            // Not retried: the same server would send the same body again.
            var status = response!.StatusCode;
            var requestId = ApiExceptionFactory.RequestId(response.Headers, dialect.Authenticator.Credentials.Values);
            response.Dispose();
            throw ApiExceptionFactory.UnreadableBody(dialect, request, status, requestId, [], ex, response.IsSuccessStatusCode ? operation.UnknownOutcome : null);
        }
        catch (Exception ex) when (Canceled(ex, attempt.Token))
        {
            response?.Dispose();
            throw CancellationOrTimeout(ex, cancellationToken);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    /// <summary>What an exchange does with the body of a success response.</summary>
    private enum SuccessBody
    {
        /// <summary>Reads it whole within the attempt, up to the response size limit.</summary>
        Read,

        /// <summary>Reads its head within the attempt and hands over the rest unread, to be streamed.</summary>
        Stream,

        /// <summary>Leaves it unread: only the status matters.</summary>
        Ignore,
    }

    /// <summary>
    /// The token of one attempt; disposing it stops forwarding the caller's token (waiting for a forwarding already
    /// running), and only then resets the source for reuse or disposes it.
    /// </summary>
    private readonly struct AttemptToken(ApiTransport transport, CancellationTokenSource source, CancellationTokenRegistration forwarded) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public void Dispose()
        {
            forwarded.Dispose();
            transport.EndAttempt(source);
        }
    }
}
