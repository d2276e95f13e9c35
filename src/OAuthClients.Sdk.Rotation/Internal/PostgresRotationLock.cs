using System;
using System.Threading;
using System.Threading.Tasks;
using Medallion.Threading;
using Medallion.Threading.Postgres;

namespace OAuthClients.Sdk.Rotation.Internal;

/// <summary>
/// A PostgreSQL session advisory lock per client, through DistributedLock.Postgres, on the ledger's own database. The
/// server releases it when the holder's connection drops.
/// </summary>
/// <remarks>
/// The library's connection monitoring (reading <c>HandleLostToken</c>) is not used: with Npgsql 10 it closed the
/// holding connection under concurrent releases in this project's tests ("Connection is not open"), which would free
/// a lock that is still needed. So <see cref="ISecretRotationLockHandle.IsLost"/> stays false for this lock.
/// </remarks>
internal sealed class PostgresRotationLock(string connectionString) : ISecretRotationLock
{
    private readonly PostgresDistributedSynchronizationProvider _provider = new(connectionString);

    public async ValueTask<ISecretRotationLockHandle?> TryAcquireAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var handle = await _provider.CreateLock(new PostgresAdvisoryLockKey("oauthclients-rotation:" + clientId, allowHashing: true))
            .TryAcquireAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        return handle is null ? null : new Handle(handle);
    }

    private sealed class Handle(IDistributedSynchronizationHandle handle) : ISecretRotationLockHandle
    {
        public bool IsLost => false;

        public ValueTask DisposeAsync() => handle.DisposeAsync();
    }
}
