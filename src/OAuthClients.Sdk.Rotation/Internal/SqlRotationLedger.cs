using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Rotation.Ledger;

namespace OAuthClients.Sdk.Rotation.Internal;

/// <summary>
/// The ledger over ADO.NET, one SQL text for SQLite and PostgreSQL (times are Unix milliseconds, the upsert is
/// <c>INSERT ... ON CONFLICT DO UPDATE</c>); only creating the table differs, given by <paramref name="createTable"/>.
/// Every write is its own committed statement.
/// </summary>
internal sealed class SqlRotationLedger(Func<DbConnection> connect, string createTable) : ISecretRotationLedger
{
    public const string Table = "oauthclients_secret_rotation";

    public const string Columns =
        "client_id TEXT PRIMARY KEY, state TEXT NOT NULL, last_rotated_at BIGINT NULL, started_at BIGINT NOT NULL, updated_at BIGINT NOT NULL";

    private const string Select = $"SELECT client_id, state, last_rotated_at, started_at, updated_at FROM {Table}";

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = Command(connection, createTable))
        {
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, RotationRecord>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var records = new Dictionary<string, RotationRecord>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, Select);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var record = Read(reader);
            records[record.ClientId] = record;
        }

        return records;
    }

    public async Task<RotationRecord?> ReadAsync(string clientId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, Select + " WHERE client_id = @client_id", ("client_id", clientId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task WriteAsync(RotationRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            $"""
            INSERT INTO {Table} (client_id, state, last_rotated_at, started_at, updated_at)
            VALUES (@client_id, @state, @last_rotated_at, @started_at, @updated_at)
            ON CONFLICT (client_id) DO UPDATE SET state = excluded.state, last_rotated_at = excluded.last_rotated_at,
                started_at = excluded.started_at, updated_at = excluded.updated_at
            """,
            ("client_id", record.ClientId),
            ("state", record.State.ToString()),
            ("last_rotated_at", record.LastRotatedAt?.ToUnixTimeMilliseconds()),
            ("started_at", record.StartedAt.ToUnixTimeMilliseconds()),
            ("updated_at", record.UpdatedAt.ToUnixTimeMilliseconds()));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static RotationRecord Read(DbDataReader reader) => new()
    {
        ClientId = reader.GetString(0),
        State = Enum.Parse<RotationState>(reader.GetString(1)),
        LastRotatedAt = reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
        StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
    };

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = connect();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
