using System;
using System.Collections.Generic;
using OAuthClients.Sdk.Secrets;

namespace OAuthClients.Sdk.Sync;

/// <summary>How <see cref="ClientsSync"/> applies plans.</summary>
public sealed record ClientsSyncOptions
{
    /// <summary>The most <see cref="MaxConcurrency"/> may be.</summary>
    public const int MaxConcurrencyLimit = 16;

    /// <summary>
    /// Gets the stores every created client's secret goes to, before apply reports the create as done. A plan that
    /// creates a confidential client is refused when there is none.
    /// </summary>
    public IReadOnlyList<ISecretStore> SecretStores { get; init; } = [];

    /// <summary>Gets how many writes run at once (1 to <see cref="MaxConcurrencyLimit"/>; default 4).</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Gets the clock of the rate governor's waits (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
