using System.Collections.Generic;
using System.Linq;

namespace OAuthClients.Sdk.Sync;

/// <summary>
/// Whether the tenant is as a document says (<see cref="ClientsSync.DriftAsync"/>): a pipeline fails on
/// <see cref="HasDrift"/>. Server clients the document does not name count as drift, whatever the delete rules.
/// </summary>
public sealed record DriftResult
{
    /// <summary>Gets the clients that differ: missing, different, or not in the document (never the unchanged ones).</summary>
    public required IReadOnlyList<PlannedChange> Differences { get; init; }

    /// <summary>Gets whether the tenant differs from the document.</summary>
    public bool HasDrift => Differences.Count > 0;

    /// <summary>Gets the keys of the clients that differ.</summary>
    public IEnumerable<string> Keys => Differences.Select(d => d.Key);
}
