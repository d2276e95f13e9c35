using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Internal;

namespace OAuthClients.Sdk.Http;

/// <summary>Applies a dialect's credentials to each attempt and learns from each response (a CSRF token, say).</summary>
internal interface IRequestAuthenticator
{
    /// <summary>Gets every credential held now or before, to mask wherever server text is quoted.</summary>
    CredentialRegistry Credentials { get; }

    /// <summary>Adds the credentials to <paramref name="message"/>; may first ask the server for what it lacks.</summary>
    ValueTask AuthenticateAsync(HttpRequestMessage message, ApiTransport transport, CancellationToken cancellationToken);

    /// <summary>Keeps what the response tells about the credentials (a rotated CSRF token, a cookie).</summary>
    void OnResponse(HttpResponseMessage response, ApiTransport transport);

    /// <summary>
    /// Whether a refused request may be sent once more because the refusal was about the authenticator's own state
    /// (a stale CSRF token). The server did not process a request it refused, so a replay is safe.
    /// </summary>
    bool CanReplay(HttpResponseMessage response, byte[] body);

    /// <summary>Ends what the authenticator started with the server (a session it logged in); never throws for a server's refusal.</summary>
    ValueTask LogOutAsync(ApiTransport transport, CancellationToken cancellationToken);
}
