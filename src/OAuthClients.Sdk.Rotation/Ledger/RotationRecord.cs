using System;

namespace OAuthClients.Sdk.Rotation.Ledger;

/// <summary>The durable record of a client's rotations. It never holds a secret.</summary>
public sealed record RotationRecord
{
    /// <summary>Gets the client's id (<see cref="Models.OAuthClient.Id"/>).</summary>
    public required string ClientId { get; init; }

    /// <summary>Gets how far the last rotation got.</summary>
    public required RotationState State { get; init; }

    /// <summary>Gets when the current secret was issued by a delivered rotation, or <see langword="null"/> before the first one.</summary>
    public DateTimeOffset? LastRotatedAt { get; init; }

    /// <summary>Gets when the last rotation started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Gets when the record was last written.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets a value indicating whether a rotation started but its secret never reached the stores (a crash, a lost outcome).</summary>
    public bool IsInterrupted => State is RotationState.Started or RotationState.Rotated;
}
