using System.Collections.Generic;
using System.Linq;

namespace OAuthClients.Sdk.Sync;

/// <summary>
/// What <see cref="ClientsSync.ApplyAsync"/> will do, computed by <see cref="ClientsSync.PlanAsync"/>: one entry per
/// client, deletes first. It carries the <see cref="Fingerprint"/> of the server state it was computed from; apply
/// refuses it once that state has changed. Render it with <see cref="SyncPlanRenderer"/>.
/// </summary>
public sealed record SyncPlan
{
    /// <summary>Gets the fingerprint (SHA-256, hex) of the server's clients the plan was computed from.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>Gets the safety rules the plan was computed with.</summary>
    public required PlanOptions Options { get; init; }

    /// <summary>Gets every client's entry: deletes and disables first, then retained, creates, replaces, updates, unchanged.</summary>
    public required IReadOnlyList<PlannedChange> Entries { get; init; }

    /// <summary>Gets whether applying the plan writes nothing.</summary>
    public bool IsEmpty => !Entries.Any(e => e.Action is not (SyncAction.Unchanged or SyncAction.Retain));

    /// <summary>Gets how many entries have <paramref name="action"/>.</summary>
    /// <param name="action">The action to count.</param>
    /// <returns>The count.</returns>
    public int Count(SyncAction action) => Entries.Count(e => e.Action == action);
}
