using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Secrets;

/// <summary>
/// Where a client's new secret goes: a vault, a mounted file, an app's configuration. The secret handed over is the
/// only copy there will ever be, so an implementation either stores it durably and returns, or throws.
/// </summary>
/// <remarks>
/// Implementations must be safe to call again with the same secret (a caller retries after a failure), must never
/// log the secret or put it in an exception message, and should be thread-safe: several clients may be delivered at
/// once.
/// </remarks>
public interface ISecretStore
{
    /// <summary>Gets a short name for the store, used in logs and metrics (never a secret or a connection string).</summary>
    string Name { get; }

    /// <summary>Stores <paramref name="secret"/> as the current secret of <paramref name="client"/>, replacing any earlier one.</summary>
    /// <param name="client">The client whose secret it is; stores key it by <see cref="OAuthClient.ClientId"/>.</param>
    /// <param name="secret">The new secret; <see cref="ClientSecret.Reveal"/> gives its value.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the secret is stored durably.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="client"/> or <paramref name="secret"/> is <see langword="null"/>.</exception>
    Task SetSecretAsync(OAuthClient client, ClientSecret secret, CancellationToken cancellationToken = default);
}
