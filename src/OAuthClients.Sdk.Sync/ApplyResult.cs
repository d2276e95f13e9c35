using System.Collections.Generic;

namespace OAuthClients.Sdk.Sync;

/// <summary>
/// What <see cref="ClientsSync.ApplyAsync"/> did. After a failure, <see cref="Failed"/> and <see cref="NotDone"/> say
/// what was not done; planning again shows exactly the rest.
/// </summary>
public sealed record ApplyResult
{
    /// <summary>Gets the entries that were carried out (a create's secret is in the secret stores).</summary>
    public required IReadOnlyList<PlannedChange> Done { get; init; }

    /// <summary>Gets the entries that failed, with the error (never a secret).</summary>
    public required IReadOnlyList<FailedChange> Failed { get; init; }

    /// <summary>Gets the entries not started because an earlier one failed or the apply was cancelled.</summary>
    public required IReadOnlyList<PlannedChange> NotDone { get; init; }

    /// <summary>Gets whether every write of the plan was carried out.</summary>
    public bool Succeeded => Failed.Count == 0 && NotDone.Count == 0;
}
