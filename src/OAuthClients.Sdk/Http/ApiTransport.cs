using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Dialects;
using OAuthClients.Sdk.Errors;

namespace OAuthClients.Sdk.Http;

/// <summary>
/// Sends <see cref="ApiRequest"/>s: builds a fresh message per attempt, applies the dialect's credentials, enforces
/// the per-attempt timeout, reads the body, and turns error statuses into the contract's exceptions.
/// </summary>
internal sealed class ApiTransport(HttpClient httpClient, Uri baseAddress, IOAuthDialect dialect, TimeSpan timeout)
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    /// <summary>Sends <paramref name="request"/> and returns the body of its success response.</summary>
    public async Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var replayed = false;
        while (true)
        {
            using var message = CreateMessage(request);
            await dialect.Authenticator.AuthenticateAsync(message, this, cancellationToken).ConfigureAwait(false);
            var (response, body) = await SendOnceAsync(request, message, cancellationToken).ConfigureAwait(false);
            using (response)
            {
                dialect.Authenticator.OnResponse(response);
                if (response.IsSuccessStatusCode)
                {
                    return new ApiResponse(response.StatusCode, ApiExceptionFactory.RequestId(response), body);
                }

                if (!replayed && dialect.Authenticator.CanReplay(response, body))
                {
                    replayed = true;
                    continue;
                }

                throw ApiExceptionFactory.FromErrorResponse(dialect.Name, request, response, body, dialect.ReadError(body));
            }
        }
    }

    private HttpRequestMessage CreateMessage(ApiRequest request)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(baseAddress, request.Path));
        message.Headers.Accept.Add(AcceptJson);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body) { Headers = { ContentType = JsonMediaType } };
        }

        return message;
    }

    private async Task<(HttpResponseMessage Response, byte[] Body)> SendOnceAsync(ApiRequest request, HttpRequestMessage message, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
#if NET
            var body = await response.Content.ReadAsByteArrayAsync(attempt.Token).ConfigureAwait(false);
#else
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
            return (response, WithoutByteOrderMark(body));
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's token: the per-attempt timeout, or the HttpClient's own.
            response?.Dispose();
            throw new TimeoutException($"{dialect.Name}: {request} timed out (the per-attempt Timeout is {timeout}).", ex);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    private static byte[] WithoutByteOrderMark(byte[] body) =>
        body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF ? body.AsSpan(3).ToArray() : body;
}
