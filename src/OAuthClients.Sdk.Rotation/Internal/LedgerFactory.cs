using System.IO;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OAuthClients.Sdk.Rotation.Internal;

/// <summary>The shipped ledgers and their locks, on the same database: what differs between SQLite and PostgreSQL.</summary>
internal static class LedgerFactory
{
    public static SqlRotationLedger CreateLedger(SecretRotationOptions options) => options.Ledger switch
    {
        LedgerProvider.PostgreSql => new SqlRotationLedger(
            () => new NpgsqlConnection(options.ConnectionString),

            // Hosts that start together would race on the catalog: a transaction-scoped advisory lock serializes them.
            $"SELECT pg_advisory_xact_lock(hashtext('{SqlRotationLedger.Table}')); CREATE TABLE IF NOT EXISTS {SqlRotationLedger.Table} ({SqlRotationLedger.Columns})"),
        _ => new SqlRotationLedger(
            () => new SqliteConnection(options.ConnectionString),
            $"CREATE TABLE IF NOT EXISTS {SqlRotationLedger.Table} ({SqlRotationLedger.Columns})"),
    };

    public static ISecretRotationLock CreateLock(SecretRotationOptions options) => options.Ledger switch
    {
        LedgerProvider.PostgreSql => new PostgresRotationLock(options.ConnectionString),
        _ => new FileRotationLock(SqliteLockDirectory(options.ConnectionString)),
    };

    private static string SqliteLockDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return Path.GetFullPath(dataSource + ".locks");
    }
}
