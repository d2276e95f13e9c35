namespace OAuthClients.Sdk.Rotation;

/// <summary>The database that holds the rotation ledger and the per-client locks.</summary>
public enum LedgerProvider
{
    /// <summary>A SQLite file, with file locks beside it: one host (several processes on it are safe).</summary>
    Sqlite,

    /// <summary>PostgreSQL, with advisory locks: any number of replicas.</summary>
    PostgreSql,
}
