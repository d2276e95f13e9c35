using System;
using System.Collections.Generic;

namespace OAuthClients.Sdk.Rotation;

/// <summary>The report of one pass over the provider's clients.</summary>
public sealed record RotationPassResult
{
    /// <summary>Gets when the pass started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Gets a value indicating whether the pass was a dry run, which changed nothing.</summary>
    public required bool DryRun { get; init; }

    /// <summary>Gets one result per selected client (and per pending delivery retried), in no particular order.</summary>
    public required IReadOnlyList<ClientRotationResult> Clients { get; init; }
}
