using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk;

/// <summary>
/// Supplies the bearer token of every request, for deployments where the admin credential is not a fixed
/// <see cref="OAuthClientsOptions.ApiKey"/> (a token from a vault, a workload identity or your own token service).
/// Register one with <c>AddOAuthClientsTokenProvider</c> on the builder that <c>AddOAuthClientsSdk</c> returns.
/// </summary>
/// <remarks>
/// The SDK asks before every attempt of every request, from any thread, so an implementation should cache its token
/// and be thread-safe. The SDK never logs, traces or quotes the token. When the server refuses a token with
/// 401 Unauthorized, the request is sent once more with the token this provider returns when told which one was
/// refused.
/// </remarks>
public interface IOAuthClientsTokenProvider
{
    /// <summary>Gets the token to send as <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    /// <param name="refusedToken">
    /// The last token the server refused with 401 Unauthorized, or <see langword="null"/>. A provider that caches must
    /// not return it again: it obtains a new token instead (if another call already did, it returns that one).
    /// </param>
    /// <param name="cancellationToken">Cancels the request the token is for.</param>
    /// <returns>The token: printable ASCII, without white space (a header carries nothing else).</returns>
    ValueTask<string> GetTokenAsync(string? refusedToken, CancellationToken cancellationToken);
}
