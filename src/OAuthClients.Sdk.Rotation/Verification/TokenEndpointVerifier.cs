using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Rotation.Verification.Dialects;

namespace OAuthClients.Sdk.Rotation.Verification;

/// <summary>
/// The default <see cref="ISecretVerifier"/>: a <c>client_credentials</c> token request with HTTP Basic client
/// authentication (RFC 6749 section 2.3.1) at the token endpoint of the configured provider. Only the status is read:
/// 2xx accepted, 400 or 401 refused, anything else (or no answer) failed. The token is never read or kept.
/// </summary>
internal sealed class TokenEndpointVerifier(
    IHttpClientFactory httpClients,
    IOptionsMonitor<OAuthClientsOptions> clientOptions,
    IOptions<SecretRotationOptions> rotationOptions) : ISecretVerifier
{
    public const string HttpClientName = "OAuthClients.Sdk.Rotation.Verification";

    public async Task<SecretVerification> VerifyAsync(OAuthClient client, ClientSecret secret, CancellationToken cancellationToken = default)
    {
        if (!client.GrantTypes.Contains("client_credentials", StringComparer.Ordinal))
        {
            return SecretVerification.Skipped;
        }

        var options = clientOptions.Get(rotationOptions.Value.ClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoints.For(options))
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", "client_credentials")]),
        };
        var credentials = $"{WebUtility.UrlEncode(client.ClientId)}:{WebUtility.UrlEncode(secret.Reveal())}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            using var response = await httpClients.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return response.StatusCode switch
            {
                >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices => SecretVerification.Accepted,
                HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized => SecretVerification.Refused,
                _ => SecretVerification.Failed,
            };
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return SecretVerification.Failed;
        }
    }
}
