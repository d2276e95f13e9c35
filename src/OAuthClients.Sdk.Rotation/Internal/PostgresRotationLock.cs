using System;
using System.Threading;
using System.Threading.Tasks;
using Medallion.Threading.Postgres;

namespace OAuthClients.Sdk.Rotation.Internal;

/// <summary>
/// A PostgreSQL session advisory lock per client, through DistributedLock.Postgres, on the ledger's own database. The
/// server releases it when the holder's connection drops.
/// </summary>
internal sealed class PostgresRotationLock(string connectionString) : ISecretRotationLock
{
    private readonly PostgresDistributedSynchronizationProvider _provider = new(connectionString);

    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string clientId, CancellationToken cancellationToken = default) =>
        await _provider.CreateLock(new PostgresAdvisoryLockKey("oauthclients-rotation:" + clientId, allowHashing: true))
            .TryAcquireAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
}
