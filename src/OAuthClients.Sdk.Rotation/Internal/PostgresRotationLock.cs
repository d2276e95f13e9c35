using System;
using System.Threading;
using System.Threading.Tasks;
using Medallion.Threading;
using Medallion.Threading.Postgres;

namespace OAuthClients.Sdk.Rotation.Internal;

/// <summary>
/// A PostgreSQL session advisory lock per client, through DistributedLock.Postgres, on the ledger's own database. The
/// server releases it when the holder's connection drops; the library reports that through its handle-lost token.
/// </summary>
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
        // Reading the token once, at once, is what starts the library's monitoring of the connection.
        private readonly CancellationToken _lost = handle.HandleLostToken;

        public bool IsLost => _lost.IsCancellationRequested;

        public ValueTask DisposeAsync() => handle.DisposeAsync();
    }
}
