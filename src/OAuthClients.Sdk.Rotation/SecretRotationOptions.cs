using System;
using System.Collections.Generic;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Rotation;

/// <summary>
/// Which clients are rotated, when, and where the ledger lives. Bindable from configuration (for example the
/// <c>SecretRotation</c> section of <c>appsettings.json</c>); an unknown key fails at start-up.
/// </summary>
public sealed class SecretRotationOptions
{
    /// <summary>Gets or sets the name of the OAuthClients.Sdk registration whose clients are rotated.</summary>
    /// <value>The default value is <see cref="string.Empty"/>, the unnamed registration of <c>AddOAuthClientsSdk</c>.</value>
    public string ClientName { get; set; } = string.Empty;

    /// <summary>
    /// Gets the ids (<see cref="OAuthClient.Id"/>) of the clients to rotate; when empty, every confidential client is
    /// rotated. Public clients have no secret and are never rotated.
    /// </summary>
    public IList<string> ClientIds { get; } = [];

    /// <summary>Gets or sets a predicate a client must also satisfy to be rotated (code only, not bindable).</summary>
    /// <value>The default value is <see langword="null"/>: no further condition.</value>
    public Func<OAuthClient, bool>? Filter { get; set; }

    /// <summary>Gets or sets how old a secret may get before it is rotated.</summary>
    /// <value>The default value is 90 days.</value>
    public TimeSpan MaxSecretAge { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Gets or sets the time between two passes.</summary>
    /// <value>The default value is one hour.</value>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets the largest random delay added before each pass, so that replicas started together do not list
    /// the provider at the same moment. Correctness does not depend on it: the lock does.
    /// </summary>
    /// <value>The default value is one minute.</value>
    public TimeSpan Jitter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets a value indicating whether passes only report what they would rotate and why, changing nothing.</summary>
    public bool DryRun { get; set; }

    /// <summary>Gets or sets a value indicating whether the service makes one pass (delivering what it rotated) and stops the application.</summary>
    public bool RunOnce { get; set; }

    /// <summary>Gets or sets how many clients one host rotates at the same time.</summary>
    /// <value>The default value is 4.</value>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Gets or sets the wait before the first retry of a secret store that failed; it doubles after each failure.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan DeliveryRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the longest wait between two retries of a failing secret store.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan MaxDeliveryRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets a value indicating whether a delivered secret of a client that has the <c>client_credentials</c>
    /// grant is verified with a token request.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Verify { get; set; } = true;

    /// <summary>Gets or sets the database of the ledger and of the locks.</summary>
    /// <value>The default value is <see cref="LedgerProvider.Sqlite"/>.</value>
    public LedgerProvider Ledger { get; set; } = LedgerProvider.Sqlite;

    /// <summary>
    /// Gets or sets the connection string of the ledger's database: for SQLite, for example
    /// <c>Data Source=rotation.db</c> (the locks are files in a <c>.locks</c> directory beside it); for PostgreSQL, an
    /// Npgsql connection string. It is never logged.
    /// </summary>
    /// <value>The default value is <c>Data Source=oauthclients-rotation.db</c>.</value>
    public string ConnectionString { get; set; } = "Data Source=oauthclients-rotation.db";
}
