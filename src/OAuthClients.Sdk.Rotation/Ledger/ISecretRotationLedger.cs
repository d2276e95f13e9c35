using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Rotation.Ledger;

/// <summary>
/// The durable record per client of when it was rotated and what a rotation in flight has done. The shipped ledgers are
/// SQLite and PostgreSQL (<see cref="SecretRotationOptions.Ledger"/>); register another implementation to replace them.
/// </summary>
public interface ISecretRotationLedger
{
    /// <summary>Creates the ledger's table when it does not exist; safe to call from several hosts at once.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the ledger is usable.</returns>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the record of every client.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The records, keyed by client id.</returns>
    Task<IReadOnlyDictionary<string, RotationRecord>> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the record of one client.</summary>
    /// <param name="clientId">The client's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The record, or <see langword="null"/> when the client was never rotated.</returns>
    Task<RotationRecord?> ReadAsync(string clientId, CancellationToken cancellationToken = default);

    /// <summary>Writes a record durably, replacing the client's earlier one.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the record is committed.</returns>
    Task WriteAsync(RotationRecord record, CancellationToken cancellationToken = default);
}
