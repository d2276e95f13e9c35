using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Rotation.Verification;

/// <summary>
/// Checks a delivered secret against the provider. The default sends a <c>client_credentials</c> token request
/// (RFC 6749 section 4.4) to the provider's token endpoint, for clients that have that grant. A refusal never triggers
/// another rotation.
/// </summary>
public interface ISecretVerifier
{
    /// <summary>Asks the provider whether <paramref name="secret"/> works for <paramref name="client"/>.</summary>
    /// <param name="client">The client, as the provider returned it just before the rotation.</param>
    /// <param name="secret">The new secret.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What the provider said; never throws for what the provider answers.</returns>
    Task<SecretVerification> VerifyAsync(OAuthClient client, ClientSecret secret, CancellationToken cancellationToken = default);
}
