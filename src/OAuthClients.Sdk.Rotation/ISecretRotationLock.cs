using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Rotation;

/// <summary>
/// One rotation at a time per client, across processes and hosts. The shipped locks are PostgreSQL advisory locks
/// (through DistributedLock.Postgres) and operating-system file locks beside the SQLite ledger; both are released
/// when their holder dies.
/// </summary>
public interface ISecretRotationLock
{
    /// <summary>Takes the client's lock if no one holds it, without waiting.</summary>
    /// <param name="clientId">The client's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The held lock (dispose it to release it), or <see langword="null"/> when another holder has it.</returns>
    ValueTask<ISecretRotationLockHandle?> TryAcquireAsync(string clientId, CancellationToken cancellationToken = default);
}
